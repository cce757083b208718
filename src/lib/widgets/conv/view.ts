/**
 * The convolution and pooling widgets' pure views: state + result → what to draw (src/lib/widgets/view.ts).
 * The arithmetic shown comes from src/lib/reference, colours from src/lib/viz/colour.ts.
 */
import { convGeometry, convTerms } from '../../reference/convolution';
import type { Matrix } from '../../reference/matrix';
import { poolWindow } from '../../reference/pooling';
import { MNIST_SIDE } from '../../data/mnist';
import { colourFor, textOn } from '../../viz/colour';
import { heatmapView } from '../../viz/heatmap';
import { tableView } from '../../viz/table';
import { convCellTex, outputSizeTex, poolCellTex } from '../../viz/tex';
import type { FormulaView, WidgetView } from '../view';
import { KERNEL_SIZE, type ConvState, type PoolState } from './state';

export interface ConvResult {
	input: Matrix;
	/** The kernel and bias used: the state's, or a learned filter's. */
	kernel: Matrix;
	bias: number;
	output: Matrix;
	/** The drawing pad's keyboard cursor, while the reader draws their own digit. */
	cursor: { row: number; col: number } | null;
}

/** One cell of the editable kernel grid: its number and colours (the grid doubles as the kernel's heatmap). */
export interface KernelCellView {
	text: string;
	background: string;
	color: string;
}

export interface ConvView extends WidgetView {
	kernel: KernelCellView[][];
}

const square = (n: number) => `${n}×${n}`;

/** The focused cell, clamped to the output (a state from a link may point past a smaller output). */
function focusIn(n: number, at: { row: number; col: number }) {
	return { row: Math.max(0, Math.min(at.row, n - 1)), col: Math.max(0, Math.min(at.col, n - 1)) };
}

/** A kernel weight as its grid cell shows it. */
export const kernelCellText = (w: number): string => String(+w.toFixed(4));

function kernelView(kernel: Matrix): KernelCellView[][] {
	const scale = colourFor('signed', kernel);
	return kernel.map((row) => row.map((w) => ({ text: kernelCellText(w), background: scale(w), color: textOn(scale(w)) })));
}

/** The multiply-accumulate of output cell (row, col), with its numbers (from the reference's terms). */
export function convCellFormula(state: ConvState, { input, kernel, bias, output }: ConvResult, at: { row: number; col: number }): FormulaView {
	const { row, col } = focusIn(output.length, at);
	const options = { stride: state.stride, padding: state.padding, bias, applyRelu: state.relu };
	const terms = convTerms(input, kernel, row, col, options);
	const sum = terms.reduce((a, t) => a + t.input * t.weight, bias);
	const value = output[row]![col]!;
	return { tex: convCellTex(terms, bias, sum, value, row, col, state.relu), data: { value: String(value) } };
}

export function convView(state: ConvState, result: ConvResult): ConvView {
	const { input, output, cursor } = result;
	const n = output.length;
	const { row, col } = focusIn(n, state);
	const { padBefore } = convGeometry(MNIST_SIDE, KERNEL_SIZE, state.stride, state.padding);
	return {
		heatmaps: {
			input: heatmapView(input, colourFor('pixel'), [
				{ name: 'field', row: row * state.stride - padBefore, col: col * state.stride - padBefore, h: KERNEL_SIZE, w: KERNEL_SIZE },
				cursor && { name: 'cursor', ...cursor, h: 1, w: 1 },
			]),
			output: heatmapView(output, colourFor('signed', output), [{ name: 'focus', row, col, h: 1, w: 1 }]),
		},
		formulas: {
			'cell-formula': convCellFormula(state, result, { row, col }),
			'size-formula': { tex: outputSizeTex(MNIST_SIDE, KERNEL_SIZE, state.stride, state.padding, n) },
		},
		tables: { 'data-table': tableView(output) },
		texts: { 'output-size': square(n) },
		notes: [],
		kernel: kernelView(result.kernel),
	};
}

export interface PoolResult {
	featureMap: Matrix;
	pooled: Matrix;
}

export function poolView(state: PoolState, { featureMap, pooled }: PoolResult): WidgetView {
	const n = pooled.length;
	const { row, col } = focusIn(n, state);
	// One scale for both maps, so a pooled value has the colour it had in the feature map.
	const scale = colourFor('signed', featureMap);
	const options = { mode: state.mode, window: state.window, stride: state.stride };
	const values = poolWindow(featureMap, row, col, options).map((c) => c.value);
	const value = pooled[row]![col]!;
	return {
		heatmaps: {
			input: heatmapView(featureMap, scale, [{ name: 'field', row: row * state.stride, col: col * state.stride, h: state.window, w: state.window }]),
			output: heatmapView(pooled, scale, [{ name: 'focus', row, col, h: 1, w: 1 }]),
		},
		formulas: { 'cell-formula': { tex: poolCellTex(state.mode, values, value, row, col), data: { value: String(value) } } },
		tables: { 'data-table': tableView(pooled) },
		texts: { 'output-size': square(n) },
		notes: [],
	};
}
