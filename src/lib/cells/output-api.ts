/**
 * A run's output: the `out` API reader code draws with, and its log lines, turned into protocol messages for the
 * page at a bounded rate. Pure: no worker globals and no tfjs — the worker passes in the clock, the timers, the
 * deadline check and `post` (its real postMessage), so tests can drive it with a fake clock.
 *
 * - Figures (chart, heatmap, image, bars), `out.append` points and `out.progress` go out together every FLUSH_MS at
 *   most: cheap live curves and a bounded message rate, without dropping anything the reader would see (only
 *   superseded states are skipped: the latest figure per kind and id, the latest progress per label).
 * - Log lines (console, reader postMessage, stray errors) are rate-limited instead: at most MAX_LOG_LINES_PER_SECOND;
 *   the rest are counted, and the count is sent (`dropped`) at most once per second and when the run ends.
 */
import type { CellOutput } from './cell-api';
import { barsMessage, chartMessage, chartPoint, checkId, heatmapMessage, imageMessage } from './figures';
import { formatValue } from './format';
import {
	PUBLISH_ID,
	PublishCardSchema,
	type ChartAppendMessage,
	type FigureMessage,
	type LogLevel,
	type ProgressMessage,
	type PublishMessage,
	type WorkerMessage,
} from './protocol';
import { createRateLimiter } from './rate-limiter';

/** Log lines per second (console calls and reader postMessage); figures are coalesced instead. */
export const MAX_LOG_LINES_PER_SECOND = 100;
/** Batched figures, `out.append` points and `out.progress` are sent at most this often. */
export const FLUSH_MS = 50;

/** What a run's output needs from the worker. */
export interface OutputEnvironment {
	runId: number;
	/** Sends one message to the page. */
	post(message: WorkerMessage): void;
	/** Monotonic time in ms (`performance.now()`). */
	now(): number;
	/** Calls `callback` once, `ms` from now; returns what cancels it. */
	schedule(callback: () => void, ms: number): () => void;
	/** Throws once the run is past its time limit; every `out` call checks it first. */
	checkDeadline(): void;
	/** A tfjs Layers model in tfjs' save format, or a character model in part 3's (the worker's, which has tfjs); throws for anything else. */
	saveModel?(model: unknown): Promise<Pick<PublishMessage, 'modelTopology' | 'weightSpecs' | 'weightData'>>;
}

export interface RunOutput {
	/** The cell's `out`. */
	readonly out: CellOutput;
	/** One log line, through the rate limiter; `values` are formatted only when the line is sent, so a flood costs little. */
	log(level: LogLevel, values: readonly unknown[]): void;
	/** Sends the pending output now (before a result or an error, which must come after it). */
	flush(): void;
	/** The run is over: sends the pending output, then what is left of the dropped count. */
	close(): void;
}

export function createRunOutput({ runId, post, now, schedule, checkDeadline, saveModel }: OutputEnvironment): RunOutput {
	const limiter = createRateLimiter(MAX_LOG_LINES_PER_SECOND);
	// Output waiting for the next flush: the latest figure per kind and id (each replaces the previous one on the
	// page, so sending only the latest loses nothing), `out.append` points by chart and series, and the latest
	// `out.progress` per label.
	const figures = new Map<string, FigureMessage>();
	const appends = new Map<string, ChartAppendMessage>();
	const progress = new Map<string, ProgressMessage>();
	let cancelFlush: (() => void) | undefined;
	let cancelDropReport: (() => void) | undefined;
	let lastFlush = Number.NEGATIVE_INFINITY;

	function flush(): void {
		cancelFlush?.();
		cancelFlush = undefined;
		lastFlush = now();
		// Figures first: a chart replaced and then appended to must arrive in that order.
		for (const pending of [figures, appends, progress]) {
			for (const message of pending.values()) post(message);
			pending.clear();
		}
	}

	function scheduleFlush(): void {
		if (now() - lastFlush >= FLUSH_MS) flush();
		else cancelFlush ??= schedule(flush, FLUSH_MS);
	}

	function setFigure(message: FigureMessage): void {
		const key = `${message.type}:${message.id}`;
		figures.delete(key); // re-inserted last: figures flush in the order they were last drawn
		figures.set(key, message);
		scheduleFlush();
	}

	function reportDropped(force = false): void {
		const count = limiter.takeDropped(now(), force);
		if (count) post({ type: 'dropped', runId, count });
		const next = limiter.nextReportAt();
		if (next !== undefined && !cancelDropReport)
			cancelDropReport = schedule(
				() => {
					cancelDropReport = undefined;
					reportDropped();
				},
				Math.max(0, next - now()),
			);
	}

	function log(level: LogLevel, values: readonly unknown[]): void {
		if (limiter.allow(now())) {
			flush(); // keep the order of pending figures and this line
			post({ type: 'log', runId, level, parts: values.map((value) => formatValue(value)) });
		}
		reportDropped();
	}

	const startDrawing = (what: string, id: unknown) => {
		checkDeadline();
		checkId(what, id);
	};

	const out: CellOutput = {
		chart(id, spec) {
			startDrawing('out.chart', id);
			const message = chartMessage(runId, id, spec);
			// Points appended before this chart are replaced by it.
			for (const [key, pending] of appends) if (pending.id === id) appends.delete(key);
			setFigure(message);
		},
		append(id, series, x, y) {
			startDrawing('out.append', id);
			const name = String(series);
			const key = JSON.stringify([id, name]);
			let pending = appends.get(key);
			if (!pending) appends.set(key, (pending = { type: 'chart-append', runId, id, series: name, points: [] }));
			pending.points.push(chartPoint(x, y));
			scheduleFlush();
		},
		heatmap(id, values, options) {
			startDrawing('out.heatmap', id);
			setFigure(heatmapMessage(runId, id, values, options));
		},
		image(id, pixels, options) {
			startDrawing('out.image', id);
			setFigure(imageMessage(runId, id, pixels, options));
		},
		bars(id, labels, values, options) {
			startDrawing('out.bars', id);
			setFigure(barsMessage(runId, id, labels, values, options));
		},
		progress(label, done, total) {
			checkDeadline();
			const name = String(label);
			progress.set(name, { type: 'progress', runId, label: name, done: Number(done), total: Number(total) });
			scheduleFlush();
		},
		async publish(id, model, card = {}) {
			checkDeadline();
			if (typeof id !== 'string' || !PUBLISH_ID.test(id))
				throw new TypeError(`out.publish: the id must be lower case letters, digits and dashes (like 'cnn'), got ${JSON.stringify(id)}`);
			const checked = PublishCardSchema.safeParse(card);
			if (!checked.success)
				throw new TypeError('out.publish: the card is { accuracy?: a number from 0 to 1, epochs?: a whole number, bitsPerCharacter?: a positive number }');
			if (!saveModel) throw new Error('out.publish: models cannot be published here');
			const saved = await saveModel(model);
			flush(); // what was drawn before comes first
			post({ type: 'publish', runId, id, ...saved, card: checked.data });
		},
	};

	return {
		out: Object.freeze(out),
		log,
		flush,
		close() {
			flush();
			cancelDropReport?.();
			cancelDropReport = undefined;
			reportDropped(true);
		},
	};
}
