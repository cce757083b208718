import { convGeometry, type Padding } from './convolution';
import type { Matrix } from './matrix';

export type PoolMode = 'max' | 'avg';

export interface Pool2dOptions {
	mode: PoolMode;
	window: number;
	stride: number;
	padding?: Padding;
}

/** The input cells (row, col) inside the window of output cell (i, j); padded positions are left out. */
export function poolWindow(input: Matrix, i: number, j: number, options: Pool2dOptions) {
	const padding = options.padding ?? 'valid';
	const rows = convGeometry(input.length, options.window, options.stride, padding);
	const cols = convGeometry(input[0]!.length, options.window, options.stride, padding);
	const cells: { row: number; col: number; value: number }[] = [];
	for (let m = 0; m < options.window; m++)
		for (let n = 0; n < options.window; n++) {
			const row = i * options.stride + m - rows.padBefore;
			const col = j * options.stride + n - cols.padBefore;
			if (row >= 0 && row < input.length && col >= 0 && col < input[0]!.length) cells.push({ row, col, value: input[row]![col]! });
		}
	return cells;
}

/**
 * Max or average pooling. Padded positions are ignored (not counted as zeros), as in TensorFlow,
 * so average pooling divides by the number of real cells in the window.
 */
export function pool2d(input: Matrix, options: Pool2dOptions): Matrix {
	if (!Number.isInteger(options.window) || options.window < 1) throw new RangeError(`window must be ≥ 1, got ${options.window}`);
	const padding = options.padding ?? 'valid';
	const rows = convGeometry(input.length, options.window, options.stride, padding);
	const cols = convGeometry(input[0]?.length ?? 0, options.window, options.stride, padding);
	return Array.from({ length: rows.out }, (_, i) =>
		Array.from({ length: cols.out }, (_, j) => {
			const values = poolWindow(input, i, j, options).map((c) => c.value);
			return options.mode === 'max' ? Math.max(...values) : values.reduce((a, b) => a + b, 0) / values.length;
		}),
	);
}
