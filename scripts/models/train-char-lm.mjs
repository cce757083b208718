/**
 * Trains a character-level language model (the Transformer or the LSTM of src/lib/compute/char-lm.ts) on a corpus of
 * short texts, reproducibly: seeded initial values, a seeded order of the texts every epoch, Adam with the learning
 * rate decayed once per epoch, and a custom loop (tfjs-layers has no MultiHeadAttention, so neither model is a
 * Layers model). Each text is one sequence ⟨s⟩ c₁ … c_n ⟨s⟩: the inputs are all but the last token, the targets all
 * but the first, and positions after the end are padding with weight 0 in the loss. The causal mask means that no
 * position ever sees the padding that follows it.
 */
import * as tf from '@tensorflow/tfjs-core';
import { initialParameters, lstmForward, maskedCrossEntropy, parameterShapes, transformerForward } from '../../src/lib/compute/char-lm.ts';
import { seededRandom } from '../../src/lib/reference/random.ts';
import { permutation } from './train-cnn.mjs';

/** @typedef {import('../../src/lib/compute/char-lm.ts').CharModelKind} CharModelKind */
/** @typedef {import('../../src/lib/reference/char-transformer.ts').TransformerConfig} TransformerConfig */
/** @typedef {import('../../src/lib/reference/char-lstm.ts').LstmConfig} LstmConfig */

/**
 * @typedef {object} TrainConfig
 * @property {number} weightSeed
 * @property {number} shuffleSeed
 * @property {number} epochs
 * @property {number} batchSize
 * @property {number} learningRate Adam's, in the first epoch
 * @property {number} decay factor applied after each epoch
 */

/**
 * @typedef {object} EpochLog
 * @property {number} epoch
 * @property {number} learningRate
 * @property {number} bitsPerCharacter mean training loss over the epoch, in bits
 * @property {number} seconds
 */

/**
 * The vocabulary: ⟨s⟩, ⟨unk⟩, then every character seen at least `minCount` times in the training texts, in code-point
 * order. Rarer characters become ⟨unk⟩ (the model cannot learn a character from one example).
 * @param {string[]} texts @param {number} minCount @param {readonly string[]} special
 * @returns {string[]}
 */
export function buildVocabulary(texts, minCount, special) {
	/** @type {Map<string, number>} */
	const counts = new Map();
	for (const text of texts) for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1);
	const kept = [...counts].filter(([, n]) => n >= minCount).map(([ch]) => ch);
	return [...special, ...kept.sort((a, b) => /** @type {number} */ (a.codePointAt(0)) - /** @type {number} */ (b.codePointAt(0)))];
}

/**
 * Texts as padded id matrices: inputs [N, context], targets [N, context], weights [N, context] (1 up to the end).
 * @param {string[]} texts @param {readonly string[]} vocabulary @param {number} context
 */
export function sequences(texts, vocabulary, context) {
	const index = new Map(vocabulary.map((token, i) => [token, i]));
	const inputs = new Int32Array(texts.length * context);
	const targets = new Int32Array(texts.length * context);
	const weights = new Float32Array(texts.length * context);
	texts.forEach((text, n) => {
		const ids = [0, ...[...text].map((ch) => index.get(ch) ?? 1), 0];
		if (ids.length - 1 > context) throw new RangeError(`“${text}” has ${ids.length - 2} characters; the context holds ${context - 1}`);
		for (let t = 0; t < ids.length - 1; t++) {
			inputs[n * context + t] = /** @type {number} */ (ids[t]);
			targets[n * context + t] = /** @type {number} */ (ids[t + 1]);
			weights[n * context + t] = 1;
		}
	});
	return { inputs, targets, weights, count: texts.length };
}

/**
 * @param {CharModelKind} kind @param {TransformerConfig | LstmConfig} config @param {tf.NamedTensorMap} p
 * @param {tf.Tensor2D} ids
 * @returns {tf.Tensor3D} logits
 */
export const logitsOf = (kind, config, p, ids) =>
	kind === 'transformer'
		? transformerForward(tf, /** @type {TransformerConfig} */ (config), p, ids).logits
		: lstmForward(tf, /** @type {LstmConfig} */ (config), p, ids).logits;

/**
 * Mean bits per character over a set of sequences (every predicted token counts, the final ⟨s⟩ included).
 * @param {CharModelKind} kind @param {TransformerConfig | LstmConfig} config @param {tf.NamedTensorMap} p
 * @param {ReturnType<typeof sequences>} data @param {number} context
 */
export function bitsPerCharacter(kind, config, p, data, context) {
	let [nats, count] = [0, 0];
	for (let start = 0; start < data.count; start += 256) {
		const end = Math.min(data.count, start + 256);
		const [sum, n] = tf.tidy(() => {
			const slice = (/** @type {Int32Array | Float32Array} */ a, /** @type {'int32' | 'float32'} */ dtype) =>
				tf.tensor2d(a.subarray(start * context, end * context), [end - start, context], dtype);
			const weights = slice(data.weights, 'float32');
			const mean = maskedCrossEntropy(
				tf,
				logitsOf(kind, config, p, /** @type {tf.Tensor2D} */ (slice(data.inputs, 'int32'))),
				slice(data.targets, 'int32'),
				weights,
			);
			const total = tf.sum(weights);
			return [tf.mul(mean, total).dataSync()[0] ?? 0, total.dataSync()[0] ?? 0];
		});
		nats += sum;
		count += n;
	}
	return nats / count / Math.LN2;
}

/**
 * @param {CharModelKind} kind @param {TransformerConfig | LstmConfig} config @param {TrainConfig} train
 * @param {ReturnType<typeof sequences>} data
 * @param {(log: EpochLog, parameters: tf.NamedTensorMap) => void} [onEpoch] also given the parameters as they are after the epoch
 * @returns {{ parameters: tf.NamedTensorMap, epochs: EpochLog[] }}
 */
export function trainCharModel(kind, config, train, data, onEpoch = () => {}) {
	const context = config.context;
	const initial = initialParameters(tf, kind, config, train.weightSeed);
	/** @type {Record<string, tf.Variable>} */
	const variables = Object.fromEntries(Object.entries(initial).map(([name, t]) => [name, tf.variable(t, true, name)]));
	tf.dispose(Object.values(initial));
	const optimizer = tf.train.adam(train.learningRate);
	const schedule = /** @type {{ learningRate: number }} */ (/** @type {unknown} */ (optimizer));
	const next = seededRandom(train.shuffleSeed);
	/** @type {EpochLog[]} */
	const epochs = [];
	for (let epoch = 1; epoch <= train.epochs; epoch++) {
		const started = performance.now();
		schedule.learningRate = train.learningRate * train.decay ** (epoch - 1);
		const order = permutation(data.count, next);
		let [nats, tokens] = [0, 0];
		for (let start = 0; start < data.count; start += train.batchSize) {
			const rows = order.subarray(start, Math.min(data.count, start + train.batchSize));
			const pick = (/** @type {Int32Array | Float32Array} */ a) => {
				const out = new /** @type {any} */ (a.constructor)(rows.length * context);
				rows.forEach((row, b) => out.set(a.subarray(row * context, (row + 1) * context), b * context));
				return out;
			};
			const weightsArray = /** @type {Float32Array} */ (pick(data.weights));
			const batchNats = tf.tidy(() => {
				const ids = tf.tensor2d(pick(data.inputs), [rows.length, context], 'int32');
				const targets = tf.tensor2d(pick(data.targets), [rows.length, context], 'int32');
				const weights = tf.tensor2d(weightsArray, [rows.length, context]);
				const loss = optimizer.minimize(() => maskedCrossEntropy(tf, logitsOf(kind, config, variables, ids), targets, weights), true, Object.values(variables));
				return loss?.dataSync()[0] ?? NaN;
			});
			const n = weightsArray.reduce((a, b) => a + b, 0);
			nats += batchNats * n;
			tokens += n;
		}
		const log = { epoch, learningRate: schedule.learningRate, bitsPerCharacter: nats / tokens / Math.LN2, seconds: (performance.now() - started) / 1000 };
		epochs.push(log);
		onEpoch(log, variables);
	}
	optimizer.dispose();
	const names = parameterShapes(kind, config).map(([name]) => name);
	return { parameters: Object.fromEntries(names.map((name) => [name, /** @type {tf.Tensor} */ (variables[name])])), epochs };
}
