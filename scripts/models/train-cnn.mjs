/**
 * Trains the code cell's CNN reproducibly: seeded initial weights (scripts/models/cnn-cell.mjs), a seeded shuffle of
 * the training digits every epoch (mulberry32, src/lib/reference/random.ts; tfjs's own `shuffle` uses Math.random),
 * a manual loop of `trainOnBatch` over the batches in that order, Adam with its learning rate decayed once per epoch.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { seededRandom } from '../../src/lib/reference/random.ts';
import { buildCellModel } from './cnn-cell.mjs';

/**
 * @typedef {object} TrainConfig
 * @property {number} weightSeed seed of the first layer's initialiser (layer i gets weightSeed + i)
 * @property {number} shuffleSeed seed of the generator that orders the training digits, epoch after epoch
 * @property {number} epochs
 * @property {number} batchSize
 * @property {number} learningRate Adam's learning rate in the first epoch
 * @property {number} decay factor applied to the learning rate after each epoch
 * @property {number} shift augmentation: each training digit is moved by up to this many pixels in x and y (0: none)
 */

/**
 * @typedef {object} EpochLog
 * @property {number} epoch 1-based
 * @property {number} learningRate
 * @property {number} loss mean training loss over the epoch's batches
 * @property {number} accuracy mean training accuracy over the epoch's batches
 * @property {number} seconds
 */

/**
 * 0 … n−1 in an order drawn from `next` (Fisher–Yates).
 * @param {number} n @param {() => number} next @returns {Int32Array}
 */
export function permutation(n, next) {
	const order = Int32Array.from({ length: n }, (_, i) => i);
	for (let i = n - 1; i > 0; i--) {
		const j = Math.floor(next() * (i + 1));
		[order[i], order[j]] = [/** @type {number} */ (order[j]), /** @type {number} */ (order[i])];
	}
	return order;
}

/**
 * A batch of digits `order[start…end)`, each moved by (dx, dy) drawn from `next` in −shift … shift, the uncovered
 * border left at 0 (background). MNIST centres digits by their mass in a 28 × 28 frame with a 4-pixel margin, so a
 * shift of 2 keeps the ink inside the frame while teaching the model that position is not the class.
 * @param {Float32Array} images @param {Int32Array} order @param {number} start @param {number} end
 * @param {number} shift @param {() => number} next
 * @returns {Float32Array}
 */
export function shiftedBatch(images, order, start, end, shift, next) {
	const batch = new Float32Array((end - start) * 784);
	for (let b = 0; b < end - start; b++) {
		const source = /** @type {number} */ (order[start + b]) * 784;
		const dx = Math.floor(next() * (2 * shift + 1)) - shift;
		const dy = Math.floor(next() * (2 * shift + 1)) - shift;
		for (let r = Math.max(0, dy); r < Math.min(28, 28 + dy); r++) {
			const from = source + (r - dy) * 28;
			const [c0, c1] = [Math.max(0, dx), Math.min(28, 28 + dx)];
			batch.set(images.subarray(from + c0 - dx, from + c1 - dx), b * 784 + r * 28 + c0);
		}
	}
	return batch;
}

/**
 * @param {{ images: Float32Array, labels: Uint8Array, count: number }} train
 * @param {string} architecture the cell's `tf.sequential({…})` source (readCellArchitecture)
 * @param {TrainConfig} config
 * @param {(log: EpochLog) => void} [onEpoch]
 * @returns {Promise<{ model: import('@tensorflow/tfjs-layers').Sequential, epochs: EpochLog[] }>}
 */
export async function trainCnn(train, architecture, config, onEpoch = () => {}) {
	const model = buildCellModel(tfl, architecture, { seed: config.weightSeed });
	const optimizer = tf.train.adam(config.learningRate);
	model.compile({ optimizer, loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
	// Adam reads its (protected) learning rate at every step: setting it between epochs is the decay.
	const schedule = /** @type {{ learningRate: number }} */ (/** @type {unknown} */ (optimizer));

	const xs = tf.tensor4d(train.images, [train.count, 28, 28, 1]);
	const ys = tf.tidy(() => tf.oneHot(tf.tensor1d(train.labels, 'int32'), 10));
	const next = seededRandom(config.shuffleSeed);
	/** @type {EpochLog[]} */
	const epochs = [];
	try {
		for (let epoch = 1; epoch <= config.epochs; epoch++) {
			const started = performance.now();
			schedule.learningRate = config.learningRate * config.decay ** (epoch - 1);
			const order = permutation(train.count, next);
			let [lossSum, accuracySum, batches] = [0, 0, 0];
			for (let start = 0; start < train.count; start += config.batchSize) {
				const end = Math.min(train.count, start + config.batchSize);
				const indices = tf.tensor1d(order.subarray(start, end), 'int32');
				const x =
					config.shift > 0 ? tf.tensor4d(shiftedBatch(train.images, order, start, end, config.shift, next), [end - start, 28, 28, 1]) : tf.gather(xs, indices);
				const y = tf.gather(ys, indices);
				const result = /** @type {number[]} */ (await model.trainOnBatch(x, y));
				tf.dispose([indices, x, y]);
				lossSum += /** @type {number} */ (result[0]);
				accuracySum += /** @type {number} */ (result[1]);
				batches++;
			}
			const log = {
				epoch,
				learningRate: schedule.learningRate,
				loss: lossSum / batches,
				accuracy: accuracySum / batches,
				seconds: (performance.now() - started) / 1000,
			};
			epochs.push(log);
			onEpoch(log);
		}
	} finally {
		tf.dispose([xs, ys]);
	}
	return { model, epochs };
}
