/**
 * The code-cell worker's lock-down, to run before any reader code can exist (the worker calls `lockDown` in its
 * module body, before it handles a message):
 * - `fetch` only reaches the site's own generated/ folder (the data sets, under the base path) and the tfjs WASM binaries;
 * - `XMLHttpRequest`, `WebSocket`, `EventSource`, `WebTransport`, `importScripts`, `Worker`, `SharedWorker`,
 *   `BroadcastChannel` throw a clear error when called; `indexedDB` and `caches` throw when read;
 * - `postMessage` no longer reaches the page: it hands reader code's messages to `onReaderPostMessage` (the worker
 *   makes them rate-limited log lines), so neither a flood nor a forged protocol message reaches the page unchecked.
 *   Only the caller of `lockDown` holds the real one.
 * Every replacement is non-configurable and non-writable, on the global object and on its prototypes, so reader code
 * can neither restore nor reach around it. The page's Content-Security-Policy is the second line of defence (it alone
 * covers dynamic `import()` and CSS/font loads).
 *
 * Importing this module changes nothing and touches no DOM: it runs in a worker, and in unit tests on a stand-in scope.
 */
import { wasmPaths } from '../compute/wasm-paths';
import { sitePath } from '../site/base-path';

/** The parts of DedicatedWorkerGlobalScope the lock-down reads (the project's TS lib is DOM, not WebWorker). */
export interface LockableScope {
	postMessage(message: unknown): void;
	fetch: typeof fetch;
	location: { origin: string };
}

export interface LockDownOptions {
	/** Receives what reader code passes to `postMessage`, instead of the page. */
	onReaderPostMessage(message: unknown): void;
	/** The global object to lock: the worker's own by default. */
	scope?: LockableScope;
}

/** What only the caller of `lockDown` keeps: the functions as they were before the lock-down. */
export interface RealFunctions {
	/** Posts to the page. */
	postMessage(message: unknown): void;
	/** Reaches any URL (the CSP still applies). */
	fetch: typeof fetch;
}

const DATA_PATH = sitePath('generated/');
const DATA_HINT = 'The data sets are in `data`: `await data.mnist()`, `await data.spam()`.';
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

/** Scopes already locked: a second lock-down would hand out the guarded functions as the real ones. */
const locked = new WeakSet<object>();

function guardFetch(realFetch: typeof fetch, origin: string): typeof fetch {
	// In a worker started from a blob: URL, relative URLs cannot be resolved against location.href: use the origin.
	const base = `${origin}/`;
	const wasmBinaries = new Set(Object.values(wasmPaths).map((path) => new URL(path, base).href));
	return function guardedFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
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
	};
}

function thrower(name: string, message: string): () => never {
	const fn = function () {
		throw new Error(message);
	};
	Object.defineProperty(fn, 'name', { value: name });
	return fn;
}

/**
 * Runs the lock-down on `scope` and returns the real `postMessage` and `fetch`. Names whose replacement failed (an
 * engine with a non-configurable global) are logged: the page's CSP still applies to them.
 */
export function lockDown({ onReaderPostMessage, scope = globalThis as unknown as LockableScope }: LockDownOptions): RealFunctions {
	if (locked.has(scope)) throw new Error('lockDown: this scope is already locked down');
	locked.add(scope);
	const real: RealFunctions = { postMessage: scope.postMessage.bind(scope), fetch: scope.fetch.bind(scope) };
	const notLocked: string[] = [];

	/**
	 * Replaces `name` wherever it is defined along the global object's prototype chain. Only existing names are
	 * replaced, so feature detection (`typeof SharedWorker`) keeps its answer; emscripten, for one, tests
	 * `typeof importScripts`.
	 */
	const lock = (name: string, descriptor: PropertyDescriptor): void => {
		for (let target: object | null = scope; target; target = Object.getPrototypeOf(target)) {
			if (!Object.getOwnPropertyDescriptor(target, name)) continue;
			try {
				Object.defineProperty(target, name, { ...descriptor, configurable: false, enumerable: false });
			} catch {
				notLocked.push(name);
			}
		}
	};

	lock('fetch', { value: guardFetch(real.fetch, scope.location.origin), writable: false });
	for (const [name, message] of Object.entries(BLOCKED_CALLS)) lock(name, { value: thrower(name, message), writable: false });
	for (const [name, message] of Object.entries(BLOCKED_READS)) lock(name, { get: thrower(name, message) });
	lock('postMessage', { value: (message: unknown) => onReaderPostMessage(message), writable: false });
	if (notLocked.length) console.warn(`code-cell worker: could not replace ${notLocked.join(', ')}; the page's CSP still applies`);
	return real;
}

const CODE_FROM_STRINGS =
	'Creating code from strings is disabled in code cells ({{name}} was blocked): write the code in the cell itself, where the checks and the error positions can see it.';

/**
 * Stops code from being made out of strings in this realm: `eval`, `Function`, the async and generator function
 * constructors (reached through any function's `.constructor`), and `setTimeout`/`setInterval` with a string. Reader
 * code then cannot run text it builds at run time, which is the only way around the transform's refusal of `import()`
 * (it would load the site's modules — the reference implementations an exercise is checked against). The worker
 * compiles cells with the AsyncFunction constructor it captured before this ran (src/lib/cells/transform.ts).
 *
 * `Function` is replaced by a function that throws and whose `prototype` is still `Function.prototype`, so
 * `f instanceof Function` and `f.constructor === Function` keep their answers for libraries that ask. Nothing the
 * worker runs compiles code at run time: zod/mini's objects are the interpreted `$ZodObject` (classic zod's JIT object
 * would try `new Function` here and fail), and the tfjs bundles have no `Function(` or `eval`. The lock applies to
 * the whole realm (the intrinsics are shared), hence once per worker; `scope` is the global object whose `Function`,
 * `eval` and timers are replaced, along its prototype chain.
 */
export function lockCodeGeneration(scope: object = globalThis): void {
	if (locked.has(lockCodeGeneration)) throw new Error('lockCodeGeneration: this realm is already locked');
	locked.add(lockCodeGeneration);
	const blocked = (name: string) => thrower(name, CODE_FROM_STRINGS.replace('{{name}}', name));
	const fixed = (target: object, name: string, value: unknown) =>
		Object.defineProperty(target, name, { value, writable: false, configurable: false, enumerable: false });

	const constructors: [string, { prototype: object }][] = [
		['Function', Function],
		['AsyncFunction', Object.getPrototypeOf(async function () {}).constructor],
		['GeneratorFunction', Object.getPrototypeOf(function* () {}).constructor],
		['AsyncGeneratorFunction', Object.getPrototypeOf(async function* () {}).constructor],
	];
	for (const [name, original] of constructors) {
		const fake = blocked(name);
		Object.defineProperty(fake, 'prototype', { value: original.prototype });
		fixed(original.prototype, 'constructor', fake);
		if (name === 'Function') fixed(scope, 'Function', fake);
	}
	fixed(scope, 'eval', blocked('eval'));
	for (const name of ['setTimeout', 'setInterval'] as const) {
		const real = (scope as Record<string, unknown>)[name] as (handler: unknown, ...rest: unknown[]) => unknown;
		if (typeof real !== 'function') continue;
		const timer = function (handler: unknown, ...rest: unknown[]) {
			if (typeof handler !== 'function') throw new TypeError(CODE_FROM_STRINGS.replace('{{name}}', `${name} with a string`));
			return real.call(scope, handler, ...rest);
		};
		// Wherever the timer is defined along the chain (WorkerGlobalScope.prototype too), so no copy is left to reach.
		for (let target: object | null = scope; target; target = Object.getPrototypeOf(target))
			if (Object.getOwnPropertyDescriptor(target, name)) fixed(target, name, timer);
		if (!Object.getOwnPropertyDescriptor(scope, name)) fixed(scope, name, timer);
	}
}
