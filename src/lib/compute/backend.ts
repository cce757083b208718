/**
 * Backend selection, in one place, for every widget and code cell.
 *
 * Policy: WebGPU when the browser has a *hardware* adapter; on a software adapter (`isFallbackAdapter`, e.g. headless
 * Chromium without a GPU, many times slower than WASM: see `npm run bench`) or without WebGPU, WASM,
 * then WebGL, then CPU. tfjs and each backend are imported lazily, so a page without widgets downloads none of them.
 * `tf.setBackend` resolves `false` on failure rather than throwing: every attempt checks it.
 */
import type * as TF from '@tensorflow/tfjs-core';

export const BACKENDS = ['webgpu', 'wasm', 'webgl', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];
export type BackendPreference = 'auto' | BackendName;

export function isBackendPreference(value: unknown): value is BackendPreference {
	return value === 'auto' || (BACKENDS as readonly unknown[]).includes(value);
}

export interface BackendChoice {
	name: BackendName;
	/** Why this backend: shown to the reader next to the result. */
	reason: string;
	/** Backends tried before it, with why each was passed over. */
	skipped: { name: BackendName; why: string }[];
}

let tfPromise: Promise<typeof TF> | undefined;

/** tfjs-core, loaded once, on first use. */
export function loadTf(): Promise<typeof TF> {
	tfPromise ??= import('@tensorflow/tfjs-core');
	return tfPromise;
}

/** Registers a backend's kernels with tfjs (each backend is its own lazily loaded chunk). */
async function registerBackend(name: BackendName): Promise<void> {
	switch (name) {
		case 'webgpu':
			await import('@tensorflow/tfjs-backend-webgpu');
			return;
		case 'wasm': {
			const [wasm, paths, training] = await Promise.all([import('@tensorflow/tfjs-backend-wasm'), import('./wasm-paths'), import('./wasm-training-kernels')]);
			// The .wasm binaries are served by this site (bundled as assets), never fetched from a CDN.
			wasm.setWasmPaths(paths.wasmPaths);
			// Gradient kernels tfjs's WASM backend lacks or computes slowly, so the code cells' models train on WASM.
			training.registerWasmTrainingKernels();
			return;
		}
		case 'webgl':
			await import('@tensorflow/tfjs-backend-webgl');
			return;
		case 'cpu':
			await import('@tensorflow/tfjs-backend-cpu');
			return;
	}
}

/** Why WebGPU should not be used here, or `undefined` when a hardware adapter is available. */
async function webgpuUnsuitable(): Promise<string | undefined> {
	const gpu = (globalThis.navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
	if (!gpu) return 'this browser has no WebGPU';
	const adapter = (await gpu.requestAdapter().catch(() => null)) as { info?: { isFallbackAdapter?: boolean } } | null;
	if (!adapter) return 'no WebGPU adapter available';
	if (adapter.info?.isFallbackAdapter) return 'only a software (fallback) WebGPU adapter, far slower than WASM';
	return undefined;
}

/**
 * Why WebGL should not be chosen automatically, or `undefined`: a software renderer (SwiftShader, llvmpipe) is
 * slower than the CPU backend for the small operations of training (measured here: an LSTM step 8.5 s on software
 * WebGL against 3 s on the CPU backend). Works in a page and in a worker (OffscreenCanvas).
 */
function webglUnsuitable(): string | undefined {
	try {
		const canvas = typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(1, 1) : document.createElement('canvas');
		const gl = canvas.getContext('webgl2') as WebGL2RenderingContext | null;
		if (!gl) return 'no WebGL 2 context';
		const info = gl.getExtension('WEBGL_debug_renderer_info');
		const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
		gl.getExtension('WEBGL_lose_context')?.loseContext();
		return /swiftshader|llvmpipe|softpipe|software/i.test(renderer) ? `software WebGL renderer (${renderer.slice(0, 60)})` : undefined;
	} catch {
		return undefined; // cannot tell: let tf.setBackend decide
	}
}

async function trySetBackend(tf: typeof TF, name: BackendName): Promise<string | undefined> {
	try {
		await registerBackend(name);
		const ok = await tf.setBackend(name);
		if (!ok) return `tf.setBackend('${name}') failed`;
		await tf.ready();
		return undefined;
	} catch (error) {
		return error instanceof Error ? error.message : String(error);
	}
}

/** Backends that failed while in use on this page (e.g. WebGPU device lost): never chosen again here. */
const broken = new Map<BackendName, string>();

/**
 * Marks a backend as unusable (its computation failed, e.g. the WebGPU device was lost) so that the next
 * `selectBackend` falls back to the next one in the policy, even if the reader had asked for it.
 */
export function reportBrokenBackend(name: BackendName, why: string): void {
	broken.set(name, why);
	current = undefined;
}

let current: Promise<BackendChoice> | undefined;
let currentPreference: string | undefined;

/**
 * What the backend is for. `inference` (widgets): forward computations only. `training` (code cells): gradients
 * too, which rules out software WebGL in automatic choice (see `webglUnsuitable`). WASM trains convolutions with
 * the kernels of `wasm-training-kernels.ts`.
 */
export type BackendPurpose = 'inference' | 'training';

/**
 * Chooses and activates a backend. The choice is shared by everything in this page or worker (tfjs has one active
 * backend); asking again with the same preference returns the same choice.
 */
export function selectBackend(preference: BackendPreference = 'auto', purpose: BackendPurpose = 'inference'): Promise<BackendChoice> {
	const key = `${preference}:${purpose}`;
	if (current && currentPreference === key) return current;
	currentPreference = key;
	current = choose(preference, purpose);
	return current;
}

async function choose(preference: BackendPreference, purpose: BackendPurpose): Promise<BackendChoice> {
	// Asking for a WebGPU adapter and loading tfjs are independent: do both at once (a widget's first result waits on both).
	const webgpuCheck = preference === 'auto' ? webgpuUnsuitable() : undefined;
	const tf = await loadTf();
	const skipped: BackendChoice['skipped'] = [];
	const order: BackendName[] = preference === 'auto' ? [...BACKENDS] : [preference, ...BACKENDS.filter((b) => b !== preference && b !== 'webgpu')];
	for (const name of order) {
		const brokenBecause = broken.get(name);
		if (brokenBecause) {
			skipped.push({ name, why: `failed earlier on this page (${brokenBecause})` });
			continue;
		}
		if (name === 'webgl' && preference === 'auto' && purpose === 'training') {
			const why = webglUnsuitable();
			if (why) {
				skipped.push({ name, why });
				continue;
			}
		}
		if (name === 'webgpu' && preference === 'auto') {
			const why = await webgpuCheck;
			if (why) {
				skipped.push({ name, why });
				continue;
			}
		}
		const failure = await trySetBackend(tf, name);
		if (failure) {
			skipped.push({ name, why: failure });
			continue;
		}
		const reason =
			preference === name
				? 'chosen by the reader'
				: skipped.length
					? `fallback — ${skipped.map((s) => `${s.name}: ${s.why}`).join('; ')}`
					: 'first suitable backend';
		return { name, reason, skipped };
	}
	throw new Error(`no tfjs backend could start: ${skipped.map((s) => `${s.name}: ${s.why}`).join('; ')}`);
}
