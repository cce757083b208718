/**
 * What the cells' output tests share: a run's output (src/lib/cells/output-api.ts) on a fake clock, and a filter for
 * the messages it sent. Used by cells-output-*.test.ts and cells-console.test.ts.
 */
import { createRunOutput } from '../../src/lib/cells/output-api';
import type { WorkerMessage } from '../../src/lib/cells/protocol';

/** A run's output on a fake clock: `advance(ms)` moves time on and fires the timers that fall due, in order. */
export function harness(saveModel?: Parameters<typeof createRunOutput>[0]['saveModel']) {
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
		...(saveModel ? { saveModel } : {}),
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

export const of = <T extends WorkerMessage['type']>(sent: WorkerMessage[], type: T) =>
	sent.filter((m): m is Extract<WorkerMessage, { type: T }> => m.type === type);

export type Out = ReturnType<typeof harness>['out'];
