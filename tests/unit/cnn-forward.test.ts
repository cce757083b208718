/**
 * The layer-by-layer widget's arithmetic: the plain-TypeScript forward pass (src/lib/reference/cnn.ts) on the shipped
 * weights must give what tfjs-layers' own `predict` gives for the shipped model, and the widget's tfjs forward pass
 * (src/lib/compute/cnn.ts) must match the reference at every layer. Also: a model of another architecture is refused
 * with what differs.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { cnnClasses, cnnForward } from '../../src/lib/compute/cnn';
import { decodeMnistSplit, decodeMnistStrip, type Digit } from '../../src/lib/data/mnist';
import { ArchitectureMismatch, parameterCounts, seedCnnWeights } from '../../src/lib/models/cnn-weights';
import { loadLayersWeights, type LayersWeights } from '../../src/lib/models/layers-weights';
import { channelSum, forwardCnn, valueAt, type CnnWeights } from '../../src/lib/reference/cnn';
import { modelFromDisk } from '../../scripts/models/model-files.mjs';
import { fileFetcher } from './shipped-files';
import { readFileSync } from 'node:fs';

const MODEL = '/models/cnn/model.json';
let model: LayersWeights;
let weights: CnnWeights;
let digits: Digit[];

beforeAll(async () => {
	await promisify(execFile)(process.execPath, ['scripts/prepare-data.mjs']);
	expect(await tf.setBackend('cpu')).toBe(true);
	model = await loadLayersWeights(MODEL, fileFetcher());
	weights = seedCnnWeights(model);
	digits = decodeMnistStrip(new Uint8Array(readFileSync('public/generated/mnist-strip.bin')));
});

const maxDifference = (a: ArrayLike<number>, b: ArrayLike<number>) => {
	expect(a.length).toBe(b.length);
	return Array.from(a).reduce((m, v, i) => Math.max(m, Math.abs(v - b[i]!)), 0);
};

describe('the CNN forward pass in plain TypeScript', () => {
	it("gives tfjs-layers' predictions for the shipped model on every strip digit", async () => {
		const shipped = await tfl.loadLayersModel(modelFromDisk('public/models/cnn'));
		for (const digit of digits) {
			const expected = tf.tidy(() => (shipped.predict(tf.tensor4d(digit.pixels.flat(), [1, 28, 28, 1])) as tf.Tensor).dataSync());
			const { probabilities } = forwardCnn(weights, digit.pixels);
			expect(maxDifference(probabilities, expected), `digit labelled ${digit.label}`).toBeLessThan(1e-5);
			expect(Array.from(probabilities).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
		}
		shipped.dispose();
	});

	it('classifies the strip digits as labelled, with the shapes and parameter counts of part 3', () => {
		const correct = digits.filter((d) => {
			const p = forwardCnn(weights, d.pixels).probabilities;
			return p.indexOf(Math.max(...p)) === d.label;
		});
		expect(correct.length).toBeGreaterThanOrEqual(19);
		const a = forwardCnn(weights, digits[0]!.pixels);
		const shape = (m: { channels: number; height: number; width: number }) => [m.channels, m.height, m.width];
		expect([a.conv1, a.pool1, a.conv2, a.pool2, a.conv3].map(shape)).toEqual([
			[32, 26, 26],
			[32, 13, 13],
			[64, 11, 11],
			[64, 5, 5],
			[64, 3, 3],
		]);
		expect([a.flat.length, a.dense.length, a.probabilities.length]).toEqual([576, 64, 10]);
		const counts = parameterCounts(weights);
		expect(counts).toEqual({ conv1: 320, conv2: 18_496, conv3: 36_928, dense: 36_928, output: 650 });
		expect(Object.values(counts).reduce((s, n) => s + n, 0)).toBe(93_322);
	});

	it('sums a conv2 output channel by channel: b + Σ_c s_c before the ReLU', () => {
		const a = forwardCnn(weights, digits[6]!.pixels);
		const [k, i, j] = [5, 4, 6];
		const z = Array.from({ length: 32 }, (_, c) => channelSum(a.pool1, weights.conv2, k, i, j, c)).reduce((s, v) => s + v, weights.conv2.bias[k]!);
		expect(valueAt(a.conv2, k, i, j)).toBeCloseTo(Math.max(0, z), 12);
	});
});

describe("the widget's tfjs forward pass", () => {
	it('matches the reference at every layer and releases every tensor', async () => {
		for (const digit of [digits[1]!, digits[14]!]) {
			const before = tf.memory().numTensors;
			const got = await cnnForward(tf, weights, digit.pixels);
			expect(tf.memory().numTensors).toBe(before);
			const want = forwardCnn(weights, digit.pixels);
			for (const layer of ['conv1', 'pool1', 'conv2', 'pool2', 'conv3'] as const)
				expect(maxDifference(got[layer].values, want[layer].values), layer).toBeLessThan(1e-4);
			for (const layer of ['flat', 'dense', 'logits', 'probabilities'] as const) expect(maxDifference(got[layer], want[layer]), layer).toBeLessThan(1e-4);
		}
	});
});

describe('a model of another architecture', () => {
	it('is refused with every difference named', () => {
		const edited: LayersWeights = { layers: model.layers.map((l) => ({ ...l, settings: { ...l.settings } })), weights: new Map(model.weights) };
		edited.layers[6]!.settings.activation = '"tanh"';
		const dense = edited.layers[6]!.name;
		edited.weights.set(`${dense}/kernel`, { ...model.weights.get(`${dense}/kernel`)!, shape: [576, 32] });
		let error: unknown;
		try {
			seedCnnWeights(edited);
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(ArchitectureMismatch);
		expect((error as ArchitectureMismatch).differences).toEqual([
			'layer 7 (Dense) has activation "tanh", the seed\'s "relu"',
			"layer 7 (Dense) has a kernel of [576,32], the seed's is [576,64]",
		]);
		const shorter: LayersWeights = { layers: model.layers.slice(0, 5), weights: model.weights };
		expect(() => seedCnnWeights(shorter)).toThrow('5 layers, the seed has 8');
	});
});

describe('the CNN classifying many digits at once (the confusion matrix of the reader’s model)', () => {
	it("predicts the card's classes for the first 400 held-out digits, in batches, and leaves no tensor behind", async () => {
		const test = decodeMnistSplit(new Uint8Array(readFileSync('public/generated/mnist-test.bin')), 2000);
		const card = JSON.parse(readFileSync('public/models/cnn/card.json', 'utf8')) as { heldOut: { predictions: string } };
		const before = tf.memory().numTensors;
		const classes = await cnnClasses(tf, weights, test.images.subarray(0, 400 * 784), 400);
		expect(tf.memory().numTensors).toBe(before);
		expect(Array.from(classes).join('')).toBe(card.heldOut.predictions.slice(0, 400));
	});
});
