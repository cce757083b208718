/**
 * A tfjs Layers model on disk, in the format `tf.loadLayersModel(url)` reads in a page: model.json (topology and
 * weights manifest) beside one float32 weights file. Saving goes through `tf.io.withSaveHandler`, loading through a
 * small IOHandler that reads the same two files back (tfjs-node's file:// handler is not available here).
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';

export const MODEL_JSON = 'model.json';
export const WEIGHTS_FILE = 'weights.bin';

/** @param {Uint8Array | string} bytes */
export const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

/**
 * Writes a file through a temporary name, so an interrupted run never leaves half a model behind.
 * @param {string} path @param {Uint8Array | string} data
 */
async function writeAtomically(path, data) {
	await writeFile(`${path}.tmp`, data);
	await rename(`${path}.tmp`, path);
}

/**
 * Saves `model` into `dir` as model.json + weights.bin.
 * @param {import('@tensorflow/tfjs-layers').LayersModel} model
 * @param {string} dir
 * @returns {Promise<{ modelJson: string, weights: Uint8Array }>} what was written
 */
export async function saveModel(model, dir) {
	await mkdir(dir, { recursive: true });
	/** @type {{ modelJson: string, weights: Uint8Array } | undefined} */
	let written;
	await model.save(
		tf.io.withSaveHandler(async (artifacts) => {
			if (!artifacts.weightSpecs || artifacts.weightData === undefined) throw new Error('tfjs saved a model without weights');
			const weights = new Uint8Array(tf.io.concatenateArrayBuffers(artifacts.weightData));
			for (const spec of artifacts.weightSpecs)
				if (spec.dtype !== 'float32') throw new Error(`weight ${spec.name} is ${spec.dtype}; the shipped files are float32`);
			/** @type {tf.io.ModelJSON} */
			const json = {
				format: artifacts.format ?? 'layers-model',
				generatedBy: artifacts.generatedBy ?? `TensorFlow.js tfjs-layers v${tf.version_core}`,
				convertedBy: null,
				modelTopology: /** @type {object} */ (artifacts.modelTopology),
				weightsManifest: [{ paths: [WEIGHTS_FILE], weights: artifacts.weightSpecs }],
			};
			const modelJson = `${JSON.stringify(json)}\n`;
			await writeAtomically(join(dir, WEIGHTS_FILE), weights);
			await writeAtomically(join(dir, MODEL_JSON), modelJson);
			written = { modelJson, weights };
			return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON', weightDataBytes: weights.byteLength } };
		}),
		{ includeOptimizer: false },
	);
	if (!written) throw new Error('tfjs did not call the save handler');
	return written;
}

/**
 * An IOHandler that loads model.json and the weight files it names from `dir`.
 * @param {string} dir
 * @param {(weights: ArrayBuffer) => ArrayBuffer} [alter] changes the weights after reading (tests use it to corrupt them)
 * @returns {tf.io.IOHandler}
 */
export function modelFromDisk(dir, alter = (weights) => weights) {
	return {
		load: async () => {
			/** @type {tf.io.ModelJSON} */
			const json = JSON.parse(await readFile(join(dir, MODEL_JSON), 'utf8'));
			return tf.io.getModelArtifactsForJSON(json, async (manifest) => {
				const specs = manifest.flatMap((group) => group.weights);
				const buffers = await Promise.all(
					manifest
						.flatMap((group) => group.paths)
						.map(async (path) => {
							const bytes = await readFile(join(dir, path));
							return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
						}),
				);
				return [specs, alter(tf.io.concatenateArrayBuffers(buffers))];
			});
		},
	};
}
