import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import * as kernels from '../../src/lib/compute/kernels';
import { conv2d, convGeometry } from '../../src/lib/reference/convolution';
import { pool2d } from '../../src/lib/reference/pooling';
import { lstmSequence, rnnSequence, type LstmWeights } from '../../src/lib/reference/recurrent';
import { attention, softmax, splitHeads, multiHeadAttention } from '../../src/lib/reference/attention';
import { seededMatrix, seededRandom } from '../../src/lib/reference/random';
import type { Matrix } from '../../src/lib/reference/matrix';

const TOLERANCE = 1e-4;

function expectClose(actual: Matrix, expected: Matrix) {
	expect(actual.length).toBe(expected.length);
	actual.forEach((row, i) => {
		expect(row.length, `row ${i}`).toBe(expected[i]!.length);
		row.forEach((v, j) => expect(Math.abs(v - expected[i]![j]!), `[${i}][${j}] ${v} vs ${expected[i]![j]}`).toBeLessThan(TOLERANCE));
	});
}

/** Every kernel must leave the tensor count where it found it. */
async function withoutLeaks<T>(run: () => Promise<T>): Promise<T> {
	const before = tf.memory().numTensors;
	const result = await run();
	expect(tf.memory().numTensors).toBe(before);
	return result;
}

beforeAll(async () => {
	expect(await tf.setBackend('cpu')).toBe(true);
});

describe('convolution', () => {
	const cases = [
		{ size: 7, k: 3, stride: 1, padding: 'valid' as const },
		{ size: 7, k: 3, stride: 2, padding: 'same' as const }, // padding at the borders
		{ size: 8, k: 3, stride: 2, padding: 'same' as const }, // uneven padding (TF pads more at the end)
		{ size: 9, k: 2, stride: 3, padding: 'valid' as const }, // stride larger than the kernel
		{ size: 5, k: 5, stride: 1, padding: 'valid' as const }, // kernel as large as the input: 1×1 output
	];
	for (const c of cases) {
		it(`matches tfjs for ${c.size}×${c.size} ⊛ ${c.k}×${c.k}, stride ${c.stride}, ${c.padding}`, async () => {
			const input = seededMatrix(c.size * 31 + c.k, c.size, c.size, 1);
			const kernel = seededMatrix(c.k * 7 + c.stride, c.k, c.k, 1);
			for (const applyRelu of [false, true]) {
				const params = { stride: c.stride, padding: c.padding, bias: 0.25, applyRelu };
				const got = await withoutLeaks(() => kernels.conv2d(tf, input, kernel, params));
				expectClose(got, conv2d(input, kernel, params));
			}
		});
	}

	it('computes the output size as ⌊(H + 2p − k)/s⌋ + 1 for valid and ⌈H/s⌉ for same', () => {
		expect(convGeometry(28, 3, 1, 'valid').out).toBe(26);
		expect(convGeometry(28, 3, 2, 'valid').out).toBe(13);
		expect(convGeometry(28, 3, 1, 'same')).toEqual({ out: 28, padBefore: 1, padTotal: 2 });
		expect(convGeometry(8, 3, 2, 'same')).toEqual({ out: 4, padBefore: 0, padTotal: 1 });
		expect(convGeometry(2, 3, 1, 'valid').out).toBe(0);
	});

	it('rejects a non-number kernel weight and a stride below 1 with a clear message', () => {
		const input = seededMatrix(1, 4, 4, 1);
		expect(() => conv2d(input, [[1, Number.NaN]], { stride: 1, padding: 'valid' })).toThrow(/finite numbers/);
		expect(() => conv2d(input, [[1]], { stride: 0, padding: 'valid' })).toThrow(/stride/);
	});
});

describe('pooling', () => {
	for (const mode of ['max', 'avg'] as const)
		for (const [size, window, stride, padding] of [
			[8, 2, 2, 'valid'],
			[7, 3, 2, 'same'],
			[9, 2, 3, 'valid'],
		] as const)
			it(`${mode} pooling matches tfjs (${size}, window ${window}, stride ${stride}, ${padding})`, async () => {
				const input = seededMatrix(size + window, size, size, 2);
				const p = { mode, window, stride, padding };
				expectClose(await withoutLeaks(() => kernels.pool2d(tf, input, p)), pool2d(input, p));
			});
});

const randomVectors = (seed: number, count: number, d: number) => seededMatrix(seed, count, d, 1);

describe('RNN', () => {
	const d = 3;
	const n = 4;
	const w = { Wxh: seededMatrix(1, n, d, 0.8), Whh: seededMatrix(2, n, n, 0.8), bh: seededMatrix(3, 1, n, 0.2)[0]! };
	for (const length of [1, 5]) {
		it(`hidden states match tfjs for a length-${length} sequence`, async () => {
			const xs = randomVectors(10 + length, length, d);
			const got = await withoutLeaks(() => kernels.rnnSequence(tf, w, xs));
			expectClose(
				got,
				rnnSequence(w, xs).map((s) => s.h),
			);
		});
	}
	it('one step by hand: h₁ = tanh(W_xh x₁ + b) when h₀ = 0', () => {
		const [step] = rnnSequence({ Wxh: [[0.5, -1]], Whh: [[0.9]], bh: [0.1] }, [[1, 0.2]]);
		expect(step!.h[0]).toBeCloseTo(Math.tanh(0.5 - 0.2 + 0.1), 12);
	});
});

describe('LSTM', () => {
	const d = 3;
	const n = 4;
	const gate = (seed: number) => ({ W: seededMatrix(seed, n, d, 0.7), U: seededMatrix(seed + 1, n, n, 0.7), b: seededMatrix(seed + 2, 1, n, 0.3)[0]! });
	const w: LstmWeights = { i: gate(10), f: gate(20), o: gate(30), g: gate(40) };
	for (const length of [1, 6]) {
		it(`gates, cell and hidden states match tfjs for a length-${length} sequence`, async () => {
			const xs = randomVectors(50 + length, length, d);
			const got = await withoutLeaks(() => kernels.lstmSequence(tf, w, xs));
			const want = lstmSequence(w, xs);
			for (const key of ['i', 'f', 'o', 'g', 'c', 'h'] as const)
				expectClose(
					got.map((s) => s[key]),
					want.map((s) => s[key]),
				);
		});
	}
});

describe('attention', () => {
	const n = 5;
	const dk = 4;
	const Q = seededMatrix(61, n, dk, 1.5);
	const K = seededMatrix(62, n, dk, 1.5);
	const V = seededMatrix(63, n, dk, 1);
	const variants = [
		{ causal: false, scale: true, temperature: 1 },
		{ causal: true, scale: true, temperature: 1 },
		{ causal: false, scale: false, temperature: 0.5 },
		{ causal: true, scale: false, temperature: 3 },
	];
	for (const options of variants) {
		it(`matches tfjs (${JSON.stringify(options)})`, async () => {
			const got = await withoutLeaks(() => kernels.attention(tf, Q, K, V, options));
			const want = attention(Q, K, V, options);
			expectClose(got.weights, want.weights);
			expectClose(got.output, want.output);
		});
	}

	it('causal weights are zero above the diagonal and every row sums to 1', () => {
		const { weights } = attention(Q, K, V, { causal: true, scale: true, temperature: 1 });
		weights.forEach((row, i) => {
			row.forEach((v, j) => (j > i ? expect(v).toBe(0) : expect(v).toBeGreaterThan(0)));
			expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
		});
		expect(weights[0]).toEqual([1, 0, 0, 0, 0]);
	});

	it('a fully masked row gets zero weights and a zero output, in both implementations', async () => {
		const mask = Array.from({ length: n }, (_, i) => Array.from({ length: n }, () => i !== 2));
		const options = { causal: false, scale: true, temperature: 1, mask };
		const want = attention(Q, K, V, options);
		expect(want.weights[2]).toEqual([0, 0, 0, 0, 0]);
		expect(want.output[2]).toEqual([0, 0, 0, 0]);
		const got = await withoutLeaks(() => kernels.attention(tf, Q, K, V, options));
		expectClose(got.weights, want.weights);
		expectClose(got.output, want.output);
	});

	it('without √d_k scaling large scores saturate the softmax', () => {
		const big = Q.map((row) => row.map((v) => v * 6));
		const entropy = (row: number[]) => -row.reduce((s, p) => s + (p > 0 ? p * Math.log(p) : 0), 0);
		const scaled = attention(big, big, V, { causal: false, scale: true, temperature: 1 }).weights.map(entropy);
		const unscaled = attention(big, big, V, { causal: false, scale: false, temperature: 1 }).weights.map(entropy);
		expect(unscaled.reduce((a, b) => a + b)).toBeLessThan(scaled.reduce((a, b) => a + b));
	});

	it('softmax is stable for large inputs and handles a length-1 row', () => {
		expect(softmax([1000, 1000])).toEqual([0.5, 0.5]);
		expect(softmax([3])).toEqual([1]);
	});

	it('splits d_model into equal heads and refuses an uneven split', () => {
		const X = seededMatrix(5, 3, 12, 1);
		expect(splitHeads(X, 4).map((h) => h[0]!.length)).toEqual([3, 3, 3, 3]);
		expect(() => splitHeads(X, 5)).toThrow(/equal width/);
		const heads = multiHeadAttention(X, { WQ: seededMatrix(1, 12, 12, 0.5), WK: seededMatrix(2, 12, 12, 0.5), WV: seededMatrix(3, 12, 12, 0.5) }, 3, {
			causal: false,
			scale: true,
			temperature: 1,
		});
		expect(heads).toHaveLength(3);
		expect(heads[0]!.weights).toHaveLength(3);
	});
});

describe('seeded weights', () => {
	it('are the same on every run', () => {
		const a = seededRandom(42);
		const b = seededRandom(42);
		expect([a(), a(), a()]).toEqual([b(), b(), b()]);
	});
});

describe('multi-head self-attention', () => {
	const X = seededMatrix(77, 6, 12, 1);
	const projections = { WQ: seededMatrix(1, 12, 12, 0.9), WK: seededMatrix(2, 12, 12, 0.9), WV: seededMatrix(3, 12, 12, 0.9) };
	for (const heads of [1, 2, 3, 4])
		for (const causal of [false, true])
			it(`matches the reference with ${heads} head(s)${causal ? ', causal' : ''}`, async () => {
				const options = { causal, scale: true, temperature: 0.8 };
				const got = await withoutLeaks(() => kernels.multiHeadSelfAttention(tf, X, projections, heads, options));
				const want = multiHeadAttention(X, projections, heads, options);
				expect(got).toHaveLength(heads);
				got.forEach((head, h) => {
					expectClose(head.weights, want[h]!.weights);
					expectClose(head.output, want[h]!.output);
				});
			});
});
