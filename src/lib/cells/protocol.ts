/**
 * Messages between a page and its code-cell worker (src/lib/cells/worker.ts).
 *
 * page → worker: `run`, or `check` (an exercise). worker → page: `ready` once tfjs is up, then for each run any number of output messages
 * (`log`, `result`, `chart`, `chart-append`, `heatmap`, `image`, `bars`, `progress`, `dropped`, `publish`, `check-result`), at most one `error`, and
 * always a final `done`. Every run-scoped message carries the `runId` of the run that produced it: a page that started a newer run
 * ignores the others (a stray timer in reader code can still log after its run is done).
 *
 * Everything is structured-clone friendly (plain objects, arrays, numbers, strings). The page must check what it
 * receives with `WorkerMessageSchema`: reader code runs in the worker, and though its own `postMessage` calls are
 * turned into `log` lines, the page should not trust the shape of anything it did not check.
 *
 * Each message is defined once, as a zod schema below: its TypeScript type is `z.infer` of the schema and the
 * checks (`isWorkerMessage`, `isPageMessage`, …) run the same schema, so the documentation, the type and the check
 * cannot drift apart. zod/mini, because the page bundles these schemas.
 */
import * as z from 'zod/mini';
import { BACKENDS } from '../compute/backend';

// ---------------------------------------------------------------------------------------------------------------
// Building blocks

const isNumber = (x: unknown): x is number => typeof x === 'number';

/**
 * Any JavaScript number, NaN and ±Infinity included (z.number() refuses them): a diverging loss is still a point
 * to draw, and `out.progress('epoch', NaN, 10)` still a line to show.
 */
const anyNumber = z.custom<number>(isNumber);

/**
 * Numbers (any, as `anyNumber`), checked element by element in one pass: an image or a heatmap row holds up to
 * 40,000 values, and one zod schema per element costs ten times as much on the page's main thread.
 */
const numbers = z.custom<number[]>((x) => Array.isArray(x) && x.every(isNumber));

/** Fields of every message about a run. */
const runScoped = {
	/** The `runId` of the `run` message that produced this one. */
	runId: z.int(),
};

/** Fields of the messages that draw a figure, which replaces the figure of the same kind and `id` within the cell. */
const figure = {
	...runScoped,
	/** Chosen by reader code; scoped to the cell. */
	id: z.string(),
	/** Shown above the figure (default: the id). */
	title: z.optional(z.string()),
};

// ---------------------------------------------------------------------------------------------------------------
// Values

/** A value ready for the output panel (made by src/lib/cells/format.ts). Plain text: the page styles each kind. */
export const FormattedValueSchema = z.discriminatedUnion('kind', [
	/** Primitives, strings (unquoted at top level), functions. */
	z.object({ kind: z.literal('text'), text: z.string() }),
	/** A tfjs tensor, printed like `tensor.toString()` but summarised (first and last 3 entries per axis). */
	z.object({ kind: z.literal('tensor'), shape: numbers, dtype: z.string(), summary: z.string() }),
	/** Arrays, objects, maps, sets, typed arrays: one JSON-like text, with depth, length and cycle limits. */
	z.object({ kind: z.literal('object'), text: z.string() }),
	/** An `Error`: `Name: message`. */
	z.object({ kind: z.literal('error'), text: z.string() }),
]);
export type FormattedValue = z.infer<typeof FormattedValueSchema>;

/** A point on a line chart: `[x, y]`. */
export const ChartPointSchema = z.tuple([anyNumber, anyNumber]);
export type ChartPoint = z.infer<typeof ChartPointSchema>;

export const ChartSeriesSchema = z.object({
	name: z.string(),
	points: z.array(ChartPointSchema),
});
export type ChartSeries = z.infer<typeof ChartSeriesSchema>;

export const ChartSpecSchema = z.object({
	title: z.optional(z.string()),
	xLabel: z.string(),
	yLabel: z.optional(z.string()),
	series: z.array(ChartSeriesSchema),
});
export type ChartSpec = z.infer<typeof ChartSpecSchema>;

export const LogLevelSchema = z.enum(['log', 'info', 'warn', 'error']);
export type LogLevel = z.infer<typeof LogLevelSchema>;

// ---------------------------------------------------------------------------------------------------------------
// page → worker

/** Longest text a cell's text box passes on (longer input is refused by the page, with a message). */
export const MAX_INPUT_TEXT = 2000;
/** A drawn digit: 28 × 28 intensities in [0, 1], row-major, like the MNIST images of `data.mnist()`. */
export const DIGIT_PIXELS = 28 * 28;

/**
 * `input`, what reader code receives from the page besides its code: the content of the cell's input box, if the
 * cell has one, and what started the run. `trigger` is `'run'` for Run (or Ctrl+Enter) and `'predict'` for the input
 * box's Predict button — the examples train on `'run'` and reuse the model in `shared` on `'predict'`.
 */
export const CellInputSchema = z.object({
	trigger: z.enum(['run', 'predict']),
	/** The text box's content (cells with `input="text"`); at most MAX_INPUT_TEXT characters. */
	text: z.optional(z.string().check(z.maxLength(MAX_INPUT_TEXT))),
	/** The drawn digit (cells with `input="digit"`): DIGIT_PIXELS intensities in [0, 1]; absent while the pad is empty. */
	digit: z.optional(z.array(z.number().check(z.gte(0), z.lte(1))).check(z.length(DIGIT_PIXELS))),
});
export type CellInput = z.infer<typeof CellInputSchema>;

/** Run a cell. Runs are queued: the worker starts a run only after the previous one sent `done`. */
export const RunMessageSchema = z.object({
	type: z.literal('run'),
	/** Chosen by the page, unique per worker; echoed in every message about this run. */
	runId: z.int(),
	/**
	 * The reader's code as written in the editor (TypeScript or JavaScript). The worker transforms it
	 * (src/lib/cells/transform.ts), so the page does not download sucrase and acorn.
	 */
	code: z.string(),
	/** Backend wanted for this run; the worker switches (and sends a new `ready`) when it differs from the current one. */
	backend: z.enum(['auto', ...BACKENDS]),
	/**
	 * After this long the worker's console and `out` calls throw "Time limit of N s reached" (this stops async loops
	 * that log or report progress). A synchronous `while (true) {}` cannot be interrupted from inside: the page must
	 * terminate the worker when `done` has not arrived some time after the limit. 0 means no limit.
	 */
	timeLimitMs: z.number().check(z.gte(0)),
	/** What the reader gave the cell's input box (a drawn digit, a text), and why the cell runs. */
	input: CellInputSchema,
});
export type RunMessage = z.infer<typeof RunMessageSchema>;

/** Any structured-clone value (a case's argument, what the reader's function returned): compared, never trusted. */
const anyValue = z.custom<unknown>(() => true);

/**
 * Check an exercise: compile the reader's code, take the function it defines (`fn`), and call it on each case's
 * arguments, in order, each on a fresh structured clone. Only the arguments come here: the expected values stay on
 * the page (src/lib/exercises/), out of reader code's reach. The worker answers with one `check-result`, or an
 * `error` when the code does not compile or defines no such function, then `done`.
 */
export const CheckMessageSchema = z.object({
	type: z.literal('check'),
	runId: z.int(),
	code: z.string(),
	/** The function the exercise asks for, e.g. `conv2d`. */
	fn: z.string().check(z.regex(/^[A-Za-z_$][\w$]*$/)),
	/** Each case's arguments. */
	cases: z.array(z.array(anyValue)),
	/** Whether the exercise uses TensorFlow.js (then the cell's `tf` is passed, on this backend). */
	tf: z.boolean(),
	backend: z.enum(['auto', ...BACKENDS]),
	timeLimitMs: z.number().check(z.gte(0)),
});
export type CheckMessage = z.infer<typeof CheckMessageSchema>;

export const PageMessageSchema = z.discriminatedUnion('type', [RunMessageSchema, CheckMessageSchema]);
export type PageMessage = z.infer<typeof PageMessageSchema>;

// ---------------------------------------------------------------------------------------------------------------
// worker → page

/** tfjs (core + layers) and a backend are ready. Sent once at start, and again whenever a run switches backend. */
export const ReadyMessageSchema = z.object({
	type: z.literal('ready'),
	backend: z.enum(BACKENDS),
	/** Why this backend (from selectBackend): shown to the reader. */
	reason: z.string(),
});
export type ReadyMessage = z.infer<typeof ReadyMessageSchema>;

/** One `console.log(a, b, …)` call: each argument formatted separately; the page joins them with spaces. */
export const LogMessageSchema = z.object({
	type: z.literal('log'),
	...runScoped,
	level: LogLevelSchema,
	parts: z.array(FormattedValueSchema),
});
export type LogMessage = z.infer<typeof LogMessageSchema>;

/** The value of the cell's last expression statement (sent only when it is not `undefined`). */
export const ResultMessageSchema = z.object({
	type: z.literal('result'),
	...runScoped,
	value: FormattedValueSchema,
});
export type ResultMessage = z.infer<typeof ResultMessageSchema>;

/** Draw a line chart, or REPLACE the chart with this `id` (within the cell) if there is one. */
export const ChartMessageSchema = z.object({
	type: z.literal('chart'),
	...runScoped,
	id: figure.id,
	spec: ChartSpecSchema,
});
export type ChartMessage = z.infer<typeof ChartMessageSchema>;

/**
 * Add points to the end of series `series` of chart `id` (creating the series, or the chart with empty labels,
 * if missing). This is what makes live training curves cheap: the worker batches `out.append` calls into one of
 * these every ~50 ms instead of resending the whole chart.
 */
export const ChartAppendMessageSchema = z.object({
	type: z.literal('chart-append'),
	...runScoped,
	id: figure.id,
	series: z.string(),
	points: z.array(ChartPointSchema),
});
export type ChartAppendMessage = z.infer<typeof ChartAppendMessageSchema>;

/** A matrix as a heatmap (e.g. attention weights, a kernel, a confusion matrix); replaces the heatmap with this `id`. */
export const HeatmapMessageSchema = z.object({
	type: z.literal('heatmap'),
	...figure,
	/** Rows of equal length. */
	values: z.array(numbers),
	rowLabels: z.optional(z.array(z.string())),
	colLabels: z.optional(z.array(z.string())),
});
export type HeatmapMessage = z.infer<typeof HeatmapMessageSchema>;

/** A grayscale image (e.g. a digit, a feature map); replaces the image with this `id`. */
export const ImageMessageSchema = z
	.object({
		type: z.literal('image'),
		...figure,
		width: z.int(),
		height: z.int(),
		/** Row-major, `width × height` intensities in [0, 1] (0 = black). */
		pixels: numbers,
	})
	.check(z.refine((m) => m.pixels.length === m.width * m.height, 'pixels must hold width × height values'));
export type ImageMessage = z.infer<typeof ImageMessageSchema>;

/** Labelled values as horizontal bars (e.g. class probabilities); replaces the bar chart with this `id`. */
export const BarsMessageSchema = z
	.object({
		type: z.literal('bars'),
		...figure,
		labels: z.array(z.string()),
		/** One value per label. */
		values: numbers,
	})
	.check(z.refine((m) => m.labels.length === m.values.length, 'one value per label'));
export type BarsMessage = z.infer<typeof BarsMessageSchema>;

/** Progress of a long step; the latest message for a `label` replaces the previous one. */
export const ProgressMessageSchema = z.object({
	type: z.literal('progress'),
	...runScoped,
	label: z.string(),
	done: anyNumber,
	total: anyNumber,
});
export type ProgressMessage = z.infer<typeof ProgressMessageSchema>;

/**
 * `count` messages from reader code were dropped because it sent more than the rate limit allows (a `console.log`
 * in a tight loop). Sent at most once per second, and once more before `done` if anything is left to report.
 */
export const DroppedMessageSchema = z.object({
	type: z.literal('dropped'),
	...runScoped,
	count: z.int().check(z.positive()),
});
export type DroppedMessage = z.infer<typeof DroppedMessageSchema>;

/** Names a published model can have (`out.publish(id, …)`): lower case, digits and dashes. */
export const PUBLISH_ID = /^[a-z][a-z0-9-]{0,39}$/;

/** What reader code says about a model it publishes (`out.publish(id, model, card)`). */
export const PublishCardSchema = z.object({
	/** Held-out accuracy in [0, 1]. */
	accuracy: z.optional(z.number().check(z.gte(0), z.lte(1))),
	/** Epochs it was trained for. */
	epochs: z.optional(z.int().check(z.gte(0))),
	/** A language model's held-out cross-entropy, in bits per character. */
	bitsPerCharacter: z.optional(z.number().check(z.positive(), z.lt(64))),
});
export type PublishCard = z.infer<typeof PublishCardSchema>;

/**
 * A trained model handed to the page (`out.publish`): a tfjs Layers model in tfjs' own save format, or a character
 * model in the format of src/lib/models/char-model-file.ts (its model.json as `modelTopology`). The page keeps it in
 * IndexedDB (src/lib/models/reader-models.ts) for the widgets of part 3; reader code never touches storage.
 */
export const PublishMessageSchema = z.object({
	type: z.literal('publish'),
	...runScoped,
	id: z.string().check(z.regex(PUBLISH_ID)),
	/** The model's JSON configuration (`artifacts.modelTopology`, or a character model's model.json). */
	modelTopology: z.custom<Record<string, unknown>>((x) => typeof x === 'object' && x !== null && !Array.isArray(x)),
	weightSpecs: z.array(z.object({ name: z.string(), shape: z.array(z.int().check(z.gte(0))), dtype: z.literal('float32') })),
	/** All weights, float32, in `weightSpecs` order. */
	weightData: z.custom<ArrayBuffer>((x) => x instanceof ArrayBuffer),
	card: PublishCardSchema,
});
export type PublishMessage = z.infer<typeof PublishMessageSchema>;

/** The run failed. `line`/`column` (1-based) point into the reader's code when known. */
export const ErrorMessageSchema = z.object({
	type: z.literal('error'),
	...runScoped,
	/** `SyntaxError`, `TypeError`, `TimeLimitError`, … */
	name: z.string(),
	message: z.string(),
	line: z.optional(z.number()),
	column: z.optional(z.number()),
});
export type ErrorMessage = z.infer<typeof ErrorMessageSchema>;

/** What the reader's function did with one case: the value it returned (a structured clone), or what it threw. */
export const CaseOutcomeSchema = z.union([
	z.object({ value: anyValue }),
	z.object({ error: z.string(), name: z.string(), line: z.optional(z.number()), column: z.optional(z.number()) }),
]);
export type CaseOutcome = z.infer<typeof CaseOutcomeSchema>;

/** The outcomes of a `check`, one per case, in order. The page grades them (src/lib/exercises/grade.ts). */
export const CheckResultMessageSchema = z.object({
	type: z.literal('check-result'),
	...runScoped,
	outcomes: z.array(CaseOutcomeSchema),
});
export type CheckResultMessage = z.infer<typeof CheckResultMessageSchema>;

/** The run is over (after its `result` or `error`). */
export const DoneMessageSchema = z.object({
	type: z.literal('done'),
	...runScoped,
	/** Wall time of the run in the worker, including the transform. */
	ms: z.number(),
	/** `tf.memory().numTensors` after the run's tensors were released: what `shared` keeps, plus any leak. */
	numTensors: z.number(),
});
export type DoneMessage = z.infer<typeof DoneMessageSchema>;

export const WorkerMessageSchema = z.discriminatedUnion('type', [
	ReadyMessageSchema,
	LogMessageSchema,
	ResultMessageSchema,
	ChartMessageSchema,
	ChartAppendMessageSchema,
	HeatmapMessageSchema,
	ImageMessageSchema,
	BarsMessageSchema,
	ProgressMessageSchema,
	DroppedMessageSchema,
	PublishMessageSchema,
	CheckResultMessageSchema,
	ErrorMessageSchema,
	DoneMessageSchema,
]);
export type WorkerMessage = z.infer<typeof WorkerMessageSchema>;

/** The messages that draw a figure the next one with the same kind and id replaces (the worker keeps only the latest). */
export type FigureMessage = ChartMessage | HeatmapMessage | ImageMessage | BarsMessage;

// ---------------------------------------------------------------------------------------------------------------
// Checks (type guards over the schemas; use `Schema.safeParse` to get the checked value without unknown fields)

const guard =
	<T>(schema: z.ZodMiniType<T>) =>
	(x: unknown): x is T =>
		schema.safeParse(x).success;

/** Checks a message from the worker, field by field (numeric arrays element by element). */
export const isWorkerMessage = guard(WorkerMessageSchema);
export const isPageMessage = guard(PageMessageSchema);
export const isCellInput = guard(CellInputSchema);
export const isFormattedValue = guard(FormattedValueSchema);
