/**
 * Held-out metrics of a 10-class image model: accuracy (correct / count, so two runs that predict the same classes
 * agree exactly), mean cross-entropy (probabilities clipped to [1e-7, 1], as Keras does), accuracy per class, and the
 * class predicted for each digit (the most probable; the first on a tie), from which part 2's confusion matrix is made.
 */
import * as tf from '@tensorflow/tfjs-core';

const CLASSES = 10;
const BATCH = 500;
const EPSILON = 1e-7;

/**
 * @param {import('@tensorflow/tfjs-layers').LayersModel} model
 * @param {{ images: Float32Array, labels: Uint8Array }} split N × 784 pixels in [0, 1] and N labels
 * @returns {Promise<{ accuracy: number, loss: number, correct: number, count: number, perClass: { label: number, count: number, correct: number, accuracy: number }[], predictions: Uint8Array }>}
 */
export async function heldOutMetrics(model, { images, labels }) {
	const count = labels.length;
	const perClass = Array.from({ length: CLASSES }, (_, label) => ({ label, count: 0, correct: 0, accuracy: 0 }));
	const predictions = new Uint8Array(count);
	let correct = 0;
	let lossSum = 0;
	for (let start = 0; start < count; start += BATCH) {
		const n = Math.min(BATCH, count - start);
		const probabilities = tf.tidy(() => /** @type {tf.Tensor} */ (model.predict(tf.tensor4d(images.subarray(start * 784, (start + n) * 784), [n, 28, 28, 1]))));
		const p = await probabilities.data();
		probabilities.dispose();
		for (let i = 0; i < n; i++) {
			const row = p.subarray(i * CLASSES, (i + 1) * CLASSES);
			const label = /** @type {number} */ (labels[start + i]);
			let best = 0;
			for (let c = 1; c < CLASSES; c++) if (/** @type {number} */ (row[c]) > /** @type {number} */ (row[best])) best = c;
			predictions[start + i] = best;
			const entry = /** @type {(typeof perClass)[number]} */ (perClass[label]);
			entry.count++;
			if (best === label) {
				correct++;
				entry.correct++;
			}
			lossSum -= Math.log(Math.min(1, Math.max(EPSILON, /** @type {number} */ (row[label]))));
		}
	}
	for (const entry of perClass) entry.accuracy = entry.count ? entry.correct / entry.count : 0;
	return { accuracy: correct / count, loss: lossSum / count, correct, count, perClass, predictions };
}
