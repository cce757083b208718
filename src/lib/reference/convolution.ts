import { relu, type Matrix } from './matrix';

/** `valid`: no padding; `same`: zero padding so that stride 1 keeps the size (TensorFlow's convention). */
export type Padding = 'valid' | 'same';

export interface Conv2dOptions {
	stride: number;
	padding: Padding;
	bias?: number;
	applyRelu?: boolean;
}

/** Output length and padding before the first element along one axis, as TensorFlow computes them. */
export function convGeometry(inputSize: number, kernelSize: number, stride: number, padding: Padding) {
	if (!Number.isInteger(stride) || stride < 1) throw new RangeError(`stride must be a whole number ≥ 1, got ${stride}`);
	if (padding === 'valid') {
		const out = Math.floor((inputSize - kernelSize) / stride) + 1;
		return { out: Math.max(out, 0), padBefore: 0, padTotal: 0 };
	}
	const out = Math.ceil(inputSize / stride);
	const padTotal = Math.max((out - 1) * stride + kernelSize - inputSize, 0);
	return { out, padBefore: Math.floor(padTotal / 2), padTotal };
}

/** One term of the multiply-accumulate of an output cell: input value at (row, col) times a kernel weight. */
export interface ConvTerm {
	/** Input coordinates; outside the input (zero padding) when the value is a padded zero. */
	row: number;
	col: number;
	inside: boolean;
	input: number;
	weight: number;
}

/**
 * The terms of output cell (i, j) of a single-channel 2-D cross-correlation (what CNN layers compute):
 * y[i][j] = b + Σ_m Σ_n w[m][n] · x[i·s + m − p][j·s + n − p], with zeros outside the input.
 */
export function convTerms(input: Matrix, kernel: Matrix, i: number, j: number, options: Conv2dOptions): ConvTerm[] {
	const k = kernel.length;
	const rows = convGeometry(input.length, k, options.stride, options.padding);
	const cols = convGeometry(input[0]!.length, kernel[0]!.length, options.stride, options.padding);
	const terms: ConvTerm[] = [];
	for (let m = 0; m < k; m++)
		for (let n = 0; n < kernel[0]!.length; n++) {
			const row = i * options.stride + m - rows.padBefore;
			const col = j * options.stride + n - cols.padBefore;
			const inside = row >= 0 && row < input.length && col >= 0 && col < input[0]!.length;
			terms.push({ row, col, inside, input: inside ? input[row]![col]! : 0, weight: kernel[m]![n]! });
		}
	return terms;
}

/** Single-channel 2-D cross-correlation with stride, padding, bias and optional ReLU. */
export function conv2d(input: Matrix, kernel: Matrix, options: Conv2dOptions): Matrix {
	validateKernel(kernel);
	const rows = convGeometry(input.length, kernel.length, options.stride, options.padding);
	const cols = convGeometry(input[0]?.length ?? 0, kernel[0]!.length, options.stride, options.padding);
	const bias = options.bias ?? 0;
	return Array.from({ length: rows.out }, (_, i) =>
		Array.from({ length: cols.out }, (_, j) => {
			const sum = convTerms(input, kernel, i, j, options).reduce((s, t) => s + t.input * t.weight, bias);
			return options.applyRelu ? relu(sum) : sum;
		}),
	);
}

function validateKernel(kernel: Matrix) {
	if (kernel.length === 0 || kernel.some((row) => row.length !== kernel[0]!.length)) throw new RangeError('kernel must be a non-empty rectangular matrix');
	for (const row of kernel) for (const w of row) if (!Number.isFinite(w)) throw new RangeError(`kernel weights must be finite numbers, got ${w}`);
}
