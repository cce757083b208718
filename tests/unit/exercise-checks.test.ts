import { describe, expect, it } from 'vitest';
import { CHECKS, type ExerciseId } from '../../src/lib/exercises/checks';
import { compare, numbersAgree, problemSentence, shapeOf } from '../../src/lib/exercises/compare';
import { grade, outcomesOf } from '../../src/lib/exercises/grade';

type M = number[][];

/** Solutions written the way a reader would, independently of src/lib/reference. */
const mat = (rows: number, cols: number, f: (i: number, j: number) => number): M =>
	Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => f(i, j)));
const dot = (a: number[], b: number[]) => a.reduce((s, v, i) => s + v * b[i]!, 0);
const matVec = (W: M, x: number[]) => W.map((row) => dot(row, x));
const sig = (v: number) => 1 / (1 + Math.exp(-v));
function softmax(z: number[]) {
	const m = Math.max(...z);
	const e = z.map((v) => Math.exp(v - m));
	const s = e.reduce((a, b) => a + b, 0);
	return e.map((v) => v / s);
}
function conv2d(input: M, kernel: M, stride: number, padding: string, padFirst = (total: number) => Math.floor(total / 2)) {
	const [H, W, k] = [input.length, input[0]!.length, kernel.length];
	const geometry = (n: number) => {
		if (padding === 'valid') return { out: Math.floor((n - k) / stride) + 1, before: 0 };
		const out = Math.ceil(n / stride);
		return { out, before: padFirst(Math.max((out - 1) * stride + k - n, 0)) };
	};
	const [rows, cols] = [geometry(H), geometry(W)];
	return mat(rows.out, cols.out, (i, j) => {
		let sum = 0;
		for (let m = 0; m < k; m++)
			for (let n = 0; n < k; n++) {
				const [r, c] = [i * stride + m - rows.before, j * stride + n - cols.before];
				if (r >= 0 && r < H && c >= 0 && c < W) sum += input[r]![c]! * kernel[m]![n]!;
			}
		return sum;
	});
}
function pool2d(input: M, window: number, stride: number, mode: string) {
	const out = (n: number) => Math.floor((n - window) / stride) + 1;
	return mat(out(input.length), out(input[0]!.length), (i, j) => {
		const values = input.slice(i * stride, i * stride + window).flatMap((row) => row.slice(j * stride, j * stride + window));
		return mode === 'max' ? Math.max(...values) : values.reduce((a, b) => a + b, 0) / values.length;
	});
}
const rnnStep = (Wxh: M, Whh: M, bh: number[], x: number[], h: number[]) => matVec(Wxh, x).map((v, i) => Math.tanh(v + matVec(Whh, h)[i]! + bh[i]!));
type Gate = { W: M; U: M; b: number[] };
function lstmStep(w: Record<'i' | 'f' | 'o' | 'g', Gate>, x: number[], h: number[], c: number[]) {
	const pre = (g: Gate) => matVec(g.W, x).map((v, k) => v + matVec(g.U, h)[k]! + g.b[k]!);
	const [i, f, o] = [w.i, w.f, w.o].map((g) => pre(g).map(sig)) as [number[], number[], number[]];
	const g = pre(w.g).map(Math.tanh);
	const cNew = c.map((v, k) => f[k]! * v + i[k]! * g[k]!);
	return { i, f, o, g, c: cNew, h: cNew.map((v, k) => o[k]! * Math.tanh(v)) };
}
function attention(Q: M, K: M, V: M, { scale = true, axis = 'row' } = {}) {
	const d = Q[0]!.length;
	const scores = Q.map((q) => K.map((k) => dot(q, k) / (scale ? Math.sqrt(d) : 1)));
	const weights = axis === 'row' ? scores.map(softmax) : mat(scores.length, scores.length, (i, j) => softmax(scores.map((r) => r[j]!))[i]!);
	return weights.map((w) =>
		V[0]!.map((_, c) =>
			dot(
				w,
				V.map((v) => v[c]!),
			),
		),
	);
}
const causalMask = (n: number) => mat(n, n, (i, j) => (j <= i ? 0 : -Infinity));
const splitHeads = (X: M, heads: number) =>
	Array.from({ length: heads }, (_, h) => X.map((row) => row.slice((h * row.length) / heads, ((h + 1) * row.length) / heads)));

/** The plain-maths exercises (the TensorFlow.js ones: exercise-tf.test.ts). */
const SOLUTIONS: Record<Exclude<ExerciseId, 'tf-gradient' | 'tf-model'>, (...args: never[]) => unknown> = {
	'conv-output-size': (H: number, k: number, s: number, p: number) => Math.floor((H + 2 * p - k) / s) + 1,
	conv2d,
	pool2d,
	'rnn-step': rnnStep,
	'lstm-step': lstmStep,
	softmax,
	attention: (Q: M, K: M, V: M) => attention(Q, K, V),
	'causal-mask': causalMask,
	'split-heads': splitHeads,
};

/** The first failure of `fn` on an exercise, as one sentence (or the error it threw). */
function firstFailure(id: ExerciseId, fn: (...args: never[]) => unknown): string | undefined {
	const check = CHECKS[id];
	const cases = check.cases();
	const { failure } = grade(check, cases, outcomesOf(fn, cases));
	if (!failure) return undefined;
	return failure.problem
		? `case ${failure.index + 1}: ${problemSentence(failure.problem)}`
		: `case ${failure.index + 1} threw: ${'error' in failure.outcome ? failure.outcome.error : ''}`;
}

describe('compare', () => {
	it('agrees within 1e-6 relative, 1e-6 absolute near 0, infinities exactly', () => {
		expect(numbersAgree(1000.0009, 1000)).toBe(true);
		expect(numbersAgree(1000.002, 1000)).toBe(false);
		expect(numbersAgree(5e-7, 0)).toBe(true);
		expect(numbersAgree(-Infinity, -Infinity)).toBe(true);
		expect(numbersAgree(-1e30, -Infinity)).toBe(false);
		expect(numbersAgree(NaN, NaN)).toBe(false);
	});

	it('names a shape mismatch as one', () => {
		expect(
			problemSentence(
				compare(
					mat(26, 26, () => 0),
					mat(28, 28, () => 0),
				)!,
			),
		).toBe('expected 26×26, got 28×28');
		expect(shapeOf([[1, 2], [3]])).toBeUndefined();
	});

	it('reports NaN and infinities where a finite number was expected', () => {
		expect(compare([0.09, 0.24, 0.67], [NaN, NaN, NaN])).toEqual({ kind: 'not-finite', path: '[0]', actual: NaN, expected: 0.09 });
	});

	it('lists the differing entries and counts them', () => {
		const problem = compare(
			[
				[1, 2],
				[3, 4],
			],
			[
				[1, 2.5],
				[3, 5],
			],
		);
		expect(problem).toEqual({
			kind: 'values',
			count: 2,
			total: 4,
			differences: [
				{ path: '[0][1]', expected: 2, actual: 2.5 },
				{ path: '[1][1]', expected: 4, actual: 5 },
			],
		});
	});

	it('reads typed arrays as arrays, and counts a NaN after other differences as one more', () => {
		expect(compare([1, 2, 3], new Float32Array([1, 2, 3]))).toBeUndefined();
		expect(compare([1, 2, 3], [1, 5, NaN])).toMatchObject({ kind: 'values', count: 2, total: 3 });
	});

	it('names a missing key and a wrong type', () => {
		expect(problemSentence(compare({ h: [1], c: [2] }, { h: [1] })!)).toBe('the result has no “c”');
		expect(problemSentence(compare([1, 2], '1,2')!)).toBe('expected an array of 2, got string');
		expect(problemSentence(compare(3, undefined)!)).toBe('expected a number, got undefined');
	});
});

describe('exercise checkers', () => {
	for (const id of Object.keys(SOLUTIONS) as (keyof typeof SOLUTIONS)[])
		it(`${id}: a correct solution passes every case, and the cases are fixed`, () => {
			const check = CHECKS[id];
			const cases = check.cases();
			expect(cases.length).toBeGreaterThanOrEqual(3);
			expect(check.cases()).toEqual(cases);
			expect(grade(check, cases, outcomesOf(SOLUTIONS[id], cases))).toEqual({ passed: cases.length, total: cases.length });
		});

	it('typical wrong answers fail with the specific message', () => {
		expect(firstFailure('conv-output-size', (H: number, k: number, s: number, p: number) => Math.floor((H + 2 * p - k) / s))).toBe(
			'case 1: 1 of 1 entries differ, first: expected 26, got 25',
		);
		// 'same' padding with the extra zero in front (TensorFlow puts it after).
		expect(firstFailure('conv2d', (x: M, w: M, s: number, p: string) => conv2d(x, w, s, p, (t) => Math.ceil(t / 2)))).toBe(
			'case 2: 16 of 16 entries differ, first at [0][0]: expected 13, got 2',
		);
		expect(firstFailure('conv2d', (x: M, w: M, _s: number, p: string) => conv2d(x, w, 1, p))).toBe('case 3: expected 2×2, got 4×4');
		expect(firstFailure('pool2d', (x: M, window: number, _s: number, mode: string) => pool2d(x, window, window, mode))).toBe('case 2: expected 4×7, got 2×4');
		expect(
			firstFailure('rnn-step', (Wxh: M, Whh: M, bh: number[], x: number[], h: number[]) => rnnStep(Wxh, Whh, bh, x, h).map((v) => sig(Math.atanh(v)))),
		).toMatch(/^case 1: \d+ of \d+ entries differ/);
		const noTanh = (w: Record<'i' | 'f' | 'o' | 'g', Gate>, x: number[], h: number[], c: number[]) => {
			const step = lstmStep(w, x, h, c);
			return { ...step, h: step.c.map((v, k) => step.o[k]! * v) };
		};
		expect(firstFailure('lstm-step', noTanh)).toMatch(/^case 1: \d+ of \d+ entries differ, first at \.h\[0\]/);
		expect(firstFailure('lstm-step', (w: Record<'i' | 'f' | 'o' | 'g', Gate>, x: number[], h: number[], c: number[]) => ({ h: lstmStep(w, x, h, c).h }))).toBe(
			'case 1: the result has no “i”',
		);
		// Without the forget gate: c = c_prev + i ⊙ g.
		const noForget = (w: Record<'i' | 'f' | 'o' | 'g', Gate>, x: number[], h: number[], c: number[]) => {
			const step = lstmStep(w, x, h, c);
			const cNew = c.map((v, k) => v + step.i[k]! * step.g[k]!);
			return { ...step, c: cNew, h: cNew.map((v, k) => step.o[k]! * Math.tanh(v)) };
		};
		expect(firstFailure('lstm-step', noForget)).toMatch(/^case 1: \d+ of \d+ entries differ, first at \.c\[0\]/);
		// Without subtracting the maximum, exp(1000) overflows: Infinity / Infinity is NaN.
		const naive = (z: number[]) => z.map((v) => Math.exp(v) / z.reduce((s, u) => s + Math.exp(u), 0));
		expect(firstFailure('softmax', naive)).toMatch(/^case 2: got NaN at \[0\] where 0\.09\d+ was expected$/);
		expect(firstFailure('attention', (Q: M, K: M, V: M) => attention(Q, K, V, { axis: 'column' }))).toMatch(
			/^case 1: 15 of 15 entries differ, first at \[0\]\[0\]: expected -0\.0179/,
		);
		expect(firstFailure('attention', (Q: M, K: M, V: M) => attention(Q, K, V, { scale: false }))).toMatch(
			/^case 1: 15 of 15 entries differ, first at \[0\]\[0\]: expected -0\.0179/,
		);
		expect(firstFailure('causal-mask', (n: number) => mat(n, n, (i, j) => (j <= i ? 0 : Infinity)))).toBe(
			'case 2: 3 of 9 entries differ, first at [0][1]: expected -Infinity, got Infinity',
		);
		// The mask transposed (future visible, past hidden).
		expect(firstFailure('causal-mask', (n: number) => mat(n, n, (i, j) => (j >= i ? 0 : -Infinity)))).toBe(
			'case 2: 6 of 9 entries differ, first at [0][1]: expected -Infinity, got 0',
		);
		expect(firstFailure('split-heads', (X: M, heads: number) => Array.from({ length: heads }, (_, h) => X.slice(h, h + 1)))).toBe(
			'case 1: expected 2×2×2, got 2×1×4',
		);
	});

	it('a case that throws is reported with its message', () => {
		expect(
			firstFailure('softmax', () => {
				throw new Error('not yet');
			}),
		).toBe('case 1 threw: not yet');
	});
});
