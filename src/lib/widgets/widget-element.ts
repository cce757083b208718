/**
 * A widget that computes with tfjs: on top of what every widget shares (./widget-base.ts), tfjs and a backend loaded
 * on hydration, the backend menu and the fallback when a backend fails in use, and the count of tensors left behind.
 *
 * Contract on the root element, besides the base's: data-backend and data-tensors.
 */
import type * as TF from '@tensorflow/tfjs-core';
import { isBackendPreference, loadTf, selectBackend, type BackendChoice, type BackendPreference } from '../compute/backend';
import { BACKEND_CHANGE, backendFromUrl, reportBackendFailure, setBackendPreference } from '../compute/backend-preference';
import { template } from '../text/template';
import { applyHeatmaps } from './apply-heatmaps';
import { applyView } from './apply-view';
import { loadFormulaRenderer } from './formula';
import type { WidgetView } from './view';
import { WidgetBase } from './widget-base';

export { InputProblem } from './widget-base';

export abstract class WidgetElement<State extends object, Result, View extends WidgetView = WidgetView> extends WidgetBase<State, Result, View> {
	private tf: typeof TF | undefined;
	private backend: BackendChoice | undefined;
	private tensorsBefore = 0;

	/** Computes the current state's result with tfjs (via src/lib/compute). */
	protected abstract compute(tf: typeof TF): Promise<Result>;

	protected override bindShared(): void {
		const select = this.querySelector<HTMLSelectElement>('select[data-role="backend"]');
		if (select) {
			select.value = backendFromUrl();
			select.addEventListener('change', () => setBackendPreference(isBackendPreference(select.value) ? select.value : 'auto'), { signal: this.signal });
		}
		document.addEventListener(
			BACKEND_CHANGE,
			() => {
				if (select) select.value = backendFromUrl();
				if (this.tf) void this.switchBackend(backendFromUrl());
			},
			{ signal: this.signal },
		);
	}

	protected override async loadRuntime(): Promise<void> {
		const [tf] = await Promise.all([loadTf(), loadFormulaRenderer()]);
		this.tf = tf;
		await this.switchBackend(backendFromUrl());
	}

	protected override runtimeReady(): boolean {
		return this.tf !== undefined && this.backend !== undefined;
	}

	private async switchBackend(preference: BackendPreference) {
		this.backend = await selectBackend(preference);
		this.dataset.backend = this.backend.name;
		this.requestUpdate();
	}

	protected override applyParts(view: View): void {
		applyHeatmaps(this, view);
		applyView(this, view);
	}

	protected override computeForUpdate(): Promise<Result> {
		this.tensorsBefore = this.tf!.memory().numTensors;
		return this.compute(this.tf!);
	}

	protected override updateDrawn(ms: number): void {
		const after = this.tf!.memory().numTensors;
		// Exposed so tests and the benchmark can see that updates release every tensor.
		this.dataset.tensors = String(after);
		if (after !== this.tensorsBefore) console.warn(`${this.widgetName}: ${after - this.tensorsBefore} tensors not released by one update`);
		const readout = this.querySelector<HTMLElement>('[data-role="backend-readout"]');
		if (readout && this.backend) {
			readout.textContent = `${this.backend.name} · ${ms.toFixed(1)} ms`;
			readout.title = this.backend.reason;
		}
	}

	/**
	 * A backend that fails in use (WebGPU device lost, WebGL context lost, …): stop using it on this page, tell the
	 * reader in their language (the note stays after the switch), and let every widget recompute on the next backend.
	 */
	protected override updateFailed(error: unknown): void {
		const backend = this.backend;
		if (!backend || backend.name === 'cpu') {
			this.showError(error);
			return;
		}
		const why = error instanceof Error ? error.message : String(error);
		const message = this.querySelector<HTMLElement>('[data-role="backend-readout"]')?.dataset.failed ?? '{{backend}} failed ({{why}})';
		this.notes.set('page', template(message, { backend: backend.name, why }));
		reportBackendFailure(backend.name, why);
	}
}
