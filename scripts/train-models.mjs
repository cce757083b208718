/**
 * `npm run train-models`: trains the models the site ships and writes them to public/models/<id>/ (GUIDE.md §4):
 * model.json + weights.bin and card.json, the model card.
 * - `cnn`: the code cell's CNN (content/cells/cnn.ts) on the cells' 8,000 / 2,000 MNIST split, in the tfjs Layers
 *   format, in about 2½ minutes on 2 cores;
 * - `names-transformer`, `names-lstm`, `verse-transformer`, `verse-lstm`: the character-level language models of the
 *   RNN and attention widgets (scripts/models/char-models.mjs), in this site's own format (model.json says
 *   `dl-explained/char-lm`), about 20 minutes together.
 *
 * Runs in plain Node 22: tfjs-core + tfjs-layers on the WASM backend (scripts/models/backend.mjs); the .ts modules it
 * uses are imported with their extensions and Node strips their types. Reproducible: seeds below, see card.json.
 *
 * Options: --only <id,…> trains only those models; --out <dir> writes somewhere else (each model in <dir>/<id>/, e.g. to
 * compare two runs); --epochs <n> overrides the epochs (a quick look; the shipped models use their defaults);
 * --rescore measures the shipped models again and rewrites their cards' metrics (for the CNN, its held-out metrics and
 * predictions), without training them.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { useBackend } from './models/backend.mjs';
import { heldOutSection, modelCard } from './models/card.mjs';
import { CHAR_MODELS, rescore, trainAndWrite } from './models/char-models.mjs';
import { readCellArchitecture } from './models/cnn-cell.mjs';
import { heldOutMetrics } from './models/evaluate.mjs';
import { loadMnist } from './models/mnist-files.mjs';
import { modelFromDisk, saveModel, sha256 } from './models/model-files.mjs';
import { trainCnn } from './models/train-cnn.mjs';

/** @type {import('./models/train-cnn.mjs').TrainConfig} */
const CNN_CONFIG = {
	weightSeed: 20_240_901,
	shuffleSeed: 20_240_902,
	// Measured here: without the shift, 12 epochs fit the 8,000 digits perfectly and hold out 97.6 %; with it, 98.4 %.
	epochs: 12,
	batchSize: 64,
	learningRate: 0.002,
	decay: 0.8,
	shift: 2,
};

const { values } = parseArgs({ options: { out: { type: 'string' }, epochs: { type: 'string' }, only: { type: 'string' }, rescore: { type: 'boolean' } } });
const epochs = values.epochs === undefined ? undefined : Number(values.epochs);
if (epochs !== undefined && (!Number.isInteger(epochs) || epochs < 1)) throw new Error(`--epochs: expected a positive whole number, received ${values.epochs}`);
const ids = ['cnn', ...CHAR_MODELS.map((m) => m.id)];
const only = values.only?.split(',') ?? ids;
const unknown = only.filter((id) => !ids.includes(id));
if (unknown.length > 0) throw new Error(`--only: no model ${unknown.join(', ')}; the models are ${ids.join(', ')}`);
const outOf = (/** @type {string} */ id) => (values.out ? join(values.out, id) : fileURLToPath(new URL(`../public/models/${id}/`, import.meta.url)));

/** @param {string} path @returns {Promise<unknown>} the card a previous run left there, if any */
const previousCard = (path) =>
	readFile(path, 'utf8').then(
		(text) => /** @type {unknown} */ (JSON.parse(text)),
		() => undefined,
	);

const backend = await useBackend('wasm');
if (only.includes('cnn')) await (values.rescore ? rescoreCnn(outOf('cnn')) : trainCnnModel(outOf('cnn')));
for (const spec of CHAR_MODELS)
	if (only.includes(spec.id)) {
		if (values.rescore) await rescore(spec, outOf(spec.id));
		else await trainAndWrite(spec, outOf(spec.id), epochs === undefined ? {} : { epochs });
	}

/** @param {string} out */
async function trainCnnModel(out) {
	const config = { ...CNN_CONFIG, epochs: epochs ?? CNN_CONFIG.epochs };
	const data = await loadMnist();
	const architecture = await readCellArchitecture();
	console.log(`cnn: training on ${data.train.count} digits (${backend}), ${config.epochs} epochs of batches of ${config.batchSize}`);
	const started = performance.now();
	const { model, epochs: history } = await trainCnn(data.train, architecture, config, (e) =>
		console.log(
			`  epoch ${String(e.epoch).padStart(2)}: loss ${e.loss.toFixed(4)}, accuracy ${(e.accuracy * 100).toFixed(2)} %, lr ${e.learningRate.toPrecision(3)}, ${e.seconds.toFixed(1)} s`,
		),
	);
	const seconds = (performance.now() - started) / 1000;
	const metrics = await heldOutMetrics(model, data.test);
	console.log(
		`cnn: held-out accuracy ${(metrics.accuracy * 100).toFixed(2)} % (loss ${metrics.loss.toFixed(4)}) on ${metrics.count} digits; trained in ${seconds.toFixed(0)} s`,
	);

	const before = await previousCard(join(out, 'card.json'));
	const files = await saveModel(model, out);
	const card = modelCard({ id: 'cnn', model, data, config, epochs: history, seconds, metrics, files, previousCard: before });
	await writeFile(join(out, 'card.json'), `${JSON.stringify(card, null, '\t')}\n`);
	const previous = card.reproducibility.previousRun;
	console.log(
		`cnn: wrote ${out} (weights ${(files.weights.byteLength / 1024).toFixed(0)} KiB, sha256 ${sha256(files.weights).slice(0, 16)}…)` +
			(previous ? `; weights ${previous.identicalWeights ? 'identical to' : 'DIFFERENT from'} the previous run's` : ''),
	);
}

/**
 * Measures the shipped CNN again on the held-out digits and rewrites its card's `heldOut` (the weights and the rest of
 * the card stay as trained). @param {string} out
 */
async function rescoreCnn(out) {
	const tfl = await import('@tensorflow/tfjs-layers');
	const data = await loadMnist();
	const path = join(out, 'card.json');
	const card = /** @type {{ heldOut: Record<string, unknown>, data: { test: { sha256: string } } }} */ (JSON.parse(await readFile(path, 'utf8')));
	if (card.data.test.sha256 !== data.test.sha256) throw new Error('cnn: the held-out split changed since the model was trained; train it again instead');
	const model = await tfl.loadLayersModel(modelFromDisk(out));
	const metrics = await heldOutMetrics(model, data.test);
	model.dispose();
	card.heldOut = heldOutSection(metrics);
	await writeFile(path, `${JSON.stringify(card, null, '\t')}\n`);
	console.log(`cnn: rescored ${metrics.count} held-out digits, accuracy ${(metrics.accuracy * 100).toFixed(2)} %; wrote ${path}`);
}
