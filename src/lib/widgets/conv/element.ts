import type * as TF from '@tensorflow/tfjs-core';
import * as kernels from '../../compute/kernels';
import { convGeometry, convTerms } from '../../reference/convolution';
import type { Matrix } from '../../reference/matrix';
import { decodeMnistStrip, MNIST_SIDE, MNIST_STRIP_URL, type Digit } from '../../data/mnist';
import { divergingScale, maxAbs, pixelScale, textOn } from '../../viz/colour';
import { drawHeatmap, drawOutline } from '../../viz/heatmap';
import { convCellTex, outputSizeTex } from '../../viz/tex';
import { readState, writeState } from '../url-state';
import { InputProblem, WidgetElement } from '../widget-element';
import { bindBackendControl, fillDataTable, gridCellAt, moveFocus, prefersReducedMotion, template } from '../dom';
import { DrawPad } from '../draw-pad';
import { convSpec, KERNEL_PRESETS, presetOf, type ConvState, type PresetName } from './state';
import { FEATURE_MAP_EVENT, type FeatureMapDetail } from './events';
import { showFormula } from '../formula';

interface ConvResult {
	input: Matrix;
	output: Matrix;
}


/** `<conv-widget>`: the convolution widget's behaviour (state, events); maths in src/lib/compute, drawing in src/lib/viz. */
export class ConvolutionElement extends WidgetElement<ConvResult> {
	private state!: ConvState;
	private digits: Digit[] | undefined;
	private pad!: DrawPad;
	private timer: ReturnType<typeof setInterval> | undefined;
	private strings: Record<string, string> = {};
	private last: ConvResult | undefined;

	private q<T extends Element>(role: string): T {
		return this.querySelector<T>(`[data-role="${role}"]`)!;
	}

	protected bindControls() {
		this.strings = JSON.parse(this.q<HTMLScriptElement>('strings').textContent ?? '{}');
		this.loadStateFromUrl();
		addEventListener('popstate', () => {
			this.loadStateFromUrl();
			this.requestUpdate();
		});
		bindBackendControl(this);

		for (const button of this.querySelectorAll<HTMLButtonElement>('button[data-digit]'))
			button.addEventListener('click', () => this.commit({ digit: Number(button.dataset.digit) }));
		this.q<HTMLButtonElement>('clear').addEventListener('click', () => this.pad.clear());
		this.q<HTMLSelectElement>('preset').addEventListener('change', (e) => {
			const name = (e.target as HTMLSelectElement).value;
			if (name in KERNEL_PRESETS) this.commit({ kernel: KERNEL_PRESETS[name as PresetName] });
		});
		this.q<HTMLSelectElement>('stride').addEventListener('change', (e) => this.commit({ stride: Number((e.target as HTMLSelectElement).value) }));
		this.q<HTMLSelectElement>('padding').addEventListener('change', (e) =>
			this.commit({ padding: (e.target as HTMLSelectElement).value === 'same' ? 'same' : 'valid' }),
		);
		this.q<HTMLInputElement>('relu').addEventListener('change', (e) => this.commit({ relu: (e.target as HTMLInputElement).checked }));
		for (const cell of this.querySelectorAll<HTMLInputElement>('.kernel-grid input')) cell.addEventListener('input', () => this.readKernel());
		this.q<HTMLButtonElement>('play').addEventListener('click', () => this.togglePlay());
		this.q<HTMLButtonElement>('step').addEventListener('click', () => this.stepWindow());
		this.bindOutputFocus();
		this.pad = new DrawPad(this.q<SVGSVGElement>('input'), MNIST_SIDE, () => this.state.digit === -1, () => this.requestUpdate());
	}

	private loadStateFromUrl() {
		const { state, problems } = readState(convSpec, new URLSearchParams(location.search));
		this.state = state;
		this.syncControls();
		if (problems.length) this.noteUrlProblems(template(this.strings.urlIgnored!, { list: problems.join('; ') }));
	}

	/** A change the reader made: new history entry, recompute. */
	private commit(change: Partial<ConvState>, mode: 'push' | 'replace' = 'push') {
		this.state = { ...this.state, ...change };
		this.forgetUrlProblems();
		writeState(convSpec, this.state, mode);
		this.syncControls();
		this.requestUpdate();
	}

	private syncControls() {
		const s = this.state;
		for (const button of this.querySelectorAll<HTMLButtonElement>('button[data-digit]'))
			button.setAttribute('aria-pressed', String(Number(button.dataset.digit) === s.digit));
		const drawMode = s.digit === -1;
		this.q<HTMLElement>('clear').hidden = !drawMode;
		this.q<HTMLElement>('draw-help').hidden = !drawMode;
		this.q<HTMLSelectElement>('preset').value = presetOf(s.kernel);
		this.q<HTMLSelectElement>('stride').value = String(s.stride);
		this.q<HTMLSelectElement>('padding').value = s.padding;
		this.q<HTMLInputElement>('relu').checked = s.relu;
		const scale = divergingScale(maxAbs(s.kernel));
		for (const cell of this.querySelectorAll<HTMLInputElement>('.kernel-grid input')) {
			const w = s.kernel[Number(cell.dataset.r)]![Number(cell.dataset.c)]!;
			if (document.activeElement !== cell) cell.value = String(+w.toFixed(4));
			cell.style.background = scale(w);
			cell.style.color = textOn(scale(w));
			cell.removeAttribute('aria-invalid');
		}
	}

	/** Reads the kernel grid; a cell that is not a number is reported and the last valid kernel stays. */
	private readKernel() {
		const kernel: Matrix = [[], [], []];
		for (const cell of this.querySelectorAll<HTMLInputElement>('.kernel-grid input')) {
			const text = cell.value.trim().replace('−', '-');
			const value = Number(text);
			if (text === '' || !Number.isFinite(value) || Math.abs(value) > 100) {
				cell.setAttribute('aria-invalid', 'true');
				this.showInputProblem(template(this.strings.notNumber!, { value: cell.value.slice(0, 20), r: Number(cell.dataset.r) + 1, c: Number(cell.dataset.c) + 1 }));
				return;
			}
			cell.removeAttribute('aria-invalid');
			kernel[Number(cell.dataset.r)]!.push(value);
		}
		this.commit({ kernel }, 'replace');
		this.clearInputProblem();
	}

	private outputSize() {
		return convGeometry(MNIST_SIDE, 3, this.state.stride, this.state.padding).out;
	}

	private stepWindow() {
		const n = this.outputSize();
		if (n < 1) return;
		let { row, col } = this.state;
		col++;
		if (col >= n) {
			col = 0;
			row = (row + 1) % n;
		}
		this.commit({ row: Math.min(row, n - 1), col }, 'replace');
	}

	private togglePlay() {
		const button = this.q<HTMLButtonElement>('play');
		if (this.timer) {
			clearInterval(this.timer);
			this.timer = undefined;
			button.textContent = button.dataset.labelPlay ?? '';
			return;
		}
		// Reduced motion: the window still moves (the reader asked for it) but at a calm pace.
		this.timer = setInterval(() => this.stepWindow(), prefersReducedMotion() ? 1000 : 250);
		button.textContent = button.dataset.labelPause ?? '';
	}

	private bindOutputFocus() {
		const svg = this.q<SVGSVGElement>('output');
		svg.addEventListener('pointermove', (e) => {
			const cell = gridCellAt(svg, e);
			if (cell && (cell.row !== this.state.row || cell.col !== this.state.col)) this.commit(cell, 'replace');
		});
		svg.addEventListener('keydown', (e) => {
			const next = moveFocus(e, this.state, this.outputSize());
			if (next) {
				e.preventDefault();
				this.commit(next, 'replace');
			}
		});
	}

	private async inputImage(): Promise<Matrix> {
		if (this.state.digit === -1) return this.pad.pixels;
		if (!this.digits) {
			const response = await fetch(MNIST_STRIP_URL);
			if (!response.ok) throw new Error(`could not load the MNIST digits (${response.status} ${MNIST_STRIP_URL})`);
			this.digits = decodeMnistStrip(new Uint8Array(await response.arrayBuffer()));
		}
		return this.digits[this.state.digit]!.pixels;
	}

	protected async compute(tf: typeof TF): Promise<ConvResult> {
		const input = await this.inputImage();
		if (this.outputSize() < 1) throw new InputProblem(template(this.strings.tooSmall!, { stride: this.state.stride }));
		const { stride, padding, relu, kernel } = this.state;
		const output = await kernels.conv2d(tf, input, kernel, { stride, padding, bias: 0, applyRelu: relu });
		return { input, output };
	}

	protected render(result: ConvResult) {
		this.last = result;
		const { input, output } = result;
		const s = this.state;
		const n = output.length;
		const row = Math.min(s.row, n - 1);
		const col = Math.min(s.col, n - 1);
		const inputSvg = this.q<SVGSVGElement>('input');
		const outputSvg = this.q<SVGSVGElement>('output');
		drawHeatmap(inputSvg, input, pixelScale);
		drawHeatmap(outputSvg, output, divergingScale(maxAbs(output)));

		const options = { stride: s.stride, padding: s.padding, bias: 0, applyRelu: s.relu };
		const geometry = convGeometry(MNIST_SIDE, 3, s.stride, s.padding);
		drawOutline(inputSvg, 'field', { row: row * s.stride - geometry.padBefore, col: col * s.stride - geometry.padBefore, h: 3, w: 3 });
		drawOutline(inputSvg, 'cursor', s.digit === -1 ? { ...this.pad.cursor, h: 1, w: 1 } : null);
		drawOutline(outputSvg, 'focus', { row, col, h: 1, w: 1 });

		const terms = convTerms(input, s.kernel, row, col, options);
		const sum = terms.reduce((a, t) => a + t.input * t.weight, 0);
		const value = output[row]![col]!;
		showFormula(this.q<HTMLElement>('cell-formula'), convCellTex(terms, 0, sum, value, row, col, s.relu));
		this.q<HTMLElement>('cell-formula').dataset.value = String(value);
		showFormula(this.q<HTMLElement>('size-formula'), outputSizeTex(MNIST_SIDE, 3, s.stride, s.padding, n));
		this.q<HTMLElement>('output-size').textContent = `${n}×${n}`;
		fillDataTable(this.q<HTMLTableElement>('data-table'), output);
		this.dispatchEvent(new CustomEvent<FeatureMapDetail>(FEATURE_MAP_EVENT, { bubbles: true, detail: { featureMap: output } }));
	}

	/** The latest feature map, for a pooling widget that hydrates after this one. */
	get featureMap(): Matrix | undefined {
		return this.last?.output;
	}
}
