/**
 * The checkers of part 3's coding exercises: for each, the function the reader writes, the cases it is called with
 * (fixed ones that show the idea, then seeded random ones) and the expected result, computed by the plain-TypeScript
 * reference of src/lib/reference — never by reader code. The page sends only a case's arguments to the worker and
 * compares what comes back (compare.ts).
 */
import { attention, softmax, splitHeads } from '../reference/attention';
import { conv2d, type Padding } from '../reference/convolution';
import type { Matrix } from '../reference/matrix';
import { pool2d, type PoolMode } from '../reference/pooling';
import { seededRandom } from '../reference/random';
import { lstmStep, rnnStep, type LstmWeights } from '../reference/recurrent';
import { sequentialSummary } from '../reference/model-summary';
import type { Value } from './compare';

export interface Case {
	/** The arguments, in order, as the reader's function receives them (structured-cloneable). */
	args: Value[];
}

export interface ExerciseCheck {
	/** The name of the function the reader defines, e.g. `conv2d`. */
	fn: string;
	/** The parameter names, for the worked example of a failing case. */
	params: string[];
	cases: () => Case[];
	/** The reference result for a case's arguments. */
	expected: (...args: never[]) => Value;
	/**
	 * Relative tolerance for numbers (compare.ts; 1e-6 when absent). An exercise that computes with TensorFlow.js
	 * (32-bit floats) against this float64 reference needs a wider one, and says so to the reader.
	 */
	tolerance?: number;
	/** The reader's code gets `tf` (TensorFlow.js with layers); a returned `tf.LayersModel` arrives as its summary. */
	tf?: boolean;
}

/** A matrix of seeded values in [−1, 1), rounded to two decimals so a worked example stays readable. */
function matrix(random: () => number, rows: number, cols: number): Matrix {
	return Array.from({ length: rows }, () => Array.from({ length: cols }, () => Math.round((random() * 2 - 1) * 100) / 100));
}
const vector = (random: () => number, n: number) => matrix(random, 1, n)[0]!;
const integer = (random: () => number, min: number, max: number) => min + Math.floor(random() * (max - min + 1));

/** `count` cases from `make`, with the seed fixed per exercise so every reader (and every test) gets the same ones. */
function seeded(seed: number, count: number, make: (random: () => number) => Value[]): Case[] {
	const random = seededRandom(seed);
	return Array.from({ length: count }, () => ({ args: make(random) }));
}

const lstmWeights = (random: () => number, n: number, d: number): LstmWeights => {
	const gate = () => ({ W: matrix(random, n, d), U: matrix(random, n, n), b: vector(random, n) });
	return { i: gate(), f: gate(), o: gate(), g: gate() };
};

/** The causal mask of n positions: 0 where query i may see key j (j ≤ i), −∞ where it may not. */
export const causalMask = (n: number): Matrix => Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (j <= i ? 0 : -Infinity)));

export const CHECKS = {
	'conv-output-size': {
		fn: 'outputSize',
		params: ['H', 'k', 's', 'p'],
		cases: () => [
			{ args: [28, 3, 1, 0] },
			{ args: [28, 3, 1, 1] },
			{ args: [7, 3, 2, 0] },
			{ args: [224, 7, 2, 3] },
			...seeded(101, 8, (r) => {
				const k = integer(r, 1, 7);
				return [integer(r, k, 64), k, integer(r, 1, 4), integer(r, 0, 3)];
			}),
		],
		expected: (H: number, k: number, s: number, p: number) => Math.floor((H + 2 * p - k) / s) + 1,
	},
	conv2d: {
		fn: 'conv2d',
		params: ['input', 'kernel', 'stride', 'padding'],
		cases: () => [
			{
				args: [
					[
						[1, 2, 0],
						[0, 1, 3],
						[2, 1, 0],
					],
					[
						[1, 0],
						[0, -1],
					],
					1,
					'valid',
				],
			},
			// 'same' with an odd total padding: TensorFlow puts the extra zero after (bottom, right), not before.
			{
				args: [
					[
						[1, 2, 3, 4],
						[5, 6, 7, 8],
						[9, 10, 11, 12],
						[13, 14, 15, 16],
					],
					[
						[1, 0],
						[0, 2],
					],
					1,
					'same',
				],
			},
			{
				args: [
					[
						[1, 0, 2, 1],
						[0, 3, 1, 0],
						[2, 1, 0, 4],
						[1, 0, 2, 1],
					],
					[
						[1, 0, -1],
						[1, 0, -1],
						[1, 0, -1],
					],
					2,
					'same',
				],
			},
			...seeded(102, 8, (r) => {
				const k = integer(r, 2, 3);
				return [matrix(r, integer(r, 4, 7), integer(r, 4, 7)), matrix(r, k, k), integer(r, 1, 2), r() < 0.5 ? 'valid' : 'same'];
			}),
		],
		expected: (input: Matrix, kernel: Matrix, stride: number, padding: Padding) => conv2d(input, kernel, { stride, padding }),
	},
	pool2d: {
		fn: 'pool2d',
		params: ['input', 'window', 'stride', 'mode'],
		cases: () => [
			{
				args: [
					[
						[1, 3, 2, 0],
						[4, 2, 1, 5],
						[0, 1, 3, 2],
						[2, 2, 0, 1],
					],
					2,
					2,
					'max',
				],
			},
			...seeded(103, 8, (r) => [matrix(r, integer(r, 4, 8), integer(r, 4, 8)), 2, integer(r, 1, 2), r() < 0.5 ? 'max' : 'avg']),
		],
		expected: (input: Matrix, window: number, stride: number, mode: PoolMode) => pool2d(input, { window, stride, mode }),
	},
	'rnn-step': {
		fn: 'rnnStep',
		params: ['Wxh', 'Whh', 'bh', 'x', 'hPrev'],
		cases: () =>
			seeded(104, 8, (r) => {
				const [n, d] = [integer(r, 2, 4), integer(r, 2, 4)];
				return [matrix(r, n, d), matrix(r, n, n), vector(r, n), vector(r, d), vector(r, n)];
			}),
		expected: (Wxh: Matrix, Whh: Matrix, bh: number[], x: number[], hPrev: number[]) => rnnStep({ Wxh, Whh, bh }, x, hPrev).h,
	},
	'lstm-step': {
		fn: 'lstmStep',
		params: ['weights', 'x', 'hPrev', 'cPrev'],
		cases: () =>
			seeded(105, 8, (r) => {
				const [n, d] = [integer(r, 2, 3), integer(r, 2, 3)];
				return [lstmWeights(r, n, d) as unknown as Value, vector(r, d), vector(r, n), vector(r, n)];
			}),
		expected: (weights: LstmWeights, x: number[], hPrev: number[], cPrev: number[]) => ({ ...lstmStep(weights, x, hPrev, cPrev) }),
	},
	softmax: {
		fn: 'softmax',
		params: ['z'],
		cases: () => [
			{ args: [[1, 2, 3]] },
			// Large scores: exp(1000) overflows to Infinity unless the maximum is subtracted first.
			{ args: [[1000, 1001, 1002]] },
			{ args: [[-1000, 0, 3]] },
			...seeded(106, 6, (r) => [vector(r, integer(r, 2, 8)).map((v) => v * 50)]),
		],
		expected: (z: number[]) => softmax(z),
	},
	attention: {
		fn: 'attention',
		params: ['Q', 'K', 'V'],
		cases: () =>
			seeded(107, 8, (r) => {
				const [n, dk, dv] = [integer(r, 2, 5), integer(r, 2, 4), integer(r, 1, 3)];
				return [matrix(r, n, dk), matrix(r, n, dk), matrix(r, n, dv)];
			}),
		expected: (Q: Matrix, K: Matrix, V: Matrix) => attention(Q, K, V, { causal: false, scale: true, temperature: 1 }).output,
	},
	'causal-mask': {
		fn: 'causalMask',
		params: ['n'],
		cases: () => [{ args: [1] }, { args: [3] }, { args: [6] }],
		expected: (n: number) => causalMask(n),
	},
	'split-heads': {
		fn: 'splitHeads',
		params: ['X', 'heads'],
		cases: () => [
			{
				args: [
					[
						[1, 2, 3, 4],
						[5, 6, 7, 8],
					],
					2,
				],
			},
			...seeded(109, 6, (r) => {
				const heads = integer(r, 1, 4);
				return [matrix(r, integer(r, 1, 4), heads * integer(r, 1, 3)), heads];
			}),
		],
		expected: (X: Matrix, heads: number) => splitHeads(X, heads),
	},
	// Part 4, with TensorFlow.js.
	'tf-gradient': {
		fn: 'lossGradient',
		params: ['w', 'b', 'X', 'y'],
		tf: true,
		// float32 in tfjs against float64 here: a few units in the 7th digit after a sum of products.
		tolerance: 1e-4,
		cases: () => [
			{
				args: [
					[0.5, -1],
					0.25,
					[
						[1, 2],
						[3, 4],
						[5, 6],
					],
					[1, 0, -1],
				],
			},
			...seeded(110, 5, (r) => {
				const [n, d] = [integer(r, 2, 8), integer(r, 1, 4)];
				return [vector(r, d), Math.round((r() * 2 - 1) * 100) / 100, matrix(r, n, d), vector(r, n)];
			}),
		],
		// L = (1/n) Σ_i (x_i·w + b − y_i)²: ∂L/∂w = (2/n) Σ_i r_i x_i, ∂L/∂b = (2/n) Σ_i r_i, with r_i the residual.
		expected: (w: number[], b: number, X: Matrix, y: number[]) => {
			const n = X.length;
			const residual = X.map((x, i) => x.reduce((sum, v, j) => sum + v * w[j]!, b) - y[i]!);
			return {
				dw: w.map((_, j) => (2 / n) * residual.reduce((sum, r, i) => sum + r * X[i]![j]!, 0)),
				db: (2 / n) * residual.reduce((sum, r) => sum + r, 0),
			};
		},
	},
	'tf-model': {
		fn: 'buildModel',
		params: [],
		tf: true,
		cases: () => [{ args: [] }],
		expected: () => ({
			layers: sequentialSummary(
				[32, 32, 3],
				[
					{ kind: 'conv2d', filters: 16, kernelSize: 5, padding: 'same' },
					{ kind: 'maxPooling2d', poolSize: 2 },
					{ kind: 'conv2d', filters: 32, kernelSize: 3, padding: 'valid' },
					{ kind: 'maxPooling2d', poolSize: 2 },
					{ kind: 'flatten' },
					{ kind: 'dense', units: 10 },
				],
			) as unknown as Value,
		}),
	},
} satisfies Record<string, ExerciseCheck>;

export type ExerciseId = keyof typeof CHECKS;
