/**
 * Messages between a page and its code-cell worker (src/lib/cells/worker.ts), and the helpers both sides share.
 *
 * page → worker: `run`. worker → page: `ready` once tfjs is up, then for each run any number of output messages
 * (`log`, `result`, `chart`, `chart-append`, `heatmap`, `image`, `bars`, `progress`, `dropped`), at most one `error`, and
 * always a final `done`. Every run-scoped message carries the `runId` of the run that produced it: a page that started a newer run
 * ignores the others (a stray timer in reader code can still log after its run is done).
 *
 * Everything is structured-clone friendly (plain objects, arrays, numbers, strings). The page must check what it
 * receives with `isWorkerMessage`: reader code runs in the worker, and though its own `postMessage` calls are turned
 * into `log` lines, the page should not trust the shape of anything it did not check.
 */
import type { Tensor } from '@tensorflow/tfjs-core';
import type { MnistSplit } from '../data/mnist';
import type { SpamDataset } from '../data/spam';
import { isBackendPreference, type BackendName, type BackendPreference } from '../compute/backend';
import type { FormattedValue } from './format';

export type { FormattedValue } from './format';

// ---------------------------------------------------------------------------------------------------------------
// page → worker

/** Run a cell. Runs are queued: the worker starts a run only after the previous one sent `done`. */
export interface RunMessage {
	type: 'run';
	/** Chosen by the page, unique per worker; echoed in every message about this run. */
	runId: number;
	/**
	 * The reader's code as written in the editor (TypeScript or JavaScript). The worker transforms it
	 * (src/lib/cells/transform.ts), so the page does not download sucrase and acorn.
	 */
	code: string;
	/** Backend wanted for this run; the worker switches (and sends a new `ready`) when it differs from the current one. */
	backend: BackendPreference;
	/**
	 * After this long the worker's console and `out` calls throw "Time limit of N s reached" (this stops async loops
	 * that log or report progress). A synchronous `while (true) {}` cannot be interrupted from inside: the page must
	 * terminate the worker when `done` has not arrived some time after the limit. 0 means no limit.
	 */
	timeLimitMs: number;
	/** What the reader gave the cell's input box (a drawn digit, a text), and why the cell runs. */
	input: CellInput;
}

export type PageMessage = RunMessage;

/** Longest text a cell's text box passes on (longer input is refused by the page, with a message). */
export const MAX_INPUT_TEXT = 2000;
/** A drawn digit: 28 × 28 intensities in [0, 1], row-major, like the MNIST images of `data.mnist()`. */
export const DIGIT_PIXELS = 28 * 28;

/**
 * `input`, what reader code receives from the page besides its code: the content of the cell's input box, if the
 * cell has one, and what started the run. `trigger` is `'run'` for Run (or Ctrl+Enter) and `'predict'` for the input
 * box's Predict button — the examples train on `'run'` and reuse the model in `shared` on `'predict'`.
 */
export interface CellInput {
	trigger: 'run' | 'predict';
	/** The text box's content (cells with `input="text"`); at most MAX_INPUT_TEXT characters. */
	text?: string;
	/** The drawn digit (cells with `input="digit"`): DIGIT_PIXELS intensities in [0, 1]; absent while the pad is empty. */
	digit?: number[];
}

// ---------------------------------------------------------------------------------------------------------------
// worker → page

/** tfjs (core + layers) and a backend are ready. Sent once at start, and again whenever a run switches backend. */
export interface ReadyMessage {
	type: 'ready';
	backend: BackendName;
	/** Why this backend (from selectBackend): shown to the reader. */
	reason: string;
}

export type LogLevel = 'log' | 'info' | 'warn' | 'error';

/** One `console.log(a, b, …)` call: each argument formatted separately; the page joins them with spaces. */
export interface LogMessage {
	type: 'log';
	runId: number;
	level: LogLevel;
	parts: FormattedValue[];
}

/** The value of the cell's last expression statement (sent only when it is not `undefined`). */
export interface ResultMessage {
	type: 'result';
	runId: number;
	value: FormattedValue;
}

/** A point on a line chart: `[x, y]`. */
export type ChartPoint = [number, number];

export interface ChartSeries {
	name: string;
	points: ChartPoint[];
}

export interface ChartSpec {
	title?: string;
	xLabel: string;
	yLabel?: string;
	series: ChartSeries[];
}

/** Draw a line chart, or REPLACE the chart with this `id` (within the cell) if there is one. */
export interface ChartMessage {
	type: 'chart';
	runId: number;
	id: string;
	spec: ChartSpec;
}

/**
 * Add points to the end of series `series` of chart `id` (creating the series, or the chart with empty labels,
 * if missing). This is what makes live training curves cheap: the worker batches `out.append` calls into one of
 * these every ~50 ms instead of resending the whole chart.
 */
export interface ChartAppendMessage {
	type: 'chart-append';
	runId: number;
	id: string;
	series: string;
	points: ChartPoint[];
}

/** A matrix as a heatmap (e.g. attention weights, a kernel, a confusion matrix); replaces the heatmap with this `id`. */
export interface HeatmapMessage {
	type: 'heatmap';
	runId: number;
	id: string;
	title?: string;
	/** Rows of equal length. */
	values: number[][];
	rowLabels?: string[];
	colLabels?: string[];
}

/** A grayscale image (e.g. a digit, a feature map); replaces the image with this `id`. */
export interface ImageMessage {
	type: 'image';
	runId: number;
	id: string;
	title?: string;
	width: number;
	height: number;
	/** Row-major, `width × height` intensities in [0, 1] (0 = black). */
	pixels: number[];
}

/** Labelled values as horizontal bars (e.g. class probabilities); replaces the bar chart with this `id`. */
export interface BarsMessage {
	type: 'bars';
	runId: number;
	id: string;
	title?: string;
	labels: string[];
	/** One value per label. */
	values: number[];
}

/** Progress of a long step; the latest message for a `label` replaces the previous one. */
export interface ProgressMessage {
	type: 'progress';
	runId: number;
	label: string;
	done: number;
	total: number;
}

/**
 * `count` messages from reader code were dropped because it sent more than the rate limit allows (a `console.log`
 * in a tight loop). Sent at most once per second, and once more before `done` if anything is left to report.
 */
export interface DroppedMessage {
	type: 'dropped';
	runId: number;
	count: number;
}

/** The run failed. `line`/`column` (1-based) point into the reader's code when known. */
export interface ErrorMessage {
	type: 'error';
	runId: number;
	/** `SyntaxError`, `TypeError`, `TimeLimitError`, … */
	name: string;
	message: string;
	line?: number;
	column?: number;
}

/** The run is over (after its `result` or `error`). */
export interface DoneMessage {
	type: 'done';
	runId: number;
	/** Wall time of the run in the worker, including the transform. */
	ms: number;
	/** `tf.memory().numTensors` after the run's tensors were released: what `shared` keeps, plus any leak. */
	numTensors: number;
}

export type WorkerMessage =
	| ReadyMessage
	| LogMessage
	| ResultMessage
	| ChartMessage
	| ChartAppendMessage
	| HeatmapMessage
	| ImageMessage
	| BarsMessage
	| ProgressMessage
	| DroppedMessage
	| ErrorMessage
	| DoneMessage;

// ---------------------------------------------------------------------------------------------------------------
// What reader code receives

/** Sizes the worker refuses to send (with an error that says so), so that one call cannot freeze the page. */
export const OUTPUT_LIMITS = {
	/** Values in one heatmap or image (rows × columns): 200 × 200. */
	cells: 40_000,
} as const;

/** `out`, the cell's drawing API (each call posts one message; ids are scoped to the cell). */
export interface CellOutput {
	/** Draws (or replaces) line chart `id`. */
	chart(id: string, spec: ChartSpec): void;
	/** Adds point (x, y) to series `series` of chart `id`; cheap enough to call every batch. */
	append(id: string, series: string, x: number, y: number): void;
	/** Draws matrix `values` (rows of numbers, or a rank-2 tensor) as heatmap `id`. */
	heatmap(
		id: string,
		values: number[][] | Tensor,
		options?: { title?: string; rowLabels?: string[]; colLabels?: string[] },
	): void;
	/**
	 * Draws grayscale image `id` from intensities in [0, 1] (0 = black): rows of numbers, a rank-2 tensor (or rank 3
	 * with one channel), or a flat array / typed array with `width` and `height` (a square is inferred without them).
	 */
	image(id: string, pixels: number[][] | ArrayLike<number> | Tensor, options?: { title?: string; width?: number; height?: number }): void;
	/**
	 * Draws bar chart `id`: one horizontal bar per label (e.g. class probabilities), each with its value as text.
	 * `values` is an array of numbers or a tensor with one value per label.
	 */
	bars(id: string, labels: string[], values: ArrayLike<number> | Tensor, options?: { title?: string }): void;
	/** Shows progress `done` of `total` for the step `label`. */
	progress(label: string, done: number, total: number): void;
}

/** One MNIST split as the site serves it (src/lib/data/mnist.ts), plus its length. */
export interface CellMnistSplit extends MnistSplit {
	/** Number of digits: `images` holds `count × 784` intensities in [0, 1], `labels` `count` classes 0–9. */
	count: number;
}

/** How many examples of each split to return (default: all; the first ones, the files are already shuffled). */
export interface SplitSizes {
	train?: number;
	test?: number;
}

/**
 * `data`, the cell's data sets, all served by this site from /generated/ (built by scripts/prepare-data.mjs); nothing
 * comes from another origin. Loaded once per worker and cached: treat the arrays as read-only.
 */
export interface CellData {
	/** MNIST, 8,000 training and 2,000 test digits: `const { train, test } = await data.mnist({ train: 2000 })`. */
	mnist(sizes?: SplitSizes): Promise<{ train: CellMnistSplit; test: CellMnistSplit }>;
	/** SpamAssassin messages (subject + start of body) labelled 0 = ham, 1 = spam. */
	spam(sizes?: SplitSizes): Promise<SpamDataset>;
}

// ---------------------------------------------------------------------------------------------------------------
// Validators

type Fields = Record<string, unknown>;

const isObject = (x: unknown): x is Fields => typeof x === 'object' && x !== null;
const isString = (x: unknown): x is string => typeof x === 'string';
const isNumber = (x: unknown): x is number => typeof x === 'number';
const isRunId = (x: unknown): x is number => Number.isInteger(x);
const isOptionalString = (x: unknown) => x === undefined || isString(x);
const isStringArray = (x: unknown) => Array.isArray(x) && x.every(isString);
const isOptionalStringArray = (x: unknown) => x === undefined || isStringArray(x);
const isNumberArray = (x: unknown) => Array.isArray(x) && x.every(isNumber);
const isPoints = (x: unknown) => Array.isArray(x) && x.every((p) => Array.isArray(p) && p.length === 2 && isNumber(p[0]) && isNumber(p[1]));
const LOG_LEVELS: readonly unknown[] = ['log', 'info', 'warn', 'error'] satisfies LogLevel[];

export function isFormattedValue(x: unknown): x is FormattedValue {
	if (!isObject(x)) return false;
	switch (x.kind) {
		case 'text':
		case 'object':
		case 'error':
			return isString(x.text);
		case 'tensor':
			return isNumberArray(x.shape) && isString(x.dtype) && isString(x.summary);
		default:
			return false;
	}
}

function isChartSpec(x: unknown): x is ChartSpec {
	return (
		isObject(x) &&
		isOptionalString(x.title) &&
		isString(x.xLabel) &&
		isOptionalString(x.yLabel) &&
		Array.isArray(x.series) &&
		x.series.every((s) => isObject(s) && isString(s.name) && isPoints(s.points))
	);
}

/** Checks a message from the worker, field by field (numeric arrays element by element). */
export function isWorkerMessage(x: unknown): x is WorkerMessage {
	if (!isObject(x)) return false;
	if (x.type === 'ready') return isString(x.backend) && isString(x.reason);
	if (!isRunId(x.runId)) return false;
	switch (x.type) {
		case 'log':
			return LOG_LEVELS.includes(x.level) && Array.isArray(x.parts) && x.parts.every(isFormattedValue);
		case 'result':
			return isFormattedValue(x.value);
		case 'chart':
			return isString(x.id) && isChartSpec(x.spec);
		case 'chart-append':
			return isString(x.id) && isString(x.series) && isPoints(x.points);
		case 'heatmap':
			return (
				isString(x.id) &&
				isOptionalString(x.title) &&
				Array.isArray(x.values) &&
				x.values.every(isNumberArray) &&
				isOptionalStringArray(x.rowLabels) &&
				isOptionalStringArray(x.colLabels)
			);
		case 'image':
			return (
				isString(x.id) &&
				isOptionalString(x.title) &&
				Number.isInteger(x.width) &&
				Number.isInteger(x.height) &&
				isNumberArray(x.pixels) &&
				(x.pixels as number[]).length === (x.width as number) * (x.height as number)
			);
		case 'bars':
			return (
				isString(x.id) &&
				isOptionalString(x.title) &&
				isStringArray(x.labels) &&
				isNumberArray(x.values) &&
				(x.labels as string[]).length === (x.values as number[]).length
			);
		case 'progress':
			return isString(x.label) && isNumber(x.done) && isNumber(x.total);
		case 'dropped':
			return Number.isInteger(x.count) && (x.count as number) > 0;
		case 'error':
			return (
				isString(x.name) &&
				isString(x.message) &&
				(x.line === undefined || isNumber(x.line)) &&
				(x.column === undefined || isNumber(x.column))
			);
		case 'done':
			return isNumber(x.ms) && isNumber(x.numTensors);
		default:
			return false;
	}
}

export function isCellInput(x: unknown): x is CellInput {
	return (
		isObject(x) &&
		(x.trigger === 'run' || x.trigger === 'predict') &&
		(x.text === undefined || (isString(x.text) && x.text.length <= MAX_INPUT_TEXT)) &&
		(x.digit === undefined ||
			(Array.isArray(x.digit) && x.digit.length === DIGIT_PIXELS && x.digit.every((v) => isNumber(v) && v >= 0 && v <= 1)))
	);
}

export function isPageMessage(x: unknown): x is PageMessage {
	return (
		isObject(x) &&
		x.type === 'run' &&
		isRunId(x.runId) &&
		isString(x.code) &&
		isBackendPreference(x.backend) &&
		isNumber(x.timeLimitMs) &&
		x.timeLimitMs >= 0 &&
		isCellInput(x.input)
	);
}

// ---------------------------------------------------------------------------------------------------------------
// Rate limiting

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
