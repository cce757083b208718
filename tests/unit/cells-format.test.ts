import { beforeAll, describe, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as layers from '@tensorflow/tfjs-layers';
import { FORMAT_LIMITS, formatValue, isTensorLike, tensorNumber } from '../../src/lib/cells/format';

beforeAll(async () => {
	await tf.setBackend('cpu');
});

const text = (value: unknown) => {
	const formatted = formatValue(value);
	return formatted.kind === 'tensor' ? formatted.summary : formatted.text;
};

describe('primitives', () => {
	test('numbers, strings and the rest print as text', () => {
		expect(formatValue(42)).toEqual({ kind: 'text', text: '42' });
		expect(formatValue(0.1 + 0.2)).toEqual({ kind: 'text', text: '0.30000000000000004' });
		expect(formatValue(-0)).toEqual({ kind: 'text', text: '-0' });
		expect(formatValue(Number.NaN)).toEqual({ kind: 'text', text: 'NaN' });
		expect(formatValue(10n)).toEqual({ kind: 'text', text: '10n' });
		expect(formatValue(true)).toEqual({ kind: 'text', text: 'true' });
		expect(formatValue(null)).toEqual({ kind: 'text', text: 'null' });
		expect(formatValue(undefined)).toEqual({ kind: 'text', text: 'undefined' });
		expect(formatValue(Symbol('s'))).toEqual({ kind: 'text', text: 'Symbol(s)' });
	});

	test('a top-level string is not quoted; a nested one is', () => {
		expect(formatValue('hello')).toEqual({ kind: 'text', text: 'hello' });
		expect(formatValue(['hello', 'say "hi"'])).toEqual({ kind: 'object', text: '["hello", "say \\"hi\\""]' });
	});

	test('functions, classes and errors', () => {
		expect(formatValue(function train() {})).toEqual({ kind: 'text', text: '[Function: train]' });
		expect(formatValue(() => 1)).toEqual({ kind: 'text', text: '[Function: (anonymous)]' });
		expect(formatValue(class Model {})).toEqual({ kind: 'text', text: '[class Model]' });
		expect(formatValue(new TypeError('bad shape'))).toEqual({ kind: 'error', text: 'TypeError: bad shape' });
		expect(formatValue({ error: new RangeError('too big') })).toEqual({ kind: 'object', text: '{error: [RangeError: too big]}' });
	});
});

describe('objects', () => {
	test('nested values print JSON-like on one line when short', () => {
		expect(text({ a: 1, b: 'x', c: [1, 2, { d: null }], 'e-f': undefined })).toBe('{a: 1, b: "x", c: [1, 2, {d: null}], "e-f": undefined}');
		expect(text([])).toBe('[]');
		expect(text({})).toBe('{}');
	});

	test('long nested values print one entry per line', () => {
		const rows = ['alpha', 'beta', 'gamma'].map((name, i) => ({ name, values: [3 * i + 1, 3 * i + 2, 3 * i + 3] }));
		expect(text(rows)).toBe(
			['[', '  {name: "alpha", values: [1, 2, 3]},', '  {name: "beta", values: [4, 5, 6]},', '  {name: "gamma", values: [7, 8, 9]}', ']'].join('\n'),
		);
	});

	test('cycles print as [Circular]; a value seen twice without a cycle prints twice', () => {
		const loop: Record<string, unknown> = { name: 'loop' };
		loop.self = loop;
		expect(text(loop)).toBe('{name: "loop", self: [Circular]}');
		const point = { x: 1 };
		expect(text([point, point])).toBe('[{x: 1}, {x: 1}]');
	});

	test('depth is limited', () => {
		expect(text({ a: { b: { c: { d: { e: { f: 1 } } } } } })).toBe('{a: {b: {c: {d: [Object]}}}}');
		expect(text([[[[[1]]]]])).toBe('[[[[[Array]]]]]');
	});

	test('big arrays are cut after 100 items, big objects after 50 keys', () => {
		const numbers = Array.from({ length: 150 }, (_, i) => i);
		expect(text(numbers)).toBe(`[${numbers.slice(0, 100).join(', ')}, ... 50 more items]`);
		const wide = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`k${i}`, i]));
		expect(text(wide)).toMatch(/^\{k0: 0, k1: 1, .*k49: 49, \.\.\. 10 more keys\}$/);
		const huge = Array.from({ length: 100 }, () => 'x'.repeat(200));
		const clipped = text(huge);
		expect(clipped.length).toBeLessThan(FORMAT_LIMITS.text + 50);
		expect(clipped).toMatch(/… \(\d+ more characters\)$/);
	});

	test('maps, sets, typed arrays, dates and class instances', () => {
		expect(
			text(
				new Map<unknown, unknown>([
					['k', 1],
					[2, [3]],
				]),
			),
		).toBe('Map(2) {"k" => 1, 2 => [3]}');
		expect(text(new Set([1, '2']))).toBe('Set(2) {1, "2"}');
		expect(text(new Float32Array([0.5, 1.5]))).toBe('Float32Array(2) [0.5, 1.5]');
		expect(text(new Date(Date.UTC(2024, 0, 2)))).toBe('2024-01-02T00:00:00.000Z');
		class Point {
			constructor(
				public x: number,
				public y: number,
			) {}
		}
		expect(text(new Point(1, 2))).toBe('Point {x: 1, y: 2}');
		expect(text(Object.create(null))).toBe('{}');
	});

	test('a getter that throws does not break formatting', () => {
		const tricky = Object.defineProperty({}, 'boom', {
			enumerable: true,
			get() {
				throw new Error('no');
			},
		});
		expect(text(tricky)).toBe('{boom: [Getter threw]}');
	});

	test('every formatted value survives JSON (what postMessage needs)', () => {
		for (const value of [1, 'a', { a: [1] }, new Error('e'), tf.tensor([1])]) {
			const formatted = formatValue(value);
			expect(JSON.parse(JSON.stringify(formatted))).toEqual(formatted);
		}
	});
});

describe('tensors', () => {
	test('recognised by shape, not by class', () => {
		expect(isTensorLike(tf.tensor([1]))).toBe(true);
		expect(isTensorLike({ shape: [1], dtype: 'float32', dataSync: () => [1] })).toBe(true);
		expect(isTensorLike({ shape: ['1'], dtype: 'float32', dataSync: () => [1] })).toBe(false);
		expect(isTensorLike({ shape: [1], dtype: 'float32' })).toBe(false);
	});

	test('a small tensor prints exactly like tfjs', () => {
		const t = tf.tensor([
			[1, 2],
			[3, 4],
		]);
		expect(formatValue(t)).toEqual({ kind: 'tensor', shape: [2, 2], dtype: 'float32', summary: t.toString() });
		expect(formatValue(t)).toEqual({ kind: 'tensor', shape: [2, 2], dtype: 'float32', summary: 'Tensor\n    [[1, 2],\n     [3, 4]]' });
		const cube = tf.tensor3d([1, 2, 3, 4, 5, 6, 7, 8], [2, 2, 2]);
		expect(text(cube)).toBe(cube.toString());
	});

	test('scalars and floats: 4 decimals, exponents for very large or small values', () => {
		expect(text(tf.scalar(Math.PI))).toBe('Tensor\n    3.1416');
		expect(text(tf.tensor([1e-7, 12345678, -0.5, Number.NaN]))).toBe('Tensor\n    [1e-7, 1.235e+7, -0.5, NaN]');
		expect(tensorNumber(0)).toBe('0');
		expect(tensorNumber(-0)).toBe('0');
		expect(tensorNumber(1 / 3)).toBe('0.3333');
		expect(tensorNumber(Number.POSITIVE_INFINITY)).toBe('Infinity');
	});

	test('other dtypes', () => {
		expect(text(tf.tensor([true, false], [2], 'bool'))).toBe('Tensor\n    [true, false]');
		expect(text(tf.tensor([1, 2, 3], [3], 'int32'))).toBe('Tensor\n    [1, 2, 3]');
		expect(text(tf.tensor(['a', 'b']))).toBe('Tensor\n    ["a", "b"]');
		expect(text(tf.tensor([], [0, 3]))).toBe('Tensor\n    []');
	});

	test('a big matrix is summarised: first and last 3 of each axis, padded per column like tfjs', () => {
		const t = tf.reshape(tf.linspace(0, 1, 100), [10, 10]);
		expect(formatValue(t)).toEqual({
			kind: 'tensor',
			shape: [10, 10],
			dtype: 'float32',
			summary: [
				'Tensor',
				'    [[0     , 0.0101, 0.0202, ..., 0.0707, 0.0808, 0.0909],',
				'     [0.101 , 0.1111, 0.1212, ..., 0.1717, 0.1818, 0.1919],',
				'     [0.202 , 0.2121, 0.2222, ..., 0.2727, 0.2828, 0.2929],',
				'     ...,',
				'     [0.7071, 0.7172, 0.7273, ..., 0.7778, 0.7879, 0.798 ],',
				'     [0.8081, 0.8182, 0.8283, ..., 0.8788, 0.8889, 0.899 ],',
				'     [0.9091, 0.9192, 0.9293, ..., 0.9798, 0.9899, 1     ]]',
			].join('\n'),
		});
	});

	test('rank 3: blocks separated by a blank line; long axes summarised', () => {
		const t = tf.reshape(tf.range(0, 2 * 3 * 8), [2, 3, 8]);
		expect(text(t)).toBe(
			[
				'Tensor',
				'    [[[0 , 1 , 2 , ..., 5 , 6 , 7 ],',
				'      [8 , 9 , 10, ..., 13, 14, 15],',
				'      [16, 17, 18, ..., 21, 22, 23]],',
				'',
				'     [[24, 25, 26, ..., 29, 30, 31],',
				'      [32, 33, 34, ..., 37, 38, 39],',
				'      [40, 41, 42, ..., 45, 46, 47]]]',
			].join('\n'),
		);
	});

	test('a big tensor stays small: 7 × 7 entries at most', () => {
		const t = tf.randomNormal([1000, 1000]);
		const summary = text(t);
		expect(summary.split('\n')).toHaveLength(1 + 7);
		expect(summary.length).toBeLessThan(1000);
		t.dispose();
	});

	test('inside objects a tensor prints as its dtype and shape; a disposed tensor says so', () => {
		const t = tf.zeros([2, 3]);
		expect(text({ weights: t })).toBe('{weights: Tensor float32 [2, 3]}');
		t.dispose();
		expect(text(t)).toBe('Tensor (disposed)');
	});
});

describe('models', () => {
	test('a tfjs-layers model prints as its summary table; nested, as its class name', () => {
		const model = layers.sequential({ layers: [layers.layers.dense({ units: 3, inputShape: [2] })] });
		const summary = text(model);
		expect(formatValue(model).kind).toBe('object');
		expect(summary.split('\n')[1]).toMatch(/^Layer \(type\) +Input Shape +Output shape +Param # *$/);
		expect(summary).toContain('Total params: 9');
		expect(text({ model })).toBe('{model: [Sequential]}');
		model.dispose();
	});
});
