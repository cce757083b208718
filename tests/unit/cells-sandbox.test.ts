import { describe, expect, test, vi } from 'vitest';
import { wasmPaths } from '../../src/lib/compute/wasm-paths';
import { lockDown, type LockableScope } from '../../src/lib/cells/sandbox';

const ORIGIN = 'https://site.test';

/** A stand-in for a worker's global object: some names on a prototype (as WorkerGlobalScope has them), some own. */
function fakeScope() {
	const realFetch = vi.fn(async (input: RequestInfo | URL) => new Response(String(input instanceof Request ? input.url : input)));
	const pagePost = vi.fn();
	const prototype = {
		fetch: realFetch,
		postMessage: pagePost,
		XMLHttpRequest: class {},
		WebSocket: class {},
		importScripts: () => {},
		Worker: class {},
		BroadcastChannel: class {},
		caches: {},
	};
	const scope = Object.create(prototype) as LockableScope & Record<string, unknown>;
	scope.location = { origin: ORIGIN };
	scope.indexedDB = {};
	scope.Worker = class {}; // also own: replaced at every level
	const readerMessages: unknown[] = [];
	const real = lockDown({ scope, onReaderPostMessage: (message) => readerMessages.push(message) });
	return { scope, prototype, realFetch, pagePost, readerMessages, real };
}

describe('lockDown', () => {
	test('blocked calls throw an error that says why and what to use instead', () => {
		const { scope } = fakeScope();
		const construct = (name: string) => () => new (scope[name] as new () => unknown)();
		expect(construct('XMLHttpRequest')).toThrow(
			'Network access is disabled in code cells (XMLHttpRequest was blocked). The data sets are in `data`: `await data.mnist()`, `await data.spam()`.',
		);
		expect(construct('WebSocket')).toThrow('Network access is disabled in code cells (WebSocket was blocked).');
		expect(() => (scope.importScripts as () => void)()).toThrow(
			'Loading scripts is disabled in code cells (importScripts was blocked); `tf` is already provided.',
		);
		expect(construct('Worker')).toThrow('Starting workers is disabled in code cells (new Worker() was blocked).');
		expect(construct('BroadcastChannel')).toThrow('Talking to other pages is disabled in code cells (BroadcastChannel was blocked).');
		expect(() => scope.indexedDB).toThrow('Storage is disabled in code cells (indexedDB was blocked); keep values in `shared` instead.');
		expect(() => scope.caches).toThrow('Storage is disabled in code cells (caches was blocked).');
	});

	test('names the scope does not have stay undefined, so feature detection keeps its answer', () => {
		const { scope } = fakeScope();
		expect('WebTransport' in scope).toBe(false);
		expect('SharedWorker' in scope).toBe(false);
		expect(typeof scope.importScripts).toBe('function');
	});

	test('replacements cannot be overwritten, redefined or deleted, on the object or its prototype', () => {
		const { scope, prototype } = fakeScope();
		expect(() => {
			scope.fetch = globalThis.fetch;
		}).toThrow(TypeError);
		expect(() => Object.defineProperty(scope, 'Worker', { value: class {} })).toThrow(TypeError);
		expect(() => delete (prototype as Partial<typeof prototype>).XMLHttpRequest).toThrow(TypeError);
		expect(() => Object.defineProperty(prototype, 'postMessage', { value: () => {} })).toThrow(TypeError);
	});

	test("reader code's postMessage goes to the worker, not the page; the real one is returned", () => {
		const { scope, pagePost, readerMessages, real } = fakeScope();
		scope.postMessage({ type: 'done', runId: 1, ms: 0, numTensors: 0 });
		expect(readerMessages).toEqual([{ type: 'done', runId: 1, ms: 0, numTensors: 0 }]);
		expect(pagePost).not.toHaveBeenCalled();
		real.postMessage('to the page');
		expect(pagePost).toHaveBeenCalledWith('to the page');
	});

	test('fetch reaches same-origin /generated/ and the WASM binaries, nothing else', async () => {
		const { scope, realFetch } = fakeScope();
		await expect(scope.fetch('/generated/mnist-train.bin')).resolves.toBeInstanceOf(Response);
		expect(realFetch).toHaveBeenLastCalledWith(`${ORIGIN}/generated/mnist-train.bin`, undefined);
		await expect(scope.fetch(new Request(`${ORIGIN}/generated/spam.json`))).resolves.toBeInstanceOf(Response);
		const wasm = new URL(Object.values(wasmPaths)[0]!, `${ORIGIN}/`).href;
		await expect(scope.fetch(wasm)).resolves.toBeInstanceOf(Response);
		expect(realFetch).toHaveBeenCalledTimes(3);

		await expect(scope.fetch('https://example.com/generated/x')).rejects.toThrow(
			"Network access is disabled in code cells (fetch('https://example.com/generated/x') was blocked).",
		);
		// `..` is resolved before the path test, encoded or not.
		await expect(scope.fetch('/generated/../secret')).rejects.toThrow('was blocked');
		await expect(scope.fetch('/generated/%2e%2e/secret')).rejects.toThrow('was blocked');
		await expect(scope.fetch('/other.wasm')).rejects.toThrow('was blocked');
		await expect(scope.fetch('http://[')).rejects.toThrow(new TypeError('fetch: "http://[" is not a valid URL'));
		expect(realFetch).toHaveBeenCalledTimes(3);
	});

	test('refuses to lock the same scope twice (the second call would hand out the guarded functions as real)', () => {
		const { scope } = fakeScope();
		expect(() => lockDown({ scope, onReaderPostMessage: () => {} })).toThrow('lockDown: this scope is already locked down');
	});
});
