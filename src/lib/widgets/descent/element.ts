import { SURFACES, type SurfaceId } from '../../reference/loss-surfaces';
import { fromPixels } from '../../viz/contour-plot';
import { applyView } from '../apply-view';
import { CalculatorElement } from '../calculator-element';
import { FramePlayer } from '../frame-player';
import type { QuantityField } from '../quantity-fields';
import { descentResult, type DescentResult } from './result';
import { DESCENT_LIMITS, descentSpec, MAX_STEPS, type DescentState, type OptimizerKind } from './state';
import { descentView, type DescentView } from './view';

type NumberKey = keyof typeof DESCENT_LIMITS;

const FULL_REDRAW_MS = 100;

const FIELDS: readonly QuantityField<NumberKey>[] = (Object.keys(DESCENT_LIMITS) as NumberKey[]).map((key) => ({
	key,
	role: `gd-${key}`,
	range: DESCENT_LIMITS[key],
	integer: key === 'seed',
}));

/**
 * `<descent-widget>`: an optimizer's path over a two-parameter loss, a step at a time or one step per frame. Plain
 * TypeScript, so it extends CalculatorElement (no tfjs); every state, including the number of steps, is in the URL.
 */
export class DescentElement extends CalculatorElement<DescentState, DescentResult, DescentView> {
	private player!: FramePlayer;
	private finished = false;

	protected createSpec() {
		return descentSpec;
	}

	protected override quantities() {
		return FIELDS;
	}

	/** A new start or seed is a new run: it starts from step 0. */
	protected override quantityChange(key: NumberKey, value: number): Partial<DescentState> {
		return { [key]: value, ...(key === 'startX' || key === 'startY' || key === 'seed' ? { steps: 0 } : {}) };
	}

	protected bindControls() {
		const on = { signal: this.signal };
		const surface = this.q<HTMLSelectElement>('gd-surface');
		surface.addEventListener('change', () => this.commit({ surface: surface.value as SurfaceId, ...this.startOf(surface.value as SurfaceId), steps: 0 }), on);
		const optimizer = this.q<HTMLSelectElement>('gd-optimizer');
		optimizer.addEventListener('change', () => this.commit({ optimizer: optimizer.value as OptimizerKind, steps: 0 }), on);
		this.q<HTMLButtonElement>('gd-step').addEventListener('click', () => this.commit({ steps: Math.min(MAX_STEPS, this.state.steps + 1) }, 'replace'), on);
		this.q<HTMLButtonElement>('gd-reset').addEventListener('click', () => this.commit({ steps: 0 }), on);
		this.player = new FramePlayer({
			button: this.q<HTMLButtonElement>('gd-play'),
			words: { play: this.strings.play ?? 'Play', pause: this.strings.pause ?? 'Pause' },
			step: () => {
				if (this.finished || this.state.steps >= MAX_STEPS) return false;
				// Not into the URL at every frame (a history write restyles the page's links): once, when it stops.
				this.commit({ steps: this.state.steps + 1 }, 'none');
				return true;
			},
			stopped: () => {
				this.keepInHistory();
				this.requestUpdate(); // the formula and the table of the step it stopped at
			},
			fullRedrawMs: FULL_REDRAW_MS,
		});
		this.q<HTMLButtonElement>('gd-play').addEventListener(
			'click',
			() => {
				this.finished = false;
				this.player.toggle();
			},
			on,
		);
		const plot = this.q<SVGSVGElement>('gd-plot');
		plot.addEventListener(
			'click',
			(event) => {
				// The screen → viewBox transform of the SVG itself, so borders and scaling are accounted for.
				const inViewBox = new DOMPoint(event.clientX, event.clientY).matrixTransform(plot.getScreenCTM()!.inverse());
				const [x, y] = fromPixels(SURFACES[this.state.surface].domain, [inViewBox.x, inViewBox.y]);
				this.player.pause();
				this.commit({ startX: x, startY: y, steps: 0 });
				this.showQuantities();
			},
			on,
		);
	}

	/** A new surface starts from where its valley is worth watching: Rosenbrock's classic (−1.2, 1), else (2.5, 2). */
	private startOf(surface: SurfaceId): Pick<DescentState, 'startX' | 'startY'> {
		return surface === 'rosenbrock' ? { startX: -1.2, startY: 1 } : { startX: 2.5, startY: 2 };
	}

	override disconnectedCallback(): void {
		this.player?.stop();
		super.disconnectedCallback();
	}

	protected syncControls(from: 'url' | 'change') {
		if (from === 'url') this.showQuantities();
		this.q<HTMLSelectElement>('gd-surface').value = this.state.surface;
		this.q<HTMLSelectElement>('gd-optimizer').value = this.state.optimizer;
		for (const box of this.querySelectorAll<HTMLElement>('[data-for]')) box.hidden = box.dataset.for !== this.state.optimizer;
		for (const box of this.querySelectorAll<HTMLElement>('[data-surface]')) box.hidden = box.dataset.surface !== this.state.surface;
	}

	/**
	 * While playing, the formula and the table (KaTeX and a table's cells: most of a frame's work) are redrawn at most
	 * every FULL_REDRAW_MS, so that a step per frame holds 60 frames per second; the path, the marks and the readout
	 * follow every step, and pausing draws everything.
	 */
	protected override applyParts(view: DescentView): void {
		applyView(this, this.player?.fullRedraw() === false ? { ...view, formulas: {}, tables: {} } : view);
	}

	protected calculate(): DescentResult {
		return descentResult(this.state);
	}

	protected view(result: DescentResult): DescentView {
		return descentView(result, this.strings);
	}

	protected override applyExtras(view: DescentView, result: DescentResult): void {
		this.finished = result.run.divergedAt !== undefined;
		this.drawMarkup('gd-contours', view.contours);
		this.q<SVGPathElement>('gd-trail').setAttribute('d', view.path.d);
		const place = (role: string, [x, y]: [number, number]) => {
			const mark = this.q<SVGCircleElement>(role);
			mark.setAttribute('cx', String(x));
			mark.setAttribute('cy', String(y));
		};
		place('gd-start', view.path.start);
		place('gd-current', view.path.current);
		place('gd-minimum', view.minimum);
	}
}
