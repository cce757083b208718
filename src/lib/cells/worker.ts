/**
 * The code-cell worker: runs the reader's code off the main thread, with TensorFlow.js (core + layers).
 * Page side: `new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' })` (or a blob: URL importing the
 * bundled module, which gives the worker the page's CSP), then `run` messages; see ./protocol.ts.
 *
 * What this module enforces, in order:
 * 1. Lock-down, before any reader code can exist: `fetch` only reaches same-origin /generated/ (the data sets) and the
 *    tfjs WASM binaries; `XMLHttpRequest`, `WebSocket`, `EventSource`, `WebTransport`, `importScripts`, `Worker`,
 *    `SharedWorker`, `BroadcastChannel` throw a clear error when called; `indexedDB` and `caches` throw when read.
 *    Every replacement is non-configurable and non-writable, on the global object and on its prototypes, so reader code
 *    can neither restore nor reach around it. The page's Content-Security-Policy is the second line of defence
 *    (it alone covers dynamic `import()` and CSS/font loads).
 * 2. Only this module holds the real `postMessage`: reader code's `self.postMessage(x)` becomes a `log` line, rate-limited
 *    like `console.log`, so neither a flood nor a forged protocol message reaches the page unchecked.
 * 3. Each run: transform (here, so the page stays light), compile as an async function of (tf, data, out, console,
 *    shared, input), run between `tf.engine().startScope()` and `endScope()` (tensors the run leaves behind are released, except
 *    those reachable from `shared`), report errors at their line and column in the reader's code, then `done`.
 *
 * `shared` is one object per worker, passed to every run, the cell's explicit state between runs (notebook-like:
 * `shared.model = model` in one run, `shared.model.predict(…)` in the next). It lives as long as the worker; stopping a
 * run (the page terminates the worker) starts the next run with an empty `shared`.
 *
 * Time limit: a synchronous `while (true) {}` cannot be interrupted from inside; the page terminates the worker. For
 * async loops the worker checks the run's deadline in every `console`, `out` and `data` call and throws
 * "Time limit of N s reached".
 */
import type * as TfCore from '@tensorflow/tfjs-core';
import type * as TfLayers from '@tensorflow/tfjs-layers';
import { loadTf, selectBackend, type BackendChoice, type BackendPreference } from '../compute/backend';
import { wasmPaths } from '../compute/wasm-paths';
import { createCellData } from './datasets';
import { formatValue, isTensorLike, type TensorLike } from './format';
import {
	OUTPUT_LIMITS,
	createRateLimiter,
	isPageMessage,
	type CellData,
	type CellOutput,
	type ChartMessage,
	type ChartPoint,
	type ChartSpec,
	type HeatmapMessage,
	type ImageMessage,
	type BarsMessage,
	type LogLevel,
	type ProgressMessage,
	type RunMessage,
	type WorkerMessage,
} from './protocol';
import { compileCell, measureLineOffset, originalPosition, stackPosition, transformCell, type PositionMap } from './transform';

/** The parts of DedicatedWorkerGlobalScope used here (the project's TS lib is DOM, not WebWorker). */
interface WorkerScope {
	postMessage(message: unknown): void;
	addEventListener(type: string, listener: (event: Event & { data?: unknown; error?: unknown; reason?: unknown }) => void): void;
	fetch: typeof fetch;
	location: { origin: string };
	crossOriginIsolated?: boolean;
}

const scope = globalThis as unknown as WorkerScope;

// ---------------------------------------------------------------------------------------------------------------
// 1. Lock-down (module body: runs before any message, hence before any reader code)

/** Log lines per second (console calls and reader postMessage); figures are coalesced instead (see scheduleFlush). */
const MAX_MESSAGES_PER_SECOND = 100;
/** Batched `out.append` / `out.progress` messages are sent at most this often. */
const FLUSH_MS = 50;
const DATA_PATH = '/generated/';

const postToPage: (message: WorkerMessage) => void = scope.postMessage.bind(scope);
const realFetch: typeof fetch = scope.fetch.bind(scope);
// In a worker started from a blob: URL, relative URLs cannot be resolved against location.href: use the origin.
const origin = scope.location.origin;
const base = `${origin}/`;
const wasmBinaries = new Set(Object.values(wasmPaths).map((path) => new URL(path, base).href));

const DATA_HINT = 'The data sets are in `data`: `await data.mnist()`, `await data.spam()`.';

function guardedFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
	const asText = input instanceof Request ? input.url : String(input);
	let url: URL;
	try {
		url = new URL(asText, base);
	} catch {
		return Promise.reject(new TypeError(`fetch: ${JSON.stringify(asText)} is not a valid URL`));
	}
	// URL parsing has already resolved `..` and `%2e%2e`, so the path test cannot be walked around.
	if (url.origin === origin && (url.pathname.startsWith(DATA_PATH) || wasmBinaries.has(url.href)))
		return realFetch(input instanceof Request ? input : url.href, init);
	return Promise.reject(new Error(`Network access is disabled in code cells (fetch('${asText}') was blocked). ${DATA_HINT}`));
}

const NETWORK = 'Network access is disabled in code cells';
const BLOCKED_CALLS: Record<string, string> = {
	XMLHttpRequest: `${NETWORK} (XMLHttpRequest was blocked). ${DATA_HINT}`,
	WebSocket: `${NETWORK} (WebSocket was blocked).`,
	EventSource: `${NETWORK} (EventSource was blocked).`,
	WebTransport: `${NETWORK} (WebTransport was blocked).`,
	importScripts: 'Loading scripts is disabled in code cells (importScripts was blocked); `tf` is already provided.',
	Worker: 'Starting workers is disabled in code cells (new Worker() was blocked).',
	SharedWorker: 'Starting workers is disabled in code cells (new SharedWorker() was blocked).',
	BroadcastChannel: 'Talking to other pages is disabled in code cells (BroadcastChannel was blocked).',
};
const BLOCKED_READS: Record<string, string> = {
	indexedDB: 'Storage is disabled in code cells (indexedDB was blocked); keep values in `shared` instead.',
	caches: 'Storage is disabled in code cells (caches was blocked).',
};

/** Names whose replacement failed (an engine with a non-configurable global): logged, the CSP still applies. */
const notLocked: string[] = [];

/**
 * Replaces `name` wherever it is defined along the global object's prototype chain. Only existing names are replaced,
 * so feature detection (`typeof SharedWorker`) keeps its answer; emscripten, for one, tests `typeof importScripts`.
 */
function lock(name: string, descriptor: PropertyDescriptor): void {
	for (let target: object | null = scope; target; target = Object.getPrototypeOf(target)) {
		if (!Object.getOwnPropertyDescriptor(target, name)) continue;
		try {
			Object.defineProperty(target, name, { ...descriptor, configurable: false, enumerable: false });
		} catch {
			notLocked.push(name);
		}
	}
}

function thrower(name: string, message: string): () => never {
	const fn = function () {
		throw new Error(message);
	};
	Object.defineProperty(fn, 'name', { value: name });
	return fn;
}

lock('fetch', { value: guardedFetch, writable: false });
for (const [name, message] of Object.entries(BLOCKED_CALLS)) lock(name, { value: thrower(name, message), writable: false });
for (const [name, message] of Object.entries(BLOCKED_READS)) lock(name, { get: thrower(name, message) });
lock('postMessage', { value: readerPostMessage, writable: false });
if (notLocked.length) console.warn(`code-cell worker: could not replace ${notLocked.join(', ')}; the page's CSP still applies`);

// ---------------------------------------------------------------------------------------------------------------
// tfjs

type CellTf = typeof TfCore & typeof TfLayers;

let tf: CellTf | undefined;
let choice: BackendChoice | undefined;
let choicePreference: BackendPreference | undefined;

/** tfjs-core and tfjs-layers as one namespace (layers registers its ops and serialisable classes onto core). */
async function loadNamespace(): Promise<CellTf> {
	const [core, layers] = await Promise.all([
		loadTf(),
		import('@tensorflow/tfjs-layers'),
		// tensor.flatten(), .reshape(), … as methods: the tfjs umbrella package registers these, tfjs-core alone does
		// not, and tfjs-layers' recurrent layers call them.
		import('@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops'),
	]);
	const entries = (ns: object) => Object.entries(ns).filter(([key]) => key !== 'default');
	return Object.freeze(Object.fromEntries([...entries(core), ...entries(layers)])) as CellTf;
}

async function ensureBackend(preference: BackendPreference): Promise<CellTf> {
	if (!tf) {
		const namespace = await loadNamespace();
		if (scope.crossOriginIsolated) {
			// Threaded WASM would start its own Workers, which the lock-down refuses: use the single-threaded binary.
			await import('@tensorflow/tfjs-backend-wasm');
			namespace.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
		}
		tf = namespace;
	}
	if (!choice || choicePreference !== preference) {
		const previous = choice;
		choice = await selectBackend(preference, 'training');
		choicePreference = preference;
		if (choice.name !== previous?.name || choice.reason !== previous.reason)
			postToPage({ type: 'ready', backend: choice.name, reason: choice.reason });
	}
	return tf;
}

// ---------------------------------------------------------------------------------------------------------------
// Runs

class TimeLimitError extends Error {
	override name = 'TimeLimitError';
}

interface RunState {
	runId: number;
	deadline: number;
	limitMs: number;
	limiter: ReturnType<typeof createRateLimiter>;
	dropTimer?: ReturnType<typeof setTimeout>;
	/**
	 * Output waiting for the next flush: the latest chart / heatmap / image per id (each replaces the previous one on
	 * the page, so sending only the latest loses nothing), `out.append` points by chart and series, and the latest
	 * `out.progress` per label.
	 */
	figures: Map<string, ChartMessage | HeatmapMessage | ImageMessage | BarsMessage>;
	appends: Map<string, { id: string; series: string; points: ChartPoint[] }>;
	progress: Map<string, ProgressMessage>;
	flushTimer?: ReturnType<typeof setTimeout>;
	lastFlush: number;
}

const data: CellData = createCellData();
const shared: Record<string, unknown> = {};
let lastRun: RunState | undefined;
const lineOffset = measureLineOffset();

function checkDeadline(run: RunState): void {
	if (performance.now() > run.deadline) throw new TimeLimitError(`Time limit of ${Number((run.limitMs / 1000).toFixed(1))} s reached`);
}

function flush(run: RunState): void {
	clearTimeout(run.flushTimer);
	run.flushTimer = undefined;
	run.lastFlush = performance.now();
	// Figures first: a chart replaced and then appended to must arrive in that order.
	for (const message of run.figures.values()) postToPage(message);
	for (const { id, series, points } of run.appends.values())
		postToPage({ type: 'chart-append', runId: run.runId, id, series, points });
	for (const message of run.progress.values()) postToPage(message);
	run.figures.clear();
	run.appends.clear();
	run.progress.clear();
}

/**
 * Figures, chart points and progress go out together every FLUSH_MS at most: cheap live curves, a bounded message
 * rate without dropping anything the reader would see (only superseded states are skipped).
 */
function scheduleFlush(run: RunState): void {
	if (performance.now() - run.lastFlush >= FLUSH_MS) flush(run);
	else run.flushTimer ??= setTimeout(() => flush(run), FLUSH_MS);
}

function reportDropped(run: RunState, force = false): void {
	const count = run.limiter.takeDropped(performance.now(), force);
	if (count) postToPage({ type: 'dropped', runId: run.runId, count });
	const next = run.limiter.nextReportAt();
	if (next !== undefined && !run.dropTimer)
		run.dropTimer = setTimeout(() => {
			run.dropTimer = undefined;
			reportDropped(run);
		}, Math.max(0, next - performance.now()));
}

/**
 * Sends a log line (console, reader postMessage) through the rate limiter; `make` (which formats the values) runs only
 * when the line will be sent, so a flood costs little.
 */
function sendLimited(run: RunState, make: () => WorkerMessage): void {
	const allowed = run.limiter.allow(performance.now());
	if (allowed) {
		flush(run); // keep the order of pending figures and this line
		postToPage(make());
	}
	reportDropped(run);
}

function setFigure(run: RunState, message: ChartMessage | HeatmapMessage | ImageMessage | BarsMessage): void {
	const key = `${message.type}:${message.id}`;
	run.figures.delete(key); // re-inserted last: figures flush in the order they were last drawn
	run.figures.set(key, message);
	scheduleFlush(run);
}

function readerPostMessage(message: unknown): void {
	const run = lastRun;
	if (run) sendLimited(run, () => ({ type: 'log', runId: run.runId, level: 'info', parts: [formatValue(message)] }));
}

function makeConsole(run: RunState) {
	const timers = new Map<string, number>();
	const counts = new Map<string, number>();
	const log =
		(level: LogLevel) =>
		(...args: unknown[]): void => {
			checkDeadline(run);
			sendLimited(run, () => ({ type: 'log', runId: run.runId, level, parts: args.map(formatValue) }));
		};
	return Object.freeze({
		log: log('log'),
		info: log('info'),
		warn: log('warn'),
		error: log('error'),
		debug: log('log'),
		dir: log('log'),
		table: log('log'),
		assert: (condition: unknown, ...args: unknown[]) => {
			if (!condition) log('error')('Assertion failed', ...args);
		},
		count: (label = 'default') => {
			const n = (counts.get(label) ?? 0) + 1;
			counts.set(label, n);
			log('log')(`${label}: ${n}`);
		},
		time: (label = 'default') => void timers.set(label, performance.now()),
		timeEnd: (label = 'default') => {
			const start = timers.get(label);
			timers.delete(label);
			if (start !== undefined) log('log')(`${label}: ${(performance.now() - start).toFixed(1)} ms`);
		},
	});
}

const describe = (value: unknown) =>
	isTensorLike(value) ? `a tensor of shape [${value.shape.join(', ')}]` : Array.isArray(value) ? `an array of ${value.length}` : typeof value;

/** A tensor's dimensions other than 1 (so [1, 28, 28, 1] is an image 28 × 28). */
const squeezed = (tensor: TensorLike) => tensor.shape.filter((d) => d !== 1);

function tensorRows(tensor: TensorLike): number[][] | undefined {
	const dims = tensor.shape.length === 2 ? tensor.shape : squeezed(tensor);
	if (dims.length !== 2) return undefined;
	const [rows, cols] = dims as [number, number];
	const flat = Array.from(tensor.dataSync() as ArrayLike<number>, Number);
	return Array.from({ length: rows }, (_, r) => flat.slice(r * cols, (r + 1) * cols));
}

/** Rows of numbers from an array of arrays (or typed arrays); undefined when ragged or not numbers. */
function arrayRows(value: unknown): number[][] | undefined {
	if (!Array.isArray(value) || value.length === 0) return undefined;
	const rows = value.map((row) => (Array.isArray(row) || ArrayBuffer.isView(row) ? Array.from(row as ArrayLike<unknown>) : undefined));
	const width = rows[0]?.length ?? 0;
	if (width === 0 || !rows.every((row) => row?.length === width && row.every((v) => typeof v === 'number'))) return undefined;
	return rows as number[][];
}

function checkSize(what: string, rows: number, cols: number): void {
	if (rows * cols > OUTPUT_LIMITS.cells)
		throw new RangeError(
			`${what}: ${rows} × ${cols} = ${rows * cols} values, more than the ${OUTPUT_LIMITS.cells} a cell may draw; downsample first (e.g. tf.image.resizeBilinear or a slice)`,
		);
}

function makeOutput(run: RunState): CellOutput {
	const checkId = (what: string, id: unknown) => {
		checkDeadline(run);
		if (typeof id !== 'string' || !id) throw new TypeError(`${what}: the first argument must be a non-empty string id, received ${describe(id)}`);
	};
	const point = (x: unknown, y: unknown): ChartPoint => [Number(x), Number(y)];
	const output: CellOutput = {
		chart(id: string, spec: ChartSpec) {
			checkId('out.chart', id);
			if (typeof spec !== 'object' || spec === null || !Array.isArray(spec.series))
				throw new TypeError(`out.chart('${id}', spec): spec must be { xLabel, series: [{ name, points: [[x, y], …] }] }`);
			const clean: ChartSpec = {
				xLabel: String(spec.xLabel ?? ''),
				series: spec.series.map((s, i) => {
					if (!Array.isArray(s?.points)) throw new TypeError(`out.chart('${id}'): series ${i} has no points array`);
					return { name: String(s.name ?? `series ${i + 1}`), points: s.points.map((p) => point(p?.[0], p?.[1])) };
				}),
				...(spec.title === undefined ? {} : { title: String(spec.title) }),
				...(spec.yLabel === undefined ? {} : { yLabel: String(spec.yLabel) }),
			};
			// Points appended before this chart are replaced by it.
			for (const [key, pending] of run.appends) if (pending.id === id) run.appends.delete(key);
			setFigure(run, { type: 'chart', runId: run.runId, id, spec: clean });
		},
		append(id: string, series: string, x: number, y: number) {
			checkId('out.append', id);
			const key = JSON.stringify([id, String(series)]);
			let pending = run.appends.get(key);
			if (!pending) run.appends.set(key, (pending = { id, series: String(series), points: [] }));
			pending.points.push(point(x, y));
			scheduleFlush(run);
		},
		heatmap(id, values, options = {}) {
			checkId('out.heatmap', id);
			const rows = isTensorLike(values) ? tensorRows(values) : arrayRows(values);
			if (!rows) throw new TypeError(`out.heatmap('${id}'): expected rows of numbers of equal length or a 2-D tensor, received ${describe(values)}`);
			checkSize(`out.heatmap('${id}')`, rows.length, rows[0]!.length);
			const { title, rowLabels, colLabels } = options;
			setFigure(run, {
				type: 'heatmap',
				runId: run.runId,
				id,
				values: rows,
				...(title === undefined ? {} : { title: String(title) }),
				...(rowLabels === undefined ? {} : { rowLabels: Array.from(rowLabels, String) }),
				...(colLabels === undefined ? {} : { colLabels: Array.from(colLabels, String) }),
			});
		},
		image(id, pixels, options = {}) {
			checkId('out.image', id);
			let rows = isTensorLike(pixels) ? tensorRows(pixels) : arrayRows(pixels);
			if (!rows && !isTensorLike(pixels) && (Array.isArray(pixels) || ArrayBuffer.isView(pixels))) {
				// A flat array: `width` and `height` from the options, or a square.
				const flat = Array.from(pixels as ArrayLike<number>, Number);
				const width = options.width ?? Math.round(Math.sqrt(flat.length));
				const height = options.height ?? (width > 0 ? flat.length / width : 0);
				if (Number.isInteger(width) && Number.isInteger(height) && width > 0 && width * height === flat.length)
					rows = Array.from({ length: height }, (_, r) => flat.slice(r * width, (r + 1) * width));
				else
					throw new TypeError(
						`out.image('${id}'): ${flat.length} pixels do not make a ${options.width ?? '?'} × ${options.height ?? '?'} image; pass { width, height }`,
					);
			}
			if (!rows) throw new TypeError(`out.image('${id}'): expected rows of intensities, a flat array with { width, height } or a 2-D tensor, received ${describe(pixels)}`);
			const height = rows.length;
			const width = rows[0]!.length;
			checkSize(`out.image('${id}')`, height, width);
			// Intensities in [0, 1]; NaN shows as black rather than breaking the picture.
			const flat = rows.flat().map((v) => (v > 0 ? (v < 1 ? v : 1) : 0));
			const title = options.title;
			setFigure(run, {
				type: 'image',
				runId: run.runId,
				id,
				width,
				height,
				pixels: flat,
				...(title === undefined ? {} : { title: String(title) }),
			});
		},
		bars(id, labels, values, options = {}) {
			checkId('out.bars', id);
			const numbers = isTensorLike(values)
				? Array.from(values.dataSync() as ArrayLike<number>, Number)
				: Array.isArray(values) || ArrayBuffer.isView(values)
					? Array.from(values as ArrayLike<number>, Number)
					: undefined;
			if (!Array.isArray(labels) || !numbers || labels.length !== numbers.length)
				throw new TypeError(
					`out.bars('${id}', labels, values): expected as many values as labels, received ${Array.isArray(labels) ? labels.length : describe(labels)} labels and ${numbers ? numbers.length : describe(values)} values`,
				);
			checkSize(`out.bars('${id}')`, 1, numbers.length);
			const title = options.title;
			setFigure(run, {
				type: 'bars',
				runId: run.runId,
				id,
				labels: labels.map(String),
				values: numbers,
				...(title === undefined ? {} : { title: String(title) }),
			});
		},
		progress(label: string, done: number, total: number) {
			checkDeadline(run);
			run.progress.set(String(label), { type: 'progress', runId: run.runId, label: String(label), done: Number(done), total: Number(total) });
			scheduleFlush(run);
		},
	};
	return Object.freeze(output);
}

/** `data`, with the run's deadline checked on every call. */
function makeData(run: RunState): CellData {
	return Object.freeze({
		mnist: (sizes) => (checkDeadline(run), data.mnist(sizes)),
		spam: (sizes) => (checkDeadline(run), data.spam(sizes)),
	} satisfies CellData);
}

/**
 * Marks every tensor reachable from `root` as kept, so endScope does not dispose what the cell saved in `shared`
 * (a model's weights are reached through its layers). Returns the tensors found.
 */
function keepReachable(tfjs: CellTf, root: unknown): Set<object> {
	const seen = new Set<object>();
	const tensors = new Set<object>();
	// Breadth-first, so every object is first met at its shortest depth: depth-first, a model's weights could first be
	// reached through a long chain of graph nodes, cut off by the depth limit and then skipped as already seen.
	const queue: [unknown, number][] = [[root, 0]];
	for (let next = 0; next < queue.length && seen.size < 100_000; next++) {
		const [value, depth] = queue[next]!;
		if (typeof value !== 'object' || value === null || seen.has(value) || depth > 8) continue;
		seen.add(value);
		if (isTensorLike(value)) {
			tensors.add(value);
			if (!value.isDisposed) tfjs.keep(value as unknown as TfCore.Tensor);
			continue;
		}
		if (ArrayBuffer.isView(value)) continue;
		const children =
			value instanceof Map ? [...value.keys(), ...value.values()] : value instanceof Set || Array.isArray(value) ? [...value] : undefined;
		if (children) for (const child of children) queue.push([child, depth + 1]);
		else
			for (const key of Object.keys(value)) {
				try {
					queue.push([(value as Record<string, unknown>)[key], depth + 1]);
				} catch {
					// a throwing getter holds no tensor we can reach
				}
			}
	}
	return tensors;
}

async function runtimeError(runId: number, error: unknown, map: PositionMap): Promise<WorkerMessage> {
	if (!(error instanceof Error)) {
		// `throw 'oops'` or `throw 42`: show the value.
		const shown = formatValue(error);
		return { type: 'error', runId, name: 'Error', message: shown.kind === 'tensor' ? shown.summary : shown.text };
	}
	const offset = await lineOffset;
	const inStack = stackPosition(error.stack);
	const position =
		inStack && offset !== undefined && inStack.line - offset >= 1
			? originalPosition(map, { line: inStack.line - offset, column: inStack.column })
			: undefined;
	return { type: 'error', runId, name: error.name || 'Error', message: error.message, ...position };
}

async function run(message: RunMessage): Promise<void> {
	const started = performance.now();
	const state: RunState = {
		runId: message.runId,
		deadline: message.timeLimitMs > 0 ? started + message.timeLimitMs : Number.POSITIVE_INFINITY,
		limitMs: message.timeLimitMs,
		limiter: createRateLimiter(MAX_MESSAGES_PER_SECOND),
		figures: new Map(),
		appends: new Map(),
		progress: new Map(),
		lastFlush: 0,
	};
	lastRun = state;
	const { runId } = state;
	const fail = (name: string, error: unknown) =>
		postToPage({ type: 'error', runId, name, message: error instanceof Error ? error.message : String(error) });
	try {
		let tfjs: CellTf;
		try {
			tfjs = await ensureBackend(message.backend);
		} catch (error) {
			fail('BackendError', error);
			return;
		}
		const transformed = transformCell(message.code);
		if (!transformed.ok) {
			const { message: text, line, column } = transformed;
			postToPage({
				type: 'error',
				runId,
				name: 'SyntaxError',
				message: text,
				...(line === undefined ? {} : { line }),
				...(column === undefined ? {} : { column }),
			});
			return;
		}
		let cell;
		try {
			cell = compileCell(transformed.code);
		} catch (error) {
			// What the parser accepted but the engine did not (rare): no position is available.
			fail(error instanceof Error ? error.name : 'SyntaxError', error);
			return;
		}
		const engine = tfjs.engine();
		// Variables (model weights, optimizer state) are not scoped: those this run creates are disposed at its end
		// unless `shared` reaches them, or every run of a training cell would leak a model.
		const variablesBefore = new Set(Object.keys(engine.state.registeredVariables));
		engine.startScope();
		try {
			const value = await cell(tfjs, makeData(state), makeOutput(state), makeConsole(state), shared, Object.freeze(message.input));
			flush(state);
			// Formatted before endScope, while a returned tensor still exists.
			if (value !== undefined) postToPage({ type: 'result', runId, value: formatValue(value) });
		} catch (error) {
			flush(state);
			postToPage(await runtimeError(runId, error, transformed.map));
		} finally {
			const kept = keepReachable(tfjs, shared);
			engine.endScope();
			for (const [name, variable] of Object.entries(engine.state.registeredVariables))
				if (!variablesBefore.has(name) && !kept.has(variable)) variable.dispose();
		}
	} finally {
		flush(state);
		clearTimeout(state.dropTimer);
		state.dropTimer = undefined;
		reportDropped(state, true);
		postToPage({ type: 'done', runId, ms: performance.now() - started, numTensors: tf?.memory().numTensors ?? 0 });
	}
}

// ---------------------------------------------------------------------------------------------------------------
// Messages and stray errors

let queue: Promise<void> = Promise.resolve();
const enqueue = (task: () => Promise<unknown>) => {
	queue = queue.then(task).then(
		() => undefined,
		(error: unknown) => console.error('code-cell worker:', error),
	);
};

// Start tfjs right away, unless a run (with its own backend preference) is already waiting.
let startup: ReturnType<typeof setTimeout> | undefined = setTimeout(() => {
	startup = undefined;
	enqueue(() => ensureBackend('auto'));
}, 0);

scope.addEventListener('message', (event) => {
	if (!isPageMessage(event.data)) return;
	clearTimeout(startup);
	startup = undefined;
	const message = event.data;
	enqueue(() => run(message));
});

/**
 * Errors and rejections nobody handles (a throw in a reader's setTimeout callback, a forgotten `await`) are shown as
 * error lines of the latest run instead of reaching the page as a worker error.
 */
function reportStray(event: Event & { error?: unknown; reason?: unknown }, error: unknown): void {
	event.preventDefault();
	const run = lastRun;
	if (run) sendLimited(run, () => ({ type: 'log', runId: run.runId, level: 'error', parts: [formatValue(error)] }));
}
scope.addEventListener('error', (event) => reportStray(event, event.error));
scope.addEventListener('unhandledrejection', (event) => reportStray(event, event.reason));
