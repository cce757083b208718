/**
 * The trained CNN the site ships (public/models/cnn/, written by `npm run train-models`), loaded from the very files
 * a page downloads: it must be the code cell's model (content/cells/cnn.ts), be as accurate on the 2,000 held-out
 * digits as its model card says, and the card must describe the files and data beside it.
 *
 * The architecture is compared with a model built by evaluating the cell's own `tf.sequential({…})` call
 * (scripts/models/cnn-cell.mjs): the cell keeps its layer list inline because it is a program the reader edits, and
 * an edit there fails this test until the model is retrained. Evaluation runs on the WASM backend, the one that
 * trained and scored the model, so the accuracy must match the card's exactly (the CPU backend can round the last bits
 * differently and flip a borderline digit).
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../scripts/models/backend.mjs';
import { architectureConfig, buildCellModel, layerSummary, readCellArchitecture } from '../../scripts/models/cnn-cell.mjs';
import { heldOutMetrics } from '../../scripts/models/evaluate.mjs';
import { loadMnist } from '../../scripts/models/mnist-files.mjs';
import { MODEL_JSON, modelFromDisk, sha256, WEIGHTS_FILE } from '../../scripts/models/model-files.mjs';

const DIR = 'public/models/cnn';
/** The cell's own count (its comment and part 3 of the article). */
const CELL_PARAMETERS = 93_322;
const RETRAIN = 'run `npm run train-models` and commit public/models/cnn/';

interface Card {
	id: string;
	architecture: { layers: ReturnType<typeof layerSummary>; parameters: number };
	data: { train: { sha256: string; count: number }; test: { sha256: string; count: number } };
	heldOut: { accuracy: number; loss: number; correct: number; perClass: { label: number; correct: number; count: number }[]; predictions: string };
	files: Record<string, { bytes: number; sha256: string }>;
	reproducibility: { method: string };
	date: string;
}

let card: Card;
let data: Awaited<ReturnType<typeof loadMnist>>;
let shipped: tfl.LayersModel;
let cell: tfl.Sequential;

beforeAll(async () => {
	// public/generated/ is built, not committed: write it (only what is stale) as tests/unit/datasets.test.ts does.
	await promisify(execFile)(process.execPath, ['scripts/prepare-data.mjs']);
	await useBackend('wasm');
	card = JSON.parse(await readFile(join(DIR, 'card.json'), 'utf8')) as Card;
	data = await loadMnist();
	shipped = await tfl.loadLayersModel(modelFromDisk(DIR));
	cell = buildCellModel(tfl, await readCellArchitecture());
});

describe('the shipped CNN (public/models/cnn/)', () => {
	it('its card describes the files beside it and the data they were trained on', async () => {
		expect(card.id).toBe('cnn');
		for (const file of [MODEL_JSON, WEIGHTS_FILE]) {
			const bytes = await readFile(join(DIR, file));
			expect(card.files[file], `card.json files.${file}`).toEqual(expect.objectContaining({ bytes: bytes.byteLength, sha256: sha256(bytes) }));
		}
		expect(data.train.sha256, `the training split changed since the model was trained: ${RETRAIN}`).toBe(card.data.train.sha256);
		expect(data.test.sha256, `the held-out split changed since the model was trained: ${RETRAIN}`).toBe(card.data.test.sha256);
		expect([card.data.train.count, card.data.test.count]).toEqual([8000, 2000]);
		expect(new Date(card.date).toISOString()).toBe(card.date);
		expect(card.reproducibility.method).toMatch(/seed/i);
	});

	it("is the code cell's model: same layers, configurations, output shapes and parameter count", () => {
		expect(shipped.layers.map(architectureConfig), `content/cells/cnn.ts and the shipped model differ: ${RETRAIN}`).toEqual(
			cell.layers.map(architectureConfig),
		);
		const withoutNames = (model: tfl.LayersModel) => layerSummary(model).map(({ name: _name, ...rest }) => rest);
		expect(withoutNames(shipped)).toEqual(withoutNames(cell));
		expect(shipped.countParams()).toBe(cell.countParams());
		expect(cell.countParams()).toBe(CELL_PARAMETERS);
		expect(card.architecture.parameters).toBe(CELL_PARAMETERS);
		expect(card.architecture.layers).toEqual(layerSummary(shipped));
	});

	it('would notice an edit to the layers of the cell', async () => {
		const source = await readCellArchitecture();
		const edited = source.replace("units: 64, activation: 'relu'", "units: 32, activation: 'relu'");
		expect(edited).not.toBe(source);
		const other = buildCellModel(tfl, edited);
		expect(other.layers.map(architectureConfig)).not.toEqual(shipped.layers.map(architectureConfig));
		other.dispose();
	});

	it("scores the card's held-out accuracy on the 2,000 test digits, at least 97 %", async () => {
		const metrics = await heldOutMetrics(shipped, data.test);
		expect(metrics.count).toBe(2000);
		expect(Math.abs(metrics.accuracy - card.heldOut.accuracy)).toBeLessThanOrEqual(1e-6);
		expect(metrics.correct).toBe(card.heldOut.correct);
		expect(Math.abs(metrics.loss - card.heldOut.loss)).toBeLessThanOrEqual(1e-6);
		expect(metrics.perClass.map(({ label, correct, count }) => ({ label, correct, count }))).toEqual(
			card.heldOut.perClass.map(({ label, correct, count }) => ({ label, correct, count })),
		);
		expect(metrics.accuracy).toBeGreaterThanOrEqual(0.97);
		// Part 2's confusion matrix is read from these: the class the model predicts for each digit, in the file's order.
		expect(card.heldOut.predictions, `the card's predictions are not the model's: ${RETRAIN} (or --rescore)`).toBe(Array.from(metrics.predictions).join(''));
		const correctOf = (label: number) => [...card.heldOut.predictions].filter((p, i) => data.test.labels[i] === label && Number(p) === label).length;
		expect(card.heldOut.perClass.map(({ label }) => correctOf(label))).toEqual(card.heldOut.perClass.map(({ correct }) => correct));
	});

	it('fails when one weight is corrupted: the check above sees the weights, not just the card', async () => {
		// The last 10 floats are the output layer's bias (weights are stored in layer order): a large bias for class 0
		// makes the model answer 0 for almost every digit.
		const corrupt = (weights: ArrayBuffer) => {
			const copy = weights.slice(0);
			const floats = new Float32Array(copy);
			floats[floats.length - 10] = 1000;
			return copy;
		};
		const broken = await tfl.loadLayersModel(modelFromDisk(DIR, corrupt));
		const metrics = await heldOutMetrics(broken, data.test);
		broken.dispose();
		expect(Math.abs(metrics.accuracy - card.heldOut.accuracy)).toBeGreaterThan(1e-6);
		expect(metrics.accuracy).toBeLessThan(0.97);
	});
});
