import { describe, expect, test } from 'vitest';
import { isPageMessage, isWorkerMessage, WorkerMessageSchema, type WorkerMessage } from '../../src/lib/cells/protocol';
import { createRateLimiter } from '../../src/lib/cells/rate-limiter';

const valid: WorkerMessage[] = [
	{ type: 'ready', backend: 'wasm', reason: 'first suitable backend' },
	{
		type: 'log',
		runId: 1,
		level: 'warn',
		parts: [
			{ kind: 'text', text: 'hi' },
			{ kind: 'tensor', shape: [2], dtype: 'float32', summary: 'Tensor\n    [1, 2]' },
		],
	},
	{ type: 'result', runId: 1, value: { kind: 'object', text: '{a: 1}' } },
	{
		type: 'chart',
		runId: 1,
		id: 'loss',
		spec: {
			title: 'Loss',
			xLabel: 'batch',
			series: [
				{
					name: 'train',
					points: [
						[0, 1.5],
						[1, 1.2],
					],
				},
			],
		},
	},
	{ type: 'chart-append', runId: 1, id: 'loss', series: 'train', points: [[2, 1.1]] },
	{
		type: 'heatmap',
		runId: 1,
		id: 'attention',
		values: [
			[0.5, 0.5],
			[0.1, 0.9],
		],
		rowLabels: ['a', 'b'],
		colLabels: ['a', 'b'],
	},
	{ type: 'image', runId: 1, id: 'digit', title: '7', width: 2, height: 1, pixels: [0, 1] },
	{ type: 'bars', runId: 1, id: 'p', title: 'class probabilities', labels: ['ham', 'spam'], values: [0.25, 0.75] },
	{ type: 'progress', runId: 1, label: 'epoch', done: 1, total: 3 },
	{ type: 'dropped', runId: 1, count: 250 },
	{ type: 'error', runId: 1, name: 'TypeError', message: 'x is undefined', line: 3, column: 5 },
	{ type: 'error', runId: 1, name: 'BackendError', message: 'no backend' },
	{ type: 'done', runId: 1, ms: 12.5, numTensors: 0 },
];

describe('isWorkerMessage', () => {
	test.each(valid.map((m) => [m.type, m]))('accepts a valid %s message', (_type, message) => {
		expect(isWorkerMessage(message)).toBe(true);
		// What postMessage delivers is a structured clone: still valid.
		expect(isWorkerMessage(structuredClone(message))).toBe(true);
	});

	test.each([
		['not an object', 'done'],
		['null', null],
		['an unknown type', { type: 'eval', runId: 1, code: '1' }],
		['a run message without runId', { type: 'done', ms: 1, numTensors: 0 }],
		['a fractional runId', { type: 'done', runId: 1.5, ms: 1, numTensors: 0 }],
		['an unknown log level', { type: 'log', runId: 1, level: 'debug', parts: [] }],
		['a log part that is not a FormattedValue', { type: 'log', runId: 1, level: 'log', parts: ['raw string'] }],
		['a chart point that is not a pair', { type: 'chart-append', runId: 1, id: 'c', series: 's', points: [[1, 2, 3]] }],
		['a chart point that is not numeric', { type: 'chart-append', runId: 1, id: 'c', series: 's', points: [['1', 2]] }],
		['a chart without xLabel', { type: 'chart', runId: 1, id: 'c', spec: { series: [] } }],
		['a heatmap row of strings', { type: 'heatmap', runId: 1, id: 'h', values: [['1']] }],
		['an image whose pixel count is not width × height', { type: 'image', runId: 1, id: 'i', width: 2, height: 2, pixels: [0, 1, 0] }],
		['bars with fewer values than labels', { type: 'bars', runId: 1, id: 'b', labels: ['a', 'b'], values: [1] }],
		['bars with labels that are not strings', { type: 'bars', runId: 1, id: 'b', labels: [1], values: [1] }],
		['an error without a name', { type: 'error', runId: 1, message: 'x' }],
		['an error with a string line', { type: 'error', runId: 1, name: 'E', message: 'x', line: '3' }],
		['a zero drop count', { type: 'dropped', runId: 1, count: 0 }],
		['a ready message without reason', { type: 'ready', backend: 'cpu' }],
	])('rejects %s', (_what, message) => {
		expect(isWorkerMessage(message)).toBe(false);
	});
});

describe('isPageMessage', () => {
	const input = { trigger: 'run' };
	const digit = Array.from({ length: 784 }, (_, i) => (i % 29 === 0 ? 1 : 0));
	test('accepts a run message', () => {
		expect(isPageMessage({ type: 'run', runId: 3, code: 'tf.ones([2])', backend: 'auto', timeLimitMs: 60_000, input })).toBe(true);
		expect(isPageMessage({ type: 'run', runId: 3, code: '', backend: 'webgpu', timeLimitMs: 0, input })).toBe(true);
		expect(isPageMessage({ type: 'run', runId: 3, code: '', backend: 'wasm', timeLimitMs: 0, input: { trigger: 'predict', digit } })).toBe(true);
		expect(isPageMessage({ type: 'run', runId: 3, code: '', backend: 'wasm', timeLimitMs: 0, input: { trigger: 'predict', text: 'free cash' } })).toBe(true);
	});

	test('rejects anything else', () => {
		expect(isPageMessage({ type: 'run', runId: 3, code: 'x', backend: 'tpu', timeLimitMs: 1, input })).toBe(false);
		expect(isPageMessage({ type: 'run', runId: 3, code: 'x', backend: 'cpu', timeLimitMs: -1, input })).toBe(false);
		expect(isPageMessage({ type: 'run', runId: 'a', code: 'x', backend: 'cpu', timeLimitMs: 1, input })).toBe(false);
		expect(isPageMessage({ type: 'run', runId: 3, backend: 'cpu', timeLimitMs: 1, input })).toBe(false);
		expect(isPageMessage({ type: 'run', runId: 3, code: 'x', backend: 'cpu', timeLimitMs: 1 })).toBe(false);
		expect(isPageMessage({ type: 'run', runId: 3, code: 'x', backend: 'cpu', timeLimitMs: 1, input: { trigger: 'now' } })).toBe(false);
		const long = 'x'.repeat(2001);
		expect(isPageMessage({ type: 'run', runId: 3, code: 'x', backend: 'cpu', timeLimitMs: 1, input: { trigger: 'predict', text: long } })).toBe(false);
		expect(isPageMessage({ type: 'run', runId: 3, code: 'x', backend: 'cpu', timeLimitMs: 1, input: { trigger: 'predict', digit: digit.slice(1) } })).toBe(
			false,
		);
		expect(isPageMessage({ type: 'run', runId: 3, code: 'x', backend: 'cpu', timeLimitMs: 1, input: { trigger: 'predict', digit: digit.map(() => 2) } })).toBe(
			false,
		);
		expect(isPageMessage({ type: 'done', runId: 3 })).toBe(false);
		expect(isPageMessage(undefined)).toBe(false);
	});
});

describe('createRateLimiter', () => {
	test('lets the first N of each second through and drops the rest', () => {
		const limiter = createRateLimiter(3);
		expect([0, 1, 2, 3, 4, 5].map((t) => limiter.allow(t))).toEqual([true, true, true, false, false, false]);
		// A new one-second window starts at the first message 1000 ms after the last window began.
		expect([999, 1000, 1001, 1002, 1003].map((t) => limiter.allow(t))).toEqual([false, true, true, true, false]);
	});

	test('reports the dropped count at most once per second, then starts counting again', () => {
		const limiter = createRateLimiter(2);
		for (let t = 0; t < 10; t++) limiter.allow(t); // 8 dropped, the first at t = 2
		expect(limiter.nextReportAt()).toBe(1002);
		expect(limiter.takeDropped(500)).toBe(0); // not yet due
		expect(limiter.takeDropped(1002)).toBe(8);
		expect(limiter.takeDropped(1003)).toBe(0); // reported: nothing left
		expect(limiter.nextReportAt()).toBeUndefined();
	});

	test('a flood: 10,000 messages in one second pass 100 and produce one summary', () => {
		const limiter = createRateLimiter(100);
		let sent = 0;
		const summaries: number[] = [];
		for (let i = 0; i < 10_000; i++) {
			const now = i / 10; // 0 … 999.9 ms
			if (limiter.allow(now)) sent++;
			const dropped = limiter.takeDropped(now);
			if (dropped) summaries.push(dropped);
		}
		const final = limiter.takeDropped(1000, true);
		expect(sent).toBe(100);
		expect([...summaries, final]).toEqual([9900]);
	});

	test('force reports at once (the end of a run), and nothing when nothing was dropped', () => {
		const limiter = createRateLimiter(1);
		expect(limiter.takeDropped(0, true)).toBe(0);
		limiter.allow(0);
		limiter.allow(1);
		expect(limiter.takeDropped(2, true)).toBe(1);
	});

	test('rejects a rate that is not positive', () => {
		expect(() => createRateLimiter(0)).toThrow('createRateLimiter: expected a positive rate, received 0');
	});
});

describe('WorkerMessageSchema', () => {
	test('numbers from reader code may be NaN or infinite (a diverging loss is still drawn)', () => {
		expect(
			isWorkerMessage({
				type: 'chart-append',
				runId: 1,
				id: 'loss',
				series: 'train',
				points: [
					[1, Number.NaN],
					[2, Infinity],
				],
			}),
		).toBe(true);
		expect(isWorkerMessage({ type: 'heatmap', runId: 1, id: 'h', values: [[Number.NaN]] })).toBe(true);
		expect(isWorkerMessage({ type: 'progress', runId: 1, label: 'epoch', done: Number.NaN, total: 3 })).toBe(true);
	});

	test('the checked value keeps only the fields the protocol defines', () => {
		const parsed = WorkerMessageSchema.safeParse({ type: 'done', runId: 1, ms: 2, numTensors: 0, extra: '<script>' });
		expect(parsed.success && parsed.data).toEqual({ type: 'done', runId: 1, ms: 2, numTensors: 0 });
	});

	test('a ready message names a known backend', () => {
		expect(isWorkerMessage({ type: 'ready', backend: 'tpu', reason: 'x' })).toBe(false);
	});
});
