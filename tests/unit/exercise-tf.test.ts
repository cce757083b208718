/**
 * The two part-4 exercises that use TensorFlow.js, checked with tfjs itself in Node (CPU backend): a gradient by
 * automatic differentiation agrees with the hand-derived reference within the stated float32 tolerance and a wrong
 * one fails; the reference's model summary (src/lib/reference/model-summary.ts) is what tfjs reports, layer by
 * layer, for the exercise's model and for part 4's CNN (93,322 parameters, as the chapter says).
 */
import * as tfc from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/lib/exercises/checks';
import { grade, outcomesOf } from '../../src/lib/exercises/grade';
import { problemSentence } from '../../src/lib/exercises/compare';
import { summaryOfModel } from '../../src/lib/exercises/model-summary-of';
import { sequentialSummary } from '../../src/lib/reference/model-summary';

beforeAll(async () => {
	expect(await tfc.setBackend('cpu')).toBe(true);
});

/** A reader's solution: the loss as a function of w and b, and tf.grads for both. */
function lossGradient(w: number[], b: number, X: number[][], y: number[], scale = 1) {
	return tfc.tidy(() => {
		const [Xt, yt] = [tfc.tensor2d(X), tfc.tensor1d(y)];
		const loss = (wt: tfc.Tensor, bt: tfc.Tensor) =>
			tfc.mul(tfc.mean(tfc.square(tfc.sub(tfc.add(tfc.squeeze(tfc.matMul(Xt, tfc.reshape(wt, [-1, 1])), [1]), bt), yt))), scale);
		const [dw, db] = tfc.grads(loss)([tfc.tensor1d(w), tfc.scalar(b)]);
		return { dw: Array.from(dw!.dataSync()), db: db!.dataSync()[0]! };
	});
}

describe('tf-gradient', () => {
	const check = CHECKS['tf-gradient'];
	const cases = check.cases();
	it('tf.grads agrees with the reference within 1e-4, and leaks no tensor', () => {
		const before = tfc.memory().numTensors;
		expect(grade(check, cases, outcomesOf(lossGradient, cases))).toEqual({ passed: cases.length, total: cases.length });
		expect(tfc.memory().numTensors).toBe(before);
	});
	it('the sum instead of the mean (no 1/n) fails, and says where', () => {
		const { failure } = grade(
			check,
			cases,
			outcomesOf((w: number[], b: number, X: number[][], y: number[]) => lossGradient(w, b, X, y, X.length), cases),
		);
		expect(failure?.index).toBe(0);
		expect(problemSentence(failure!.problem!)).toMatch(/^3 of 3 entries differ, first at \.dw\[0\]/);
	});
});

describe('tf-model', () => {
	const check = CHECKS['tf-model'];
	const build = (dense = 10) =>
		tfl.sequential({
			layers: [
				tfl.layers.conv2d({ inputShape: [32, 32, 3], filters: 16, kernelSize: 5, padding: 'same', activation: 'relu' }),
				tfl.layers.maxPooling2d({ poolSize: 2 }),
				tfl.layers.conv2d({ filters: 32, kernelSize: 3, activation: 'relu' }),
				tfl.layers.maxPooling2d({ poolSize: 2 }),
				tfl.layers.flatten(),
				tfl.layers.dense({ units: dense, activation: 'softmax' }),
			],
		});
	it('the model described passes, with the summary tfjs reports (21,546 parameters)', () => {
		const model = build();
		const summary = summaryOfModel(model);
		expect(summary.layers.reduce((n, l) => n + l.params, 0)).toBe(21546);
		expect(model.countParams()).toBe(21546);
		expect(grade(check, check.cases(), [{ value: structuredClone(summary) }])).toEqual({ passed: 1, total: 1 });
		model.dispose();
	});
	it("'valid' instead of 'same' in the first layer fails at that layer's output shape", () => {
		const model = tfl.sequential({
			layers: [
				tfl.layers.conv2d({ inputShape: [32, 32, 3], filters: 16, kernelSize: 5 }),
				tfl.layers.maxPooling2d({ poolSize: 2 }),
				tfl.layers.conv2d({ filters: 32, kernelSize: 3 }),
				tfl.layers.maxPooling2d({ poolSize: 2 }),
				tfl.layers.flatten(),
				tfl.layers.dense({ units: 10 }),
			],
		});
		const { failure } = grade(check, check.cases(), [{ value: structuredClone(summaryOfModel(model)) }]);
		expect(problemSentence(failure!.problem!)).toMatch(/^\d+ of \d+ entries differ, first at \.layers\[0\]\.outputShape\[1\]: expected 32, got 28/);
		model.dispose();
	});
	it("the reference summary is tfjs's for part 4's CNN too: 93,322 parameters", () => {
		const cnn = tfl.sequential({
			layers: [
				tfl.layers.conv2d({ inputShape: [28, 28, 1], filters: 32, kernelSize: 3, activation: 'relu' }),
				tfl.layers.maxPooling2d({ poolSize: 2 }),
				tfl.layers.conv2d({ filters: 64, kernelSize: 3, activation: 'relu' }),
				tfl.layers.maxPooling2d({ poolSize: 2 }),
				tfl.layers.conv2d({ filters: 64, kernelSize: 3, activation: 'relu' }),
				tfl.layers.flatten(),
				tfl.layers.dense({ units: 64, activation: 'relu' }),
				tfl.layers.dense({ units: 10, activation: 'softmax' }),
			],
		});
		const reference = sequentialSummary(
			[28, 28, 1],
			[
				{ kind: 'conv2d', filters: 32, kernelSize: 3, padding: 'valid' },
				{ kind: 'maxPooling2d', poolSize: 2 },
				{ kind: 'conv2d', filters: 64, kernelSize: 3, padding: 'valid' },
				{ kind: 'maxPooling2d', poolSize: 2 },
				{ kind: 'conv2d', filters: 64, kernelSize: 3, padding: 'valid' },
				{ kind: 'flatten' },
				{ kind: 'dense', units: 64 },
				{ kind: 'dense', units: 10 },
			],
		);
		expect(structuredClone(summaryOfModel(cnn).layers)).toEqual(reference);
		expect(reference.reduce((n, l) => n + l.params, 0)).toBe(93322);
		cnn.dispose();
	});
});
