/** A run's log lines: formatted with the run id, and limited to MAX_LOG_LINES_PER_SECOND with the rest counted. */
import { describe, expect, test } from 'vitest';
import { MAX_LOG_LINES_PER_SECOND } from '../../src/lib/cells/output-api';
import { harness, of } from './cells-output-harness';

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
