import { describe, expect, test } from 'vitest';
import { createCellConsole } from '../../src/lib/cells/console';
import { OUTPUT_LIMITS } from '../../src/lib/cells/figures';
import { createRunOutput, FLUSH_MS, MAX_LOG_LINES_PER_SECOND } from '../../src/lib/cells/output-api';
import { isWorkerMessage, type WorkerMessage } from '../../src/lib/cells/protocol';

/** A run's output on a fake clock: `advance(ms)` moves time on and fires the timers that fall due, in order. */
function harness() {
	let time = 10_000;
	let pastDeadline = false;
	const sent: WorkerMessage[] = [];
	const timers: { at: number; callback: () => void; cancelled: boolean }[] = [];
	const output = createRunOutput({
		runId: 7,
		post: (message) => sent.push(message),
		now: () => time,
		schedule: (callback, ms) => {
			const timer = { at: time + ms, callback, cancelled: false };
			timers.push(timer);
			return () => void (timer.cancelled = true);
		},
		checkDeadline: () => {
			if (pastDeadline) throw new Error('Time limit of 1 s reached');
		},
	});
	const pending = () => timers.filter((t) => !t.cancelled);
	return {
		output,
		out: output.out,
		sent,
		/** The types of the messages sent so far, and forgets them. */
		take: () => sent.splice(0).map((m) => m.type),
		pendingTimers: () => pending().length,
		advance(ms: number) {
			const end = time + ms;
			for (let due = pending().filter((t) => t.at <= end); due.length; due = pending().filter((t) => t.at <= end)) {
				const next = due.reduce((a, b) => (b.at < a.at ? b : a));
				next.cancelled = true;
				time = next.at;
				next.callback();
			}
			time = end;
		},
		expireDeadline: () => void (pastDeadline = true),
	};
}

const of = <T extends WorkerMessage['type']>(sent: WorkerMessage[], type: T) => sent.filter((m): m is Extract<WorkerMessage, { type: T }> => m.type === type);

describe('batching', () => {
	test('the first call goes out at once; the next ones within FLUSH_MS together, FLUSH_MS later', () => {
		const h = harness();
		h.out.progress('epoch', 0, 3);
		expect(h.take()).toEqual(['progress']);
		h.out.append('loss', 'train', 0, 1);
		h.out.image('digit', [[0, 1]]);
		expect(h.take()).toEqual([]);
		h.advance(FLUSH_MS - 1);
		expect(h.take()).toEqual([]);
		h.advance(1);
		expect(h.take()).toEqual(['image', 'chart-append']);
		expect(h.pendingTimers()).toBe(0);
	});

	test('figures are coalesced by kind and id: only the latest of each is sent, in the order they were last drawn', () => {
		const h = harness();
		h.out.progress('start', 0, 1);
		h.take();
		h.out.image('a', [[0.1]]);
		h.out.heatmap('a', [[1, 2]]);
		h.out.image('b', [[0.2]]);
		h.out.image('a', [[0.3]]);
		h.out.bars('p', ['x'], [0.5]);
		h.out.bars('p', ['x'], [0.75]);
		h.advance(FLUSH_MS);
		expect(h.sent.map((m) => ('id' in m ? `${m.type}:${m.id}` : m.type))).toEqual(['heatmap:a', 'image:b', 'image:a', 'bars:p']);
		expect(of(h.sent, 'image').find((m) => m.id === 'a')?.pixels).toEqual([0.3]);
		expect(of(h.sent, 'bars')[0]?.values).toEqual([0.75]);
	});

	test('out.append points are batched per chart and series, every point kept in order', () => {
		const h = harness();
		h.out.progress('start', 0, 1);
		h.take();
		for (let i = 0; i < 10; i++) h.out.append('loss', 'train', i, 1 / (i + 1));
		for (let i = 0; i < 5; i++) h.out.append('loss', 'test', i, 2);
		h.out.append('accuracy', 'train', 0, 0.5);
		h.advance(FLUSH_MS);
		const appends = of(h.sent, 'chart-append');
		expect(appends.map((m) => [m.id, m.series, m.points.length])).toEqual([
			['loss', 'train', 10],
			['loss', 'test', 5],
			['accuracy', 'train', 1],
		]);
		expect(appends[0]?.points.slice(0, 3)).toEqual([
			[0, 1],
			[1, 0.5],
			[2, 1 / 3],
		]);
	});

	test('a chart replaces the points appended to it before, not those of other charts', () => {
		const h = harness();
		h.out.progress('start', 0, 1);
		h.take();
		h.out.append('loss', 'train', 0, 1);
		h.out.append('accuracy', 'train', 0, 0.5);
		h.out.chart('loss', { xLabel: 'batch', series: [{ name: 'train', points: [[0, 0.9]] }] });
		h.out.append('loss', 'train', 1, 0.8);
		h.advance(FLUSH_MS);
		expect(h.sent.map((m) => (m.type === 'chart-append' ? `append:${m.id}:${m.points.length}` : m.type))).toEqual([
			'chart',
			'append:accuracy:1',
			'append:loss:1',
		]);
		expect(of(h.sent, 'chart-append')[1]?.points).toEqual([[1, 0.8]]);
	});

	test('flush order: figures, then appended points, then progress, whatever the order of the calls', () => {
		const h = harness();
		h.out.progress('start', 0, 1);
		h.take();
		h.out.progress('epoch', 1, 3);
		h.out.append('loss', 'train', 0, 1);
		h.out.heatmap('w', [[1]]);
		h.out.progress('epoch', 2, 3);
		h.advance(FLUSH_MS);
		expect(h.take()).toEqual(['heatmap', 'chart-append', 'progress']);
	});

	test('only the latest progress per label is sent', () => {
		const h = harness();
		h.out.progress('start', 0, 1);
		h.take();
		for (let done = 1; done <= 100; done++) h.out.progress('batch', done, 100);
		h.out.progress('epoch', 1, 2);
		h.advance(FLUSH_MS);
		expect(of(h.sent, 'progress').map((m) => [m.label, m.done])).toEqual([
			['batch', 100],
			['epoch', 1],
		]);
	});

	test('a log line first sends the pending figures, so the page shows them in the order they were made', () => {
		const h = harness();
		h.out.progress('start', 0, 1);
		h.take();
		h.out.image('digit', [[1]]);
		h.output.log('log', ['after the image']);
		expect(h.take()).toEqual(['image', 'log']);
		expect(h.pendingTimers()).toBe(0);
	});

	test('flush and close send what is pending at once', () => {
		const h = harness();
		h.out.progress('start', 0, 1);
		h.take();
		h.out.append('loss', 'train', 0, 1);
		h.output.flush();
		expect(h.take()).toEqual(['chart-append']);
		h.out.image('digit', [[1]]);
		h.output.close();
		expect(h.take()).toEqual(['image']);
		expect(h.pendingTimers()).toBe(0);
	});
});

describe('log lines', () => {
	test('are formatted, one part per value, and carry the run id', () => {
		const h = harness();
		h.output.log('warn', ['loss', 0.5, { a: 1 }]);
		expect(h.sent).toEqual([
			{
				type: 'log',
				runId: 7,
				level: 'warn',
				parts: [
					{ kind: 'text', text: 'loss' },
					{ kind: 'text', text: '0.5' },
					{ kind: 'object', text: '{a: 1}' },
				],
			},
		]);
	});

	test(`a flood: ${MAX_LOG_LINES_PER_SECOND} lines a second pass, the rest are counted and reported a second after the first drop`, () => {
		const h = harness();
		for (let i = 0; i < 250; i++) h.output.log('log', [i]);
		expect(of(h.sent, 'log')).toHaveLength(MAX_LOG_LINES_PER_SECOND);
		expect(of(h.sent, 'log').at(-1)?.parts).toEqual([{ kind: 'text', text: String(MAX_LOG_LINES_PER_SECOND - 1) }]);
		h.take();
		h.advance(999);
		expect(h.take()).toEqual([]);
		h.advance(1);
		expect(h.sent).toEqual([{ type: 'dropped', runId: 7, count: 150 }]);
		expect(h.pendingTimers()).toBe(0);
	});

	test('close reports what was dropped at once, and no report follows', () => {
		const h = harness();
		for (let i = 0; i < MAX_LOG_LINES_PER_SECOND + 3; i++) h.output.log('log', [i]);
		h.take();
		h.output.close();
		expect(h.sent).toEqual([{ type: 'dropped', runId: 7, count: 3 }]);
		h.take();
		h.advance(5000);
		expect(h.take()).toEqual([]);
	});

	test('a new second lets lines through again', () => {
		const h = harness();
		for (let i = 0; i < MAX_LOG_LINES_PER_SECOND + 1; i++) h.output.log('log', [i]);
		h.advance(1000);
		h.take();
		h.output.log('log', ['again']);
		expect(h.take()).toEqual(['log']);
	});

	test('dropped lines are not formatted', () => {
		const h = harness();
		let formatted = 0;
		const costly = {
			get value() {
				formatted++;
				return 1;
			},
		};
		for (let i = 0; i < MAX_LOG_LINES_PER_SECOND * 2; i++) h.output.log('log', [costly]);
		expect(formatted).toBe(MAX_LOG_LINES_PER_SECOND);
	});
});

describe('what the drawing calls send', () => {
	test('every message is one the page accepts', () => {
		const h = harness();
		const tensor = { shape: [1, 2, 2, 1], dtype: 'float32', dataSync: () => new Float32Array([0, 0.5, 1, 2]) };
		h.out.chart('loss', { title: 'Loss', xLabel: 'batch', series: [{ name: 'train', points: [[0, Number.NaN]] }] });
		h.out.append('loss', 'train', 1, Number.POSITIVE_INFINITY);
		h.out.heatmap(
			'att',
			[
				[0.5, 0.5],
				[0.1, 0.9],
			],
			{ rowLabels: ['a', 'b'], colLabels: ['a', 'b'] },
		);
		h.out.image('tensor', tensor as never, { title: 'four' });
		h.out.image('flat', new Float32Array(6), { width: 3, height: 2 });
		h.out.bars('p', ['ham', 'spam'], new Float32Array([0.25, 0.75]));
		h.out.progress('epoch', undefined as never, 3);
		h.output.log('error', [new Error('x')]);
		h.output.close();
		// The chart goes out at once; the log line sends the rest first, figures before points before progress.
		expect(h.sent.map((m) => m.type)).toEqual(['chart', 'heatmap', 'image', 'image', 'bars', 'chart-append', 'progress', 'log']);
		for (const message of h.sent) expect(isWorkerMessage(message), JSON.stringify(message)).toBe(true);
	});

	test('images: tensors are squeezed to 2-D, intensities clamped to [0, 1], NaN drawn black, a flat square inferred', () => {
		const h = harness();
		const tensor = { shape: [1, 2, 2, 1], dtype: 'float32', dataSync: () => new Float32Array([-1, 0.5, 2, Number.NaN]) };
		h.out.image('t', tensor as never);
		expect(of(h.sent, 'image')[0]).toMatchObject({ width: 2, height: 2, pixels: [0, 0.5, 1, 0] });
		h.output.flush();
		h.out.image(
			'square',
			Array.from({ length: 9 }, () => 0.5),
		);
		h.output.flush();
		expect(of(h.sent, 'image')[1]).toMatchObject({ width: 3, height: 3 });
	});

	test.each([
		['a missing id', (out: Out) => out.chart('', { xLabel: '', series: [] }), 'out.chart: the first argument must be a non-empty string id, received string'],
		[
			'an id that is not a string',
			(out: Out) => out.append(3 as never, 's', 0, 0),
			'out.append: the first argument must be a non-empty string id, received number',
		],
		[
			'a chart spec without series',
			(out: Out) => out.chart('c', {} as never),
			"out.chart('c', spec): spec must be { xLabel, series: [{ name, points: [[x, y], …] }] }",
		],
		['a series without points', (out: Out) => out.chart('c', { xLabel: '', series: [{ name: 's' }] } as never), "out.chart('c'): series 0 has no points array"],
		[
			'a ragged heatmap',
			(out: Out) => out.heatmap('h', [[1, 2], [3]]),
			"out.heatmap('h'): expected rows of numbers of equal length or a 2-D tensor, received an array of 2",
		],
		[
			'pixels that make no image',
			(out: Out) => out.image('i', [1, 2, 3], { width: 2 }),
			"out.image('i'): 3 pixels do not make a 2 × ? image; pass { width, height }",
		],
		[
			'an image of a string',
			(out: Out) => out.image('i', 'abc' as never),
			"out.image('i'): expected rows of intensities, a flat array with { width, height } or a 2-D tensor, received string",
		],
		[
			'fewer values than labels',
			(out: Out) => out.bars('b', ['a', 'b'], [1]),
			"out.bars('b', labels, values): expected as many values as labels, received 2 labels and 1 values",
		],
	])('%s is refused with an error that says what was expected', (_what, call, message) => {
		const h = harness();
		expect(() => call(h.out)).toThrow(message);
		expect(h.sent).toEqual([]);
	});

	test(`at most OUTPUT_LIMITS.cells (${OUTPUT_LIMITS.cells}) values per figure`, () => {
		const h = harness();
		const rows = (n: number, m: number) => Array.from({ length: n }, () => new Array<number>(m).fill(0));
		h.out.heatmap('fits', rows(200, 200));
		expect(() => h.out.heatmap('big', rows(201, 200))).toThrow(
			new RangeError(
				"out.heatmap('big'): 201 × 200 = 40200 values, more than the 40000 a cell may draw; downsample first (e.g. tf.image.resizeBilinear or a slice)",
			),
		);
		expect(() => h.out.image('big', new Float32Array(201 * 201), { width: 201, height: 201 })).toThrow(
			"out.image('big'): 201 × 201 = 40401 values, more than the 40000 a cell may draw",
		);
		const labels = Array.from({ length: OUTPUT_LIMITS.cells + 1 }, String);
		expect(() => h.out.bars('big', labels, new Float32Array(labels.length))).toThrow(
			"out.bars('big'): 1 × 40001 = 40001 values, more than the 40000 a cell may draw",
		);
		h.output.close();
		expect(h.sent.map((m) => ('id' in m ? m.id : m.type))).toEqual(['fits']);
	});

	test('past the deadline every drawing call throws and sends nothing', () => {
		const h = harness();
		h.expireDeadline();
		expect(() => h.out.progress('epoch', 1, 2)).toThrow('Time limit of 1 s reached');
		expect(() => h.out.image('i', [[1]])).toThrow('Time limit of 1 s reached');
		h.output.close();
		expect(h.sent).toEqual([]);
	});
});

type Out = ReturnType<typeof harness>['out'];

describe('console', () => {
	const make = () => {
		const h = harness();
		let time = 0;
		const console = createCellConsole({ log: h.output.log, checkDeadline: () => {}, now: () => time });
		const lines = () => of(h.sent, 'log').map((m) => `${m.level}: ${m.parts.map((p) => (p.kind === 'tensor' ? p.summary : p.text)).join(' ')}`);
		return { h, console, lines, tick: (ms: number) => void (time += ms) };
	};

	test('levels, assert, count and time', () => {
		const { console, lines, tick } = make();
		console.info('a', 1);
		console.debug('b');
		console.assert(true, 'never shown');
		console.assert(false, 'shown');
		console.count();
		console.count();
		console.time('fit');
		tick(12.34);
		console.timeEnd('fit');
		console.timeEnd('fit'); // already ended: nothing
		expect(lines()).toEqual(['info: a 1', 'log: b', 'error: Assertion failed shown', 'log: default: 1', 'log: default: 2', 'log: fit: 12.3 ms']);
	});

	test('checks the deadline before each line', () => {
		const h = harness();
		const console = createCellConsole({
			log: h.output.log,
			checkDeadline: () => {
				throw new Error('Time limit of 1 s reached');
			},
			now: () => 0,
		});
		expect(() => console.log('x')).toThrow('Time limit of 1 s reached');
		expect(h.sent).toEqual([]);
	});
});
