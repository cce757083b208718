/** What `out.*` (the drawing calls) send: messages the page accepts, normalised figures, and errors for bad input. */
import { describe, expect, test } from 'vitest';
import { OUTPUT_LIMITS } from '../../src/lib/cells/figures';
import { isWorkerMessage } from '../../src/lib/cells/protocol';
import { harness, of, type Out } from './cells-output-harness';

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
