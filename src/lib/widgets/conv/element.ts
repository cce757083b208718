import type * as TF from '@tensorflow/tfjs-core';
import * as kernels from '../../compute/kernels';
import { convGeometry } from '../../reference/convolution';
import type { Matrix } from '../../reference/matrix';
import { MNIST_SIDE } from '../../data/mnist';
import { template } from '../../text/template';
import { InputProblem, WidgetElement } from '../widget-element';
import { bindGridFocus, prefersReducedMotion } from '../dom';
import { DrawPad } from '../draw-pad';
import { loadMnistStrip } from './mnist-strip';
import { convSpec, KERNEL_PRESETS, KERNEL_SIZE, learnedFilterOf, learnedOption, presetOf, type ConvState, type PresetName } from './state';
import { conv1Filter } from '../../reference/cnn';
import type { ModelChoice } from '../model-choice';
import { FEATURE_MAP_EVENT, type FeatureMapDetail } from './events';
import { convCellFormula, convView, kernelCellText, type ConvResult, type ConvView } from './view';

/**
 * The model readers, loaded with the first learned filter rather than with the page. The promise is kept: Vite's
 * preload wrapper around a dynamic import cost ~35 ms per call here (measured), even for a module already loaded.
 */
let source: Promise<typeof import('../../models/cnn-source')> | undefined;
const modelSource = () =>
	(source ??= import('../../models/cnn-source').catch((error: unknown) => {
		source = undefined; // a chunk that failed to load is asked for again next time
		throw error;
	}));

/** `<conv-widget>`: the convolution widget's controls; maths in src/lib/compute, what to draw in ./view.ts. */
export class ConvolutionElement extends WidgetElement<ConvState, ConvResult, ConvView> {
	private pad!: DrawPad;
	private timer: ReturnType<typeof setInterval> | undefined;
	private last: ConvResult | undefined;
	private models: ModelChoice | undefined;

	protected createSpec() {
		return convSpec;
	}

	protected bindControls() {
		const on = { signal: this.signal };
		for (const button of this.querySelectorAll<HTMLButtonElement>('button[data-digit]'))
			button.addEventListener('click', () => this.commit({ digit: Number(button.dataset.digit) }), on);
		this.q<HTMLButtonElement>('clear').addEventListener('click', () => this.pad.clear(), on);
		const preset = this.q<HTMLSelectElement>('preset');
		preset.addEventListener(
			'change',
			() => {
				const learned = learnedFilterOf(preset.value);
				if (learned) this.commit({ learned });
				else if (preset.value in KERNEL_PRESETS) this.commit({ learned: 0, kernel: KERNEL_PRESETS[preset.value as PresetName] });
			},
			on,
		);
		const stride = this.q<HTMLSelectElement>('stride');
		stride.addEventListener('change', () => this.commit({ stride: Number(stride.value) }), on);
		const padding = this.q<HTMLSelectElement>('padding');
		padding.addEventListener('change', () => this.commit({ padding: padding.value === 'same' ? 'same' : 'valid' }), on);
		const relu = this.q<HTMLInputElement>('relu');
		relu.addEventListener('change', () => this.commit({ relu: relu.checked }), on);
		for (const cell of this.kernelInputs()) cell.addEventListener('input', () => this.readKernel(), on);
		this.q<HTMLButtonElement>('play').addEventListener('click', () => this.togglePlay(), on);
		this.q<HTMLButtonElement>('step').addEventListener('click', () => this.stepWindow(), on);
		this.signal.addEventListener('abort', () => this.stopPlaying());
		bindGridFocus(
			this.q<SVGSVGElement>('output'),
			() => this.state,
			() => this.outputSize(),
			(cell) => this.commit(cell, 'replace'),
			this.signal,
		);
		// The model menu matters only for learned filters: its code loads after the page's.
		const signal = this.signal;
		void import('../model-choice').then(({ ModelChoice }) => {
			if (signal.aborted) return;
			this.models = new ModelChoice(
				this,
				this.strings,
				(model) => this.commit({ model }),
				() => this.state.learned > 0 && this.state.model === 'yours' && this.requestUpdate(),
				signal,
			);
			this.models.show(this.state.model);
		});
		this.pad = new DrawPad(
			this.q<SVGSVGElement>('input'),
			MNIST_SIDE,
			() => this.state.digit === -1,
			() => this.requestUpdate(),
			this.signal,
		);
	}

	protected syncControls() {
		const s = this.state;
		for (const button of this.querySelectorAll<HTMLButtonElement>('button[data-digit]'))
			button.setAttribute('aria-pressed', String(Number(button.dataset.digit) === s.digit));
		const drawMode = s.digit === -1;
		this.q<HTMLElement>('clear').hidden = !drawMode;
		this.q<HTMLElement>('draw-help').hidden = !drawMode;
		this.q<HTMLSelectElement>('preset').value = s.learned ? learnedOption(s.learned) : presetOf(s.kernel);
		this.q<HTMLSelectElement>('stride').value = String(s.stride);
		this.q<HTMLSelectElement>('padding').value = s.padding;
		this.q<HTMLInputElement>('relu').checked = s.relu;
		this.models?.show(s.model);
		// A learned filter's numbers arrive with its result (applyExtras).
		for (const cell of this.kernelInputs()) {
			if (!s.learned && document.activeElement !== cell) cell.value = kernelCellText(s.kernel[Number(cell.dataset.r)]![Number(cell.dataset.c)]!);
			cell.removeAttribute('aria-invalid');
		}
	}

	private kernelInputs() {
		return this.querySelectorAll<HTMLInputElement>('.kernel-grid input');
	}

	/** Reads the kernel grid; a cell that is not a number is reported and the last valid kernel stays. */
	private readKernel() {
		const kernel: Matrix = Array.from({ length: KERNEL_SIZE }, () => []);
		for (const cell of this.kernelInputs()) {
			const text = cell.value.trim().replace('−', '-');
			const value = Number(text);
			if (text === '' || !Number.isFinite(value) || Math.abs(value) > 100) {
				cell.setAttribute('aria-invalid', 'true');
				const at = { value: cell.value.slice(0, 20), r: Number(cell.dataset.r) + 1, c: Number(cell.dataset.c) + 1 };
				this.setControlNote(template(this.strings.notNumber ?? '', at));
				return;
			}
			cell.removeAttribute('aria-invalid');
			kernel[Number(cell.dataset.r)]!.push(value);
		}
		this.setControlNote('');
		this.commit({ learned: 0, kernel }, 'replace');
	}

	private outputSize() {
		return convGeometry(MNIST_SIDE, KERNEL_SIZE, this.state.stride, this.state.padding).out;
	}

	/** The window position after `at`: the next column, then the next row, then back to the start. */
	private nextWindow(at: { row: number; col: number }, n: number) {
		let { row, col } = at;
		col++;
		if (col >= n) {
			col = 0;
			row = (row + 1) % n;
		}
		return { row: Math.min(row, n - 1), col };
	}

	private stepWindow() {
		const n = this.outputSize();
		if (n >= 1) this.commit(this.nextWindow(this.state, n), 'replace');
	}

	/** Where the reader goes next: Step and Play move one window on; arrow keys move one cell. */
	protected override upcomingFormulas(result: ConvResult): [string, string][] {
		const n = result.output.length;
		const { row, col } = this.state;
		const next = [this.nextWindow(this.state, n), { row: row + 1, col }, { row: row - 1, col }, { row, col: col - 1 }];
		return next
			.filter((at) => at.row >= 0 && at.col >= 0 && at.row < n && at.col < n)
			.map((at) => ['cell-formula', convCellFormula(this.state, result, at).tex]);
	}

	private togglePlay() {
		const button = this.q<HTMLButtonElement>('play');
		if (this.timer) {
			this.stopPlaying();
			return;
		}
		// Reduced motion: the window still moves (the reader asked for it) but at a calm pace.
		this.timer = setInterval(() => this.stepWindow(), prefersReducedMotion() ? 1000 : 250);
		button.textContent = button.dataset.labelPause ?? '';
	}

	private stopPlaying() {
		clearInterval(this.timer);
		this.timer = undefined;
		const button = this.querySelector<HTMLButtonElement>('[data-role="play"]');
		if (button) button.textContent = button.dataset.labelPlay ?? '';
	}

	protected override prepareData() {
		// A failure is reported by the first compute, which asks again.
		loadMnistStrip().catch(() => undefined);
	}

	private async inputImage(): Promise<Matrix> {
		if (this.state.digit === -1) return this.pad.pixels;
		return (await loadMnistStrip())[this.state.digit]!.pixels;
	}

	protected async compute(tf: typeof TF): Promise<ConvResult> {
		const input = await this.inputImage();
		if (this.outputSize() < 1) throw new InputProblem(template(this.strings.tooSmall ?? '', { stride: this.state.stride }));
		const { stride, padding, relu } = this.state;
		const { kernel, bias } = await this.kernelInUse();
		const output = await kernels.conv2d(tf, input, kernel, { stride, padding, bias, applyRelu: relu });
		return { input, kernel, bias, output, cursor: this.state.digit === -1 ? this.pad.cursor : null };
	}

	/** The state's kernel, or the learned filter it names (a model that cannot be read leaves the last result). */
	private async kernelInUse(): Promise<{ kernel: Matrix; bias: number }> {
		const k = this.state.learned;
		if (!k) {
			delete this.dataset.model;
			return { kernel: this.state.kernel, bias: 0 };
		}
		try {
			const { cnnWeightsFor } = await modelSource();
			const { weights, model } = await cnnWeightsFor(this.state.model);
			this.dataset.model = model;
			return conv1Filter(weights.conv1, k);
		} catch (error) {
			const why = error instanceof Error ? error.message : String(error);
			// A ReaderModelProblem (src/lib/models/cnn-source.ts) says which of the reader's-model messages applies.
			const kind = (error as { kind?: unknown }).kind;
			const key = kind === 'none' ? 'noModelYet' : kind === 'differs' ? 'yoursDiffers' : kind === 'storage' ? 'storageFailed' : 'modelFailed';
			throw new InputProblem(template(this.strings[key] ?? '{{why}}', { why }));
		}
	}

	protected view(result: ConvResult) {
		return convView(this.state, result);
	}

	protected override applyExtras(view: ConvView, result: ConvResult) {
		// The grid shows the kernel in use (the state's, or a learned filter's) and doubles as its heatmap.
		for (const cell of this.kernelInputs()) {
			const shown = view.kernel[Number(cell.dataset.r)]![Number(cell.dataset.c)]!;
			if (this.state.learned && document.activeElement !== cell) cell.value = shown.text;
			cell.style.background = shown.background;
			cell.style.color = shown.color;
		}
		this.last = result;
		this.dispatchEvent(new CustomEvent<FeatureMapDetail>(FEATURE_MAP_EVENT, { bubbles: true, detail: { featureMap: result.output } }));
	}

	/** The latest feature map, for a pooling widget that hydrates after this one. */
	get featureMap(): Matrix | undefined {
		return this.last?.output;
	}
}
