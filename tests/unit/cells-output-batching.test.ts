/** A run's output batches drawing calls: what goes out at once, what waits FLUSH_MS, and in which order. */
import { describe, expect, test } from 'vitest';
import { FLUSH_MS } from '../../src/lib/cells/output-api';
import { harness, of } from './cells-output-harness';

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
