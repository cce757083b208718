import type { RegressionRun } from '../../reference/regression';
import { template } from '../../text/template';
import { applyView } from '../apply-view';
import { CalculatorElement } from '../calculator-element';
import { FramePlayer } from '../frame-player';
import type { QuantityField } from '../quantity-fields';
import { overfitResult, overfitRun, runFor, type OverfitResult } from './result';
import { MAX_STEPS, OVERFIT_LIMITS, overfitSpec, type OverfitState } from './state';
import { overfitView, type OverfitView } from './view';

type NumberKey = keyof typeof OVERFIT_LIMITS;

/** Steps of training per animation frame while playing: a curve point (one every 10 steps) each frame. */
export const STEPS_PER_FRAME = 10;
/** While playing, the formula and the table (KaTeX and cells) are redrawn at most this often; the pictures every frame. */
const FULL_REDRAW_MS = 150;
/** A long run (a link to 5,000 steps of the largest network: about a second) is trained in slices this long, between which the page stays responsive. */
const SLICE_MS = 12;
const SAY_PROGRESS_AFTER_MS = 400;

const FIELDS: readonly QuantityField<NumberKey>[] = (Object.keys(OVERFIT_LIMITS) as NumberKey[]).map((key) => ({
	key,
	role: `of-${key}`,
	range: OVERFIT_LIMITS[key],
	integer: key !== 'weightDecay',
}));

/**
 * `<overfit-widget>`: a small network fitted to noisy points while the reader watches the training and validation
 * errors part. Plain TypeScript (no tfjs); the run in progress is kept, so playing costs one frame's steps, and any
 * change of n, H, λ or the seed starts a new run from step 0. The state, steps included, is in the URL.
 */
export class OverfitElement extends CalculatorElement<OverfitState, OverfitResult, OverfitView> {
	private run: RegressionRun | undefined;
	private player!: FramePlayer;

	protected createSpec() {
		return overfitSpec;
	}

	protected override quantities() {
		return FIELDS;
	}

	/** A new configuration is a new run: it starts from step 0. */
	protected override quantityChange(key: NumberKey, value: number): Partial<OverfitState> {
		return { [key]: value, steps: 0 };
	}

	protected bindControls() {
		const on = { signal: this.signal };
		this.player = new FramePlayer({
			button: this.q<HTMLButtonElement>('of-play'),
			words: { play: this.strings.play ?? 'Play', pause: this.strings.pause ?? 'Pause' },
			step: () => {
				if (this.state.steps >= MAX_STEPS) return false;
				// Not into the URL at every frame (a history write restyles the page's links): once, when it stops.
				this.commit({ steps: Math.min(MAX_STEPS, this.state.steps + STEPS_PER_FRAME) }, 'none');
				return true;
			},
			stopped: () => {
				this.keepInHistory();
				this.requestUpdate(); // the formula and the table of the step it stopped at
			},
			fullRedrawMs: FULL_REDRAW_MS,
		});
		this.q<HTMLButtonElement>('of-play').addEventListener(
			'click',
			() => {
				// At the last step, Play trains again from the start.
				if (!this.player.playing && this.state.steps >= MAX_STEPS) this.commit({ steps: 0 }, 'none');
				this.player.toggle();
			},
			on,
		);
		this.q<HTMLButtonElement>('of-reset').addEventListener(
			'click',
			() => {
				this.player.pause();
				this.commit({ steps: 0 });
			},
			on,
		);
	}

	override disconnectedCallback(): void {
		this.player?.stop();
		super.disconnectedCallback();
	}

	protected syncControls(from: 'url' | 'change') {
		if (from === 'url') this.showQuantities();
	}

	protected calculate(): OverfitResult {
		this.run = overfitRun(this.state, this.run);
		return overfitResult(this.state, this.run);
	}

	/**
	 * Trains to the state's step in slices of SLICE_MS, yielding to the page between them and saying how far it has
	 * got; each slice reads the state afresh, so a change made meanwhile (another n) starts its own run at once.
	 */
	protected override async computeForUpdate(): Promise<OverfitResult> {
		const started = performance.now();
		let said = false;
		try {
			for (;;) {
				const state = this.state;
				this.run = runFor(state, this.run);
				if (this.run.advanceUntil(state.steps, performance.now() + SLICE_MS)) return overfitResult(state, this.run);
				// Said only when it takes a while (the first frame's 2,000 steps take about 150 ms: no flash of words).
				if (performance.now() - started > SAY_PROGRESS_AFTER_MS) {
					said = true;
					this.notes.set('compute', template(this.strings.training ?? '', { t: this.run.steps, target: state.steps }));
				}
				await new Promise((resolve) => setTimeout(resolve, 0));
			}
		} finally {
			if (said) this.notes.set('compute', '');
		}
	}

	protected view(result: OverfitResult): OverfitView {
		return overfitView(result, this.strings);
	}

	protected override applyParts(view: OverfitView): void {
		applyView(this, this.player?.fullRedraw() === false ? { ...view, formulas: {}, tables: {} } : view);
	}

	protected override applyExtras(view: OverfitView): void {
		this.drawMarkup('of-curves', view.curves);
		this.drawMarkup('of-fit', view.fit);
	}
}
