/** A code cell's `console`: levels, assert, count and time, as log lines of the run's output. */
import { describe, expect, test } from 'vitest';
import { createCellConsole } from '../../src/lib/cells/console';
import { harness, of } from './cells-output-harness';

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
