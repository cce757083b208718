/**
 * What every widget shares: hydration when it scrolls into view, the backend, the data attributes and User Timing
 * marks that tests and the benchmark read (GUIDE.md §4), coalesced updates, and errors shown where the reader looks.
 *
 * Subclasses implement `compute` (tfjs, through src/lib/compute) and `render` (d3/KaTeX, no maths).
 * Contract on the root element: data-widget, data-status="loading|ready|error", data-backend.
 * Measures: `widget:<name>:ready` (visible → first computed result) and `widget:<name>:update` (compute + render).
 */
import type * as TF from '@tensorflow/tfjs-core';
import { isBackendPreference, loadTf, reportBrokenBackend, selectBackend, type BackendChoice, type BackendPreference } from '../compute/backend';

import { markOverflowing } from '../site/scrollable-formulas';

export const BACKEND_CHANGE = 'tutorial:backend-change';

/** A message for the reader: what was wrong with the input and what was done instead. */
export class InputProblem extends Error {}

/** The backend the URL asks for (`?backend=wasm`), or auto. Nonsense values fall back to auto. */
export function backendFromUrl(): BackendPreference {
	const value = new URLSearchParams(location.search).get('backend');
	return isBackendPreference(value) ? value : 'auto';
}

export abstract class WidgetElement<Result> extends HTMLElement {
	protected tf: typeof TF | undefined;
	protected backend: BackendChoice | undefined;
	private pending = false;
	private running: Promise<void> | undefined;
	private firstResult = true;

	/** Name used in data-widget and in the timing measures. */
	get widgetName(): string {
		return this.dataset.widget ?? this.localName;
	}

	/** The reader-visible message line (role="status" or "alert" is set per message). */
	protected get messageBox(): HTMLElement | null {
		return this.querySelector('[data-role="message"]');
	}

	connectedCallback() {
		this.dataset.status = 'loading';
		this.bindControls();
		const observer = new IntersectionObserver((entries) => {
			if (!entries.some((e) => e.isIntersecting)) return;
			observer.disconnect();
			performance.mark(`widget:${this.widgetName}:visible`);
			void this.hydrate();
		});
		observer.observe(this);
		document.addEventListener(BACKEND_CHANGE, () => void this.switchBackend());
	}

	/** Wires the widget's own controls (called before hydration, so controls already update the URL state). */
	protected abstract bindControls(): void;
	/** Computes the current state's result with tfjs. */
	protected abstract compute(tf: typeof TF): Promise<Result>;
	/** Shows a result (no maths here). */
	protected abstract render(result: Result): void;

	private async hydrate() {
		try {
			await this.switchBackend();
		} catch (error) {
			this.showError(error);
		}
	}

	private async switchBackend() {
		this.tf = await loadTf();
		this.backend = await selectBackend(backendFromUrl());
		this.dataset.backend = this.backend.name;
		this.requestUpdate();
	}

	/** Asks for a recompute; rapid requests coalesce into one run with the latest state. */
	requestUpdate(): void {
		if (!this.tf) return; // not hydrated yet: the first update happens on hydration
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
		const name = this.widgetName;
		const start = performance.now();
		try {
			const before = this.tf!.memory().numTensors;
			const result = await this.compute(this.tf!);
			this.render(result);
			this.markFormulasAtNextFrame();
			const after = this.tf!.memory().numTensors;
			// Exposed so tests and the benchmark can see that updates release every tensor.
			this.dataset.tensors = String(after);
			if (after !== before) console.warn(`${name}: ${after - before} tensors not released by one update`);
			performance.measure(`widget:${name}:update`, { start });
			if (this.firstResult) {
				this.firstResult = false;
				performance.measure(`widget:${name}:ready`, `widget:${name}:visible`);
			}
			this.showTiming(performance.now() - start);
			if (this.backendNotice) {
				this.showInputProblem(this.backendNotice);
				this.backendNotice = '';
			}
			this.dataset.status = 'ready';
		} catch (error) {
			if (!(error instanceof InputProblem) && this.backend && this.backend.name !== 'cpu') {
				// A failing backend (WebGPU device lost, WebGL context lost, …): stop using it on this page, tell the
				// reader, and let every widget recompute on the next backend of the policy.
				const failed = this.backend.name;
				reportBrokenBackend(failed, error instanceof Error ? error.message : String(error));
				const why = error instanceof Error ? error.message : String(error);
				const message = this.querySelector<HTMLElement>('[data-role="backend-readout"]')?.dataset.failed ?? '{{backend}} failed ({{why}})';
				// Shown now, and again after the first result on the next backend (a successful update clears messages).
				this.backendNotice = message.replace('{{backend}}', failed).replace('{{why}}', why);
				this.showInputProblem(this.backendNotice);
				document.dispatchEvent(new Event(BACKEND_CHANGE));
				return;
			}
			this.showError(error);
		}
	}

	private formulaCheck: number | undefined;
	/** Why the previous backend was abandoned, for the reader (see updateOnce). */
	private backendNotice = '';

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

	private showTiming(ms: number) {
		const readout = this.querySelector<HTMLElement>('[data-role="backend-readout"]');
		if (readout && this.backend) {
			readout.textContent = `${this.backend.name} · ${ms.toFixed(1)} ms`;
			readout.title = this.backend.reason;
		}
		this.clearMessage();
	}

	/** Shows a problem with the reader's input next to the widget; the last good result stays on screen. */
	protected showInputProblem(message: string) {
		const box = this.messageBox;
		if (box) {
			box.textContent = message;
			box.dataset.kind = 'problem';
		}
	}

	protected clearMessage() {
		const box = this.messageBox;
		if (box?.dataset.kind === 'error') {
			box.textContent = '';
			delete box.dataset.kind;
		}
	}

	private urlNote = '';

	/** Link parameters that had to be ignored: shown until the reader changes something. */
	protected noteUrlProblems(message: string) {
		this.urlNote = message;
		this.showInputProblem(message);
	}

	protected forgetUrlProblems() {
		this.urlNote = '';
	}

	/** Removes the input problem (the note about ignored link parameters stays until the reader acts). */
	protected clearInputProblem() {
		const box = this.messageBox;
		if (box?.dataset.kind !== 'problem') return;
		if (this.urlNote) box.textContent = this.urlNote;
		else {
			box.textContent = '';
			delete box.dataset.kind;
		}
	}

	private showError(error: unknown) {
		const message = error instanceof Error ? error.message : String(error);
		if (error instanceof InputProblem) {
			this.showInputProblem(message);
			this.dataset.status = 'ready';
			return;
		}
		this.dataset.status = 'error';
		const box = this.messageBox;
		if (box) {
			box.textContent = message;
			box.dataset.kind = 'error';
		}
	}
}
