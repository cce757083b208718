/**
 * TensorFlow.js in Node without tfjs-node (its install downloads a native binary, which this project cannot do):
 * tfjs-core + tfjs-layers on the WASM backend, whose .wasm binaries ship in its package, plus this project's own
 * training kernels (src/lib/compute/wasm-training-kernels.ts: the convolution filter gradient WASM lacks).
 * Node ≥ 22.18 strips TypeScript types by itself, so the .ts module is imported as it is (with its extension; it
 * imports nothing but @tensorflow/tfjs-core). The CPU backend (pure JavaScript) is the slow alternative.
 */
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import '@tensorflow/tfjs-backend-cpu';
import { registerWasmTrainingKernels } from '../../src/lib/compute/wasm-training-kernels.ts';

/** @typedef {'wasm' | 'cpu'} NodeBackend */

/**
 * Selects the backend (and says so when it cannot).
 * @param {NodeBackend} [name]
 * @returns {Promise<NodeBackend>}
 */
export async function useBackend(name = 'wasm') {
	if (name === 'wasm') {
		// In Node the binaries are read from the package's own dist folder.
		setWasmPaths(fileURLToPath(new URL('../../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url)));
		registerWasmTrainingKernels();
	}
	if (!(await tf.setBackend(name))) throw new Error(`tfjs could not start its ${name} backend in Node ${process.version}`);
	await tf.ready();
	return name;
}
