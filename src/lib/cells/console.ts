/**
 * `console` in a code cell: every call becomes a log line of the run's output (./output-api.ts, rate-limited there).
 * Each call checks the run's deadline first, so an async loop that logs stops at the time limit.
 */
import type { LogLevel } from './protocol';
import type { RunOutput } from './output-api';

export interface ConsoleEnvironment {
	log: RunOutput['log'];
	/** Throws once the run is past its time limit. */
	checkDeadline(): void;
	/** Monotonic time in ms, for `console.time`. */
	now(): number;
}

export function createCellConsole({ log, checkDeadline, now }: ConsoleEnvironment) {
	const timers = new Map<string, number>();
	const counts = new Map<string, number>();
	const at =
		(level: LogLevel) =>
		(...args: unknown[]): void => {
			checkDeadline();
			log(level, args);
		};
	return Object.freeze({
		log: at('log'),
		info: at('info'),
		warn: at('warn'),
		error: at('error'),
		debug: at('log'),
		dir: at('log'),
		table: at('log'),
		assert: (condition: unknown, ...args: unknown[]) => {
			if (!condition) at('error')('Assertion failed', ...args);
		},
		count: (label = 'default') => {
			const n = (counts.get(label) ?? 0) + 1;
			counts.set(label, n);
			at('log')(`${label}: ${n}`);
		},
		time: (label = 'default') => void timers.set(label, now()),
		timeEnd: (label = 'default') => {
			const start = timers.get(label);
			timers.delete(label);
			if (start !== undefined) at('log')(`${label}: ${(now() - start).toFixed(1)} ms`);
		},
	});
}
