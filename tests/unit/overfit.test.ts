/**
 * Part 2's overfitting demo: the hand-written gradient of the regression network against tf.grads, a replayable run,
 * the text's claims about the shipped first frame (the validation error climbs after an early minimum with 12 points
 * and 32 units; more points, fewer units or weight decay narrow the gap), and the view over the corners of its
 * inputs (never NaN or ∞ on screen).
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../src/content/i18n/en.json';
import zh from '../../src/content/i18n/zh-CN.json';
import { initialState, optimizerStep } from '../../src/lib/reference/optimizers';
import {
	ADAM,
	dataOf,
	initialParameters,
	lossAndGradient,
	RegressionRun,
	samples,
	VALIDATION_SIZE,
	type RegressionConfig,
} from '../../src/lib/reference/regression';
import { overfitResult, overfitRun } from '../../src/lib/widgets/overfit/result';
import { NOISE, OVERFIT_LIMITS, overfitSpec, type OverfitState } from '../../src/lib/widgets/overfit/state';
import { OVERFIT_STRINGS, overfitView } from '../../src/lib/widgets/overfit/view';
import { QUANTITY_STRINGS } from '../../src/lib/widgets/quantity-fields';
import { defaultState } from '../../src/lib/widgets/url-state';
import { widgetStrings } from '../../src/lib/widgets/view';

beforeAll(async () => {
	await tf.setBackend('cpu');
});

const strings = (locale: Record<string, string>) => {
	const t = ((key: string) => locale[key] ?? `MISSING ${key}`) as never;
	return { ...widgetStrings(t, 'calc', QUANTITY_STRINGS), ...widgetStrings(t, 'of', OVERFIT_STRINGS) };
};

const config = (change: Partial<RegressionConfig> = {}): RegressionConfig => ({ trainSize: 12, hidden: 32, weightDecay: 0, noise: NOISE, seed: 1, ...change });

describe('the regression network', () => {
	it.each([
		[5, 3, 0],
		[12, 8, 0.01],
		[30, 1, 0.5],
	])('its gradient is tf.grads’ (n = %i, H = %i, λ = %f)', (n, hidden, weightDecay) => {
		const points = samples(n, NOISE, 3);
		const theta = initialParameters(hidden, 4);
		const { loss, gradient } = lossAndGradient(theta, hidden, points, weightDecay);
		const expected = tf.tidy(() => {
			const u = tf.tensor2d(points.x.map((x) => [2 * x - 1]));
			const y = tf.tensor1d(points.y);
			const f = (w: tf.Tensor, b: tf.Tensor, v: tf.Tensor, c: tf.Tensor) => {
				const h = tf.tanh(tf.add(tf.mul(u, w), b));
				const out = tf.add(tf.sum(tf.mul(h, v), 1), c);
				const mse = tf.mean(tf.square(tf.sub(out, y)));
				return tf.add(mse, tf.mul(weightDecay / 2, tf.add(tf.sum(tf.square(w)), tf.sum(tf.square(v)))));
			};
			const H = hidden;
			const args = [tf.tensor1d(theta.slice(0, H)), tf.tensor1d(theta.slice(H, 2 * H)), tf.tensor1d(theta.slice(2 * H, 3 * H)), tf.scalar(theta[3 * H]!)];
			const value = f(...(args as [tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor])).dataSync()[0]!;
			const grads = tf
				.grads(f as (...a: tf.Tensor[]) => tf.Tensor)(args)
				.flatMap((g) => Array.from(g.dataSync()));
			return { value, grads };
		});
		expect(loss).toBeCloseTo(expected.value, 4);
		expect(gradient).toHaveLength(expected.grads.length);
		gradient.forEach((g, i) => expect(g, `component ${i}`).toBeCloseTo(expected.grads[i]!, 4));
	});

	it('its in-place Adam is optimizerStep’s (itself tested against tf.train.adam), to the last bit', () => {
		const c = config({ weightDecay: 0.01 });
		const run = new RegressionRun(c).advanceTo(25);
		const { train } = dataOf(c);
		let theta = initialParameters(c.hidden, c.seed);
		let state = initialState(theta.length);
		for (let t = 0; t < 25; t++) {
			const step = optimizerStep(ADAM, state, theta, lossAndGradient(theta, c.hidden, train, c.weightDecay).gradient);
			state = step.state;
			theta = step.detail.after;
		}
		expect(Array.from(run.theta)).toEqual(theta);
	});

	it('replays: the same configuration gives the same run; a larger n keeps the first points', () => {
		const a = new RegressionRun(config()).advanceTo(200);
		const b = new RegressionRun(config()).advanceTo(200);
		expect(a.theta).toEqual(b.theta);
		expect(a.curve).toEqual(b.curve);
		const more = new RegressionRun(config({ trainSize: 20 }));
		expect(more.data.train.x.slice(0, 12)).toEqual(a.data.train.x);
		expect(more.data.validation.x).toHaveLength(VALIDATION_SIZE);
	});

	it('what the chapter says of it: with 12 points and 32 units validation climbs after an early minimum; more points, fewer units or weight decay narrow the gap', () => {
		const gapAt2000 = (change: Partial<RegressionConfig>) => {
			const run = new RegressionRun(config(change)).advanceTo(2000);
			const now = run.errors();
			return { run, now, gap: now.validation - now.train };
		};
		const shipped = gapAt2000({});
		const best = shipped.run.bestValidation();
		expect(best.step).toBeLessThan(500);
		expect(shipped.now.validation).toBeGreaterThan(3 * best.validation);
		expect(shipped.now.train).toBeLessThan(shipped.run.curve[50]!.train);
		for (const change of [{ trainSize: 200 }, { hidden: 4 }, { weightDecay: 0.001 }])
			expect(gapAt2000(change).gap, JSON.stringify(change)).toBeLessThan(shipped.gap / 2);
		// the noise floor: with 200 points the validation error settles near σ² = 0.09
		expect(gapAt2000({ trainSize: 200 }).now.validation).toBeGreaterThan(0.08);
	});
});

describe('the view', () => {
	it('the first frame: the run after 2,000 steps, its errors in the readout, the formula and the table', () => {
		const state = defaultState(overfitSpec);
		const result = overfitResult(state, overfitRun(state));
		const view = overfitView(result, strings(en));
		const now = new RegressionRun(config()).advanceTo(2000).errors();
		expect(Number(view.formulas['of-formula']!.data!.validation)).toBe(now.validation);
		expect(view.texts['of-readout']).toBe(
			`Step 2000: training error ${Number(now.train.toPrecision(3))}, validation error ${Number(now.validation.toPrecision(3))}, a gap of ${Number((now.validation - now.train).toPrecision(3))}.`,
		);
		expect(view.tables['of-curve']!.rows.at(-1)!.label).toBe('step 2000');
	});

	it('continues a run while playing and starts anew when the configuration changes', () => {
		const state = defaultState(overfitSpec);
		const run = overfitRun({ ...state, steps: 100 });
		expect(overfitRun({ ...state, steps: 110 }, run)).toBe(run);
		expect(overfitRun({ ...state, steps: 50 }, run)).not.toBe(run);
		expect(overfitRun({ ...state, hidden: 8, steps: 120 }, run)).not.toBe(run);
	});

	it('at the corners of the inputs: finite numbers only, in both languages', () => {
		const base = defaultState(overfitSpec);
		for (const locale of [en, zh])
			for (const trainSize of OVERFIT_LIMITS.trainSize)
				for (const hidden of OVERFIT_LIMITS.hidden)
					for (const weightDecay of OVERFIT_LIMITS.weightDecay)
						for (const steps of [0, 1, 40]) {
							const state: OverfitState = { ...base, trainSize, hidden, weightDecay, steps };
							const view = overfitView(overfitResult(state, overfitRun(state)), strings(locale));
							const shown = JSON.stringify([view.texts, view.formulas, view.tables, view.curves, view.fit]);
							expect(shown, JSON.stringify(state)).not.toMatch(/NaN|Infinity|\\infty|undefined|MISSING|null/);
						}
	});
});
