/**
 * The code-cell worker: runs the reader's code off the main thread, with TensorFlow.js (core + layers).
 * Page side: `new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' })` (or a blob: URL importing the
 * bundled module, which gives the worker the page's CSP), then `run` messages; see ./protocol.ts.
 *
 * In order:
 * 1. Lock-down (./sandbox.ts) in this module's body: before any message, hence before any reader code. Only this
 *    module holds the real `postMessage`; reader code's `self.postMessage(x)` becomes a rate-limited `log` line.
 * 2. Each run: transform (here, so the page stays light), compile as an async function of (tf, data, out, console,
 *    shared, input), run between `tf.engine().startScope()` and `endScope()` (tensors the run leaves behind are released,
 *    except those reachable from `shared`: ./keep-shared.ts), report errors at their line and column in the reader's
 *    code, then `done`. What the run draws and logs goes through ./output-api.ts (batched, rate-limited).
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
import type { CellData } from './cell-api';
import { createCellConsole } from './console';
import { createCellData } from './datasets';
import { formattedText, formatValue } from './format';
import { keepReachable } from './keep-shared';
import { createRunOutput, type RunOutput } from './output-api';
import { looksLikeCharModel, saveCharModel } from './publish-char-model';
import { PageMessageSchema, type CaseOutcome, type CheckMessage, type RunMessage, type WorkerMessage } from './protocol';
import { lockCodeGeneration, lockDown } from './sandbox';
import { compileExercise, exerciseArguments, missingFunction } from '../exercises/reader-function';
import { summaryOfModel } from '../exercises/model-summary-of';
import { compileCell, measureLineOffset, originalPosition, stackPosition, transformCell, type PositionMap } from './transform';

/** The parts of DedicatedWorkerGlobalScope used here besides the lock-down's (the project's TS lib is DOM, not WebWorker). */
interface WorkerScope {
	/** `code-cell` or `exercise` (src/lib/cells/runner.ts). */
	name?: string;
	addEventListener(type: string, listener: (event: Event & { data?: unknown; error?: unknown; reason?: unknown }) => void): void;
	crossOriginIsolated?: boolean;
}

const scope = globalThis as unknown as WorkerScope;

/** The output of the latest run: where reader postMessage calls and stray errors are logged. */
let latestOutput: RunOutput | undefined;

const postToPage: (message: WorkerMessage) => void = lockDown({
	onReaderPostMessage: (message) => latestOutput?.log('info', [message]),
}).postMessage;
lockCodeGeneration();

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
		if (choice.name !== previous?.name || choice.reason !== previous.reason) postToPage({ type: 'ready', backend: choice.name, reason: choice.reason });
	}
	return tf;
}

/**
 * A model for `out.publish`: a tfjs Layers model in tfjs' save format (weights as one float32 buffer), or a character
 * model written from tfjs ops (`{ kind, config, parameters }`) in the format of part 3's character models.
 */
async function saveModel(tfjs: CellTf, model: unknown) {
	if (looksLikeCharModel(model)) return saveCharModel(tfjs, model);
	if (!(model instanceof tfjs.LayersModel))
		throw new TypeError(
			'out.publish(id, model): model must be a trained tf.LayersModel (e.g. from tf.sequential({ … })) or a character model { kind, config, parameters }',
		);
	let artifacts: TfCore.io.ModelArtifacts | undefined;
	await model.save(
		tfjs.io.withSaveHandler(async (saved) => {
			artifacts = saved;
			return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
		}),
	);
	const { modelTopology, weightSpecs, weightData } = artifacts ?? {};
	if (!modelTopology || modelTopology instanceof ArrayBuffer || !weightSpecs || !weightData)
		throw new Error('out.publish: tfjs saved no weights for this model');
	if (weightSpecs.some((spec) => spec.dtype !== 'float32')) throw new Error('out.publish: only float32 weights can be published');
	return {
		modelTopology: modelTopology as Record<string, unknown>,
		weightSpecs: weightSpecs.map(({ name, shape }) => ({ name, shape, dtype: 'float32' as const })),
		weightData: tfjs.io.CompositeArrayBuffer.join(weightData),
	};
}

// ---------------------------------------------------------------------------------------------------------------
// Runs

class TimeLimitError extends Error {
	override name = 'TimeLimitError';
}

const now = () => performance.now();
const schedule = (callback: () => void, ms: number) => {
	const timer = setTimeout(callback, ms);
	return () => clearTimeout(timer);
};

/** A check that throws TimeLimitError once `limitMs` have passed since `started` (0: never). */
function deadlineCheck(started: number, limitMs: number): () => void {
	const deadline = limitMs > 0 ? started + limitMs : Number.POSITIVE_INFINITY;
	return () => {
		if (now() > deadline) throw new TimeLimitError(`Time limit of ${Number((limitMs / 1000).toFixed(1))} s reached`);
	};
}

const data: CellData = createCellData();
const shared: Record<string, unknown> = {};
const lineOffset = measureLineOffset();

/** `data`, with the run's deadline checked on every call. */
function dataWithDeadline(checkDeadline: () => void): CellData {
	return Object.freeze({
		mnist: (sizes) => (checkDeadline(), data.mnist(sizes)),
		spam: (sizes) => (checkDeadline(), data.spam(sizes)),
		names: (sizes) => (checkDeadline(), data.names(sizes)),
		verse: (sizes) => (checkDeadline(), data.verse(sizes)),
	} satisfies CellData);
}

async function runtimeError(runId: number, error: unknown, map: PositionMap): Promise<WorkerMessage> {
	if (!(error instanceof Error)) {
		// `throw 'oops'` or `throw 42`: show the value.
		return { type: 'error', runId, name: 'Error', message: formattedText(formatValue(error)) };
	}
	const offset = await lineOffset;
	const inStack = stackPosition(error.stack);
	const position =
		inStack && offset !== undefined && inStack.line - offset >= 1 ? originalPosition(map, { line: inStack.line - offset, column: inStack.column }) : undefined;
	return { type: 'error', runId, name: error.name || 'Error', message: error.message, ...position };
}

async function run(message: RunMessage): Promise<void> {
	const started = now();
	const { runId } = message;
	const checkDeadline = deadlineCheck(started, message.timeLimitMs);
	const output = createRunOutput({ runId, post: postToPage, now, schedule, checkDeadline, saveModel: (model) => saveModel(tf!, model) });
	latestOutput = output;
	const fail = (name: string, error: unknown) => postToPage({ type: 'error', runId, name, message: error instanceof Error ? error.message : String(error) });
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
			postToPage({ type: 'error', runId, name: 'SyntaxError', message: text, line, column });
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
			const cellConsole = createCellConsole({ log: output.log, checkDeadline, now });
			const value = await cell(tfjs, dataWithDeadline(checkDeadline), output.out, cellConsole, shared, Object.freeze(message.input));
			output.flush();
			// Formatted before endScope, while a returned tensor still exists.
			if (value !== undefined) postToPage({ type: 'result', runId, value: formatValue(value) });
		} catch (error) {
			output.flush();
			postToPage(await runtimeError(runId, error, transformed.map));
		} finally {
			const kept = keepReachable(shared, (tensor) => tfjs.keep(tensor as unknown as TfCore.Tensor));
			engine.endScope();
			for (const [name, variable] of Object.entries(engine.state.registeredVariables))
				if (!variablesBefore.has(name) && !kept.has(variable)) variable.dispose();
		}
	} finally {
		output.close();
		postToPage({ type: 'done', runId, ms: now() - started, numTensors: tf?.memory().numTensors ?? 0 });
	}
}

// ---------------------------------------------------------------------------------------------------------------
// Exercise checks

/** What a case threw, at its line in the reader's code when the stack says. */
async function caseError(error: unknown, map: PositionMap): Promise<CaseOutcome> {
	const { name = 'Error', message, line, column } = (await runtimeError(0, error, map)) as { name?: string; message: string; line?: number; column?: number };
	return { name, error: message, ...(line !== undefined ? { line } : {}), ...(column !== undefined ? { column } : {}) };
}

/** Whether a result holds a tfjs tensor, at the top or one level down (a record or an array of results). */
function holdsTensor(value: unknown, tfjs: CellTf | undefined): boolean {
	if (!tfjs || !value || typeof value !== 'object') return false;
	if (value instanceof tfjs.Tensor) return true;
	return Object.values(value).some((item) => item instanceof tfjs.Tensor);
}

/**
 * Calls the reader's function on one case: on a fresh clone of the arguments (a function that changes its input
 * cannot change the next case), the result cloned here, so what reaches the page is plain data. A model arrives as
 * its summary; a tensor or a value that cannot be cloned (a function) is that case's error, named for the page.
 */
async function callCase(fn: (...a: unknown[]) => unknown, caseArgs: unknown[], tfjs: CellTf | undefined, map: PositionMap): Promise<CaseOutcome> {
	try {
		let value: unknown = await fn(...structuredClone(caseArgs));
		if (tfjs && value instanceof tfjs.LayersModel) value = summaryOfModel(value);
		if (holdsTensor(value, tfjs)) return { name: 'ReturnedTensor', error: 'returned a tf.Tensor: return plain numbers (e.g. Array.from(t.dataSync()))' };
		return { value: structuredClone(value) };
	} catch (error) {
		if (error instanceof DOMException && error.name === 'DataCloneError')
			return { name: 'NotPlainData', error: `returned a value that is not plain data (${error.message})` };
		return caseError(error, map);
	}
}

/** Checks an exercise: compiles the reader's code, takes the function, calls it on every case, posts the outcomes. */
async function check(message: CheckMessage): Promise<void> {
	const started = now();
	const { runId } = message;
	const checkDeadline = deadlineCheck(started, message.timeLimitMs);
	const output = createRunOutput({ runId, post: postToPage, now, schedule, checkDeadline, saveModel: (model) => saveModel(tf!, model) });
	latestOutput = output;
	try {
		let tfjs: CellTf | undefined;
		if (message.tf) {
			try {
				tfjs = await ensureBackend(message.backend);
			} catch (error) {
				postToPage({ type: 'error', runId, name: 'BackendError', message: error instanceof Error ? error.message : String(error) });
				return;
			}
		}
		const compiled = compileExercise(message.code, message.fn);
		if (!compiled.ok) {
			const { name, message: text, line, column } = compiled;
			postToPage({ type: 'error', runId, name, message: text, ...(line !== undefined ? { line } : {}), ...(column !== undefined ? { column } : {}) });
			return;
		}
		const args = exerciseArguments({ tf: tfjs, console: createCellConsole({ log: output.log, checkDeadline, now }) });
		// One scope for the whole check, top-level code included: the exercise's worker lives as long as the page, and
		// what a check leaves (tensors, a model's variables) would pile up over many checks.
		const engine = tfjs?.engine();
		const variablesBefore = new Set(Object.keys(engine?.state.registeredVariables ?? {}));
		engine?.startScope();
		try {
			let fn: unknown;
			try {
				fn = await compiled.cell(...args);
			} catch (error) {
				output.flush();
				postToPage(await runtimeError(runId, error, compiled.map));
				return;
			}
			if (typeof fn !== 'function') {
				postToPage({ type: 'error', runId, name: 'MissingFunction', message: missingFunction(message.fn) });
				return;
			}
			const outcomes: CaseOutcome[] = [];
			for (const caseArgs of message.cases) outcomes.push(await callCase(fn as (...a: unknown[]) => unknown, caseArgs, tfjs, compiled.map));
			output.flush();
			postToPage({ type: 'check-result', runId, outcomes });
		} finally {
			engine?.endScope();
			// A model the function built: its weights are variables, which scopes do not release.
			for (const [name, variable] of Object.entries(engine?.state.registeredVariables ?? {})) if (!variablesBefore.has(name)) variable.dispose();
		}
	} finally {
		output.close();
		postToPage({ type: 'done', runId, ms: now() - started, numTensors: tf?.memory().numTensors ?? 0 });
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

// A code cell starts tfjs right away, unless a run (with its own backend preference) is already waiting; an exercise's
// worker loads tfjs only when its check needs it (most exercises are plain maths).
let startup: ReturnType<typeof setTimeout> | undefined =
	scope.name === 'exercise'
		? undefined
		: setTimeout(() => {
				startup = undefined;
				enqueue(() => ensureBackend('auto'));
			}, 0);

scope.addEventListener('message', (event) => {
	const parsed = PageMessageSchema.safeParse(event.data);
	if (!parsed.success) return;
	clearTimeout(startup);
	startup = undefined;
	const message = parsed.data;
	enqueue(() => (message.type === 'check' ? check(message) : run(message)));
});

/**
 * Errors and rejections nobody handles (a throw in a reader's setTimeout callback, a forgotten `await`) are shown as
 * error lines of the latest run instead of reaching the page as a worker error.
 */
function reportStray(event: Event, error: unknown): void {
	event.preventDefault();
	latestOutput?.log('error', [error]);
}
scope.addEventListener('error', (event) => reportStray(event, event.error));
scope.addEventListener('unhandledrejection', (event) => reportStray(event, event.reason));
