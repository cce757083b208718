/**
 * Keeps a flood of messages from reader code (a `console.log` in a tight loop, a `postMessage` storm) from freezing
 * the page: at most `maxMessagesPerSecond` pass in each one-second window; the rest are dropped and counted, and the
 * count is reported at most once per second. Pure: the caller passes the time.
 */
export interface RateLimiter {
	/** Whether a message at time `now` (ms) may be sent; `false` means drop it (it is counted). */
	allow(now: number): boolean;
	/**
	 * The number of messages dropped since the last report, if a report is due (one second after the first drop not
	 * yet reported) or `force` is set (e.g. at the end of a run); 0 otherwise. A non-zero answer resets the count.
	 */
	takeDropped(now: number, force?: boolean): number;
	/** When the next report is due (ms), or `undefined` when nothing was dropped. */
	nextReportAt(): number | undefined;
}

export function createRateLimiter(maxMessagesPerSecond: number): RateLimiter {
	if (!(maxMessagesPerSecond > 0)) throw new RangeError(`createRateLimiter: expected a positive rate, received ${maxMessagesPerSecond}`);
	let windowStart = Number.NEGATIVE_INFINITY;
	let sent = 0;
	let dropped = 0;
	let firstDropAt = 0;
	return {
		allow(now) {
			if (now - windowStart >= 1000) {
				windowStart = now;
				sent = 0;
			}
			if (sent < maxMessagesPerSecond) {
				sent++;
				return true;
			}
			if (dropped === 0) firstDropAt = now;
			dropped++;
			return false;
		},
		takeDropped(now, force = false) {
			if (dropped === 0 || (!force && now - firstDropAt < 1000)) return 0;
			const count = dropped;
			dropped = 0;
			return count;
		},
		nextReportAt() {
			return dropped === 0 ? undefined : firstDropAt + 1000;
		},
	};
}
