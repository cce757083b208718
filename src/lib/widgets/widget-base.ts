/**
 * What every widget shares, so that a widget itself is only its controls, `compute` and a pure `view`:
 * - its state in the URL (read, written, back/forward), with a note about link parameters it had to ignore;
 * - its localized strings (the JSON the component renders into `[data-role="strings"]`);
 * - hydration when it scrolls into view;
 * - coalesced updates, the data attributes and User Timing measures that tests and the benchmark read;
 * - messages for the reader next to the widget.
 * What the widget computes with is its subclass's: tfjs and a backend (./widget-element.ts), or nothing but plain
 * TypeScript (./calculator-element.ts), so that a chapter whose widgets need no tensors never loads tfjs.
 *
 * Contract on the root element: data-widget, data-status="loading|ready|error".
 * Measures: `widget:<name>:ready` (visible → first computed result) and `widget:<name>:update` (compute + render).
 * Everything bound in `connectedCallback` is unbound in `disconnectedCallback` (one AbortSignal), so an element moved
 * in the DOM binds once.
 */
import { markOverflowing } from '../site/scrollable-formulas';
import { template } from '../text/template';
import { applyView } from './apply-view';
import { InputProblem } from './input-problem';
import { prepareFormula } from './formula';
import { cancelIdle, whenIdle } from './idle';
import { Readiness } from './readiness';
import { ReaderNotes } from './reader-notes';
import { readState, writeState, type ParamSpec } from './url-state';
import type { ViewStrings, WidgetView } from './view';

export { InputProblem };

export abstract class WidgetBase<State extends object, Result, View extends WidgetView = WidgetView> extends HTMLElement {
	protected state!: State;
	protected strings: ViewStrings = {};
	/** Aborted on disconnect: pass as `{ signal }` to every listener a widget adds outside its own subtree too. */
	protected signal!: AbortSignal;
	protected readonly notes = new ReaderNotes(this);
	private connection: AbortController | undefined;
	private readonly readiness = new Readiness(
		() => this.widgetName,
		() => {
			this.prepareData();
			void this.hydrate();
		},
	);
	private hydrated = false;
	private pending = false;
	private running: Promise<void> | undefined;
	private formulaCheck: number | undefined;
	private preparing: number | undefined;

	/** The widget's URL parameters (read once, when the element connects). */
	protected abstract createSpec(): ParamSpec<State>;
	/** Wires the widget's own controls; called on every connect, before hydration. */
	protected abstract bindControls(): void;
	/** Shows the state in the controls, after reading the URL (`url`) or after a change the reader made. */
	protected abstract syncControls(from: 'url' | 'change'): void;
	/** The pure view of a result (the widget's view.ts), the same function as the server-rendered frame's. */
	protected abstract view(result: Result): View;
	/** Applies the parts every view has: formulas, tables and texts (a tfjs widget adds its heatmaps). */
	protected applyParts(view: View): void {
		applyView(this, view);
	}
	/** Applies what the shared `applyView` does not know about (token buttons, slider, …). */
	protected applyExtras(_view: View, _result: Result): void {}
	/**
	 * Formulas (TeX by the `data-role` of their box) the reader is likely to ask for next, e.g. the next step's:
	 * rendered while the page is idle, so that the step itself costs no KaTeX rendering.
	 */
	protected upcomingFormulas(_result: Result): [role: string, tex: string][] {
		return [];
	}

	/** Loads what computing and drawing need (tfjs and a backend, KaTeX); the first update follows. */
	protected abstract loadRuntime(): Promise<void>;
	/** Whether `loadRuntime` has made the widget able to compute (a tfjs widget also needs a backend). */
	protected abstract runtimeReady(): boolean;
	/** The current state's result (the subclass's compute, with its own bookkeeping around it). */
	protected abstract computeForUpdate(): Promise<Result>;
	/** After an update has been drawn: bookkeeping that must see the whole update (tensors left), then its timing. */
	protected updateDrawn(_ms: number): void {}
	/** An update failed for a reason other than the reader's input; by default the widget shows the error. */
	protected updateFailed(error: unknown): void {
		this.showError(error);
	}

	private spec!: ParamSpec<State>;

	/** Name used in data-widget and in the timing measures. */
	get widgetName(): string {
		return this.dataset.widget ?? this.localName;
	}

	/** The element of the widget's `data-role`; every role a widget asks for is in its component. */
	protected q<T extends Element>(role: string): T {
		const element = this.querySelector<T>(`[data-role="${role}"]`);
		if (!element) throw new Error(`<${this.localName}>: no [data-role="${role}"] in the component`);
		return element;
	}

	connectedCallback(): void {
		this.connection = new AbortController();
		this.signal = this.connection.signal;
		this.strings = JSON.parse(this.querySelector('[data-role="strings"]')?.textContent ?? '{}') as ViewStrings;
		this.spec ??= this.createSpec();
		this.dataset.status ??= 'loading';
		this.loadStateFromUrl();
		addEventListener(
			'popstate',
			() => {
				this.loadStateFromUrl();
				this.requestUpdate();
			},
			{ signal: this.signal },
		);
		this.bindShared();
		this.bindControls();
		if (this.hydrated) {
			this.requestUpdate(); // moved in the DOM after hydration: already running
			return;
		}
		this.readiness.watch(this);
	}

	/** Binds what the subclass shares between its widgets (the backend menu); called on every connect. */
	protected bindShared(): void {}

	/** Starts loading what `compute` will need (data files) in parallel with the runtime, when hydration starts. */
	protected prepareData(): void {}

	disconnectedCallback(): void {
		this.connection?.abort();
		cancelIdle(this.preparing);
		this.readiness.stop();
		if (this.formulaCheck !== undefined) cancelAnimationFrame(this.formulaCheck);
		this.formulaCheck = undefined;
	}

	private loadStateFromUrl() {
		const { state, problems } = readState(this.spec, new URLSearchParams(location.search));
		this.state = state;
		this.notes.set('control', '');
		this.notes.set('page', problems.length ? template(this.strings.urlIgnored ?? '{{list}}', { list: problems.join('; ') }) : '');
		this.syncControls('url');
	}

	/**
	 * A change the reader made: into the URL (`push`: a choice the back button undoes; `none`: not yet, as for the frames
	 * of an animation, whose state is written when it stops), controls, recompute.
	 */
	protected commit(change: Partial<State>, mode: 'push' | 'replace' | 'none' = 'push'): void {
		this.state = { ...this.state, ...change };
		this.notes.set('page', '');
		if (mode !== 'none') writeState(this.spec, this.state, mode);
		this.syncControls('change');
		this.requestUpdate();
	}

	/** Makes the current state its own history entry (after a run of `replace` commits, e.g. typing). */
	protected keepInHistory(): void {
		writeState(this.spec, this.state, 'push');
	}

	/** A problem with the reader's current input ('' clears it); the last good result stays on screen. */
	protected setControlNote(message: string): void {
		this.notes.set('control', message);
	}

	private async hydrate() {
		try {
			await this.loadRuntime();
			this.hydrated = true;
			this.requestUpdate();
		} catch (error) {
			this.showError(error);
		}
	}

	/** Asks for a recompute; rapid requests coalesce into one run with the latest state. */
	requestUpdate(): void {
		if (!this.hydrated || !this.runtimeReady()) return; // the first update happens on hydration
		this.pending = true;
		this.running ??= this.drain().finally(() => (this.running = undefined));
	}

	/** Resolves when no update is running or queued (for tests and the benchmark). */
	async settled(): Promise<void> {
		while (this.running) await this.running;
	}

	private async drain() {
		while (this.pending) {
			this.pending = false;
			await this.updateOnce();
		}
	}

	private async updateOnce() {
		const start = performance.now();
		try {
			const result = await this.computeForUpdate();
			const view = this.view(result);
			this.applyParts(view);
			this.applyExtras(view, result);
			this.markFormulasAtNextFrame();
			this.prepareWhenIdle(result);
			performance.measure(`widget:${this.widgetName}:update`, { start });
			this.updateDrawn(performance.now() - start);
			this.readiness.firstResult();
			this.notes.updated(view.notes);
			this.dataset.status = 'ready';
		} catch (error) {
			if (error instanceof InputProblem) {
				this.notes.set('compute', error.message);
				this.dataset.status = 'ready';
			} else this.updateFailed(error);
		}
	}

	/**
	 * Whether a re-rendered formula now overflows needs the page's layout. Asked for during the update, it would force
	 * a synchronous layout of the whole chapter every time (measured: 15–40 ms per update, most of the update's cost);
	 * at the next frame the browser lays the page out anyway, so the check costs almost nothing there.
	 */
	private markFormulasAtNextFrame() {
		this.formulaCheck ??= requestAnimationFrame(() => {
			this.formulaCheck = undefined;
			markOverflowing(this);
		});
	}

	private prepareWhenIdle(result: Result) {
		cancelIdle(this.preparing);
		this.preparing = whenIdle(() => {
			this.preparing = undefined;
			if (this.pending) return; // a newer state is on its way; it prepares its own neighbours
			for (const [role, tex] of this.upcomingFormulas(result)) {
				const box = this.querySelector<HTMLElement>(`[data-role="${role}"]`);
				if (box) prepareFormula(box, tex);
			}
		});
	}

	protected showError(error: unknown): void {
		this.dataset.status = 'error';
		this.notes.error(error);
	}
}
