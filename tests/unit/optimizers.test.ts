/**
 * Part 2's optimizers in plain TypeScript against tfjs's own (tf.train.sgd, momentum, adam) on the same steps: the
 * tfjs run differentiates the loss itself (Rosenbrock written in tf ops), so both the gradient and the update are
 * checked. And the gradient-descent runs the page will draw: divergence where the theory says, a replayable noisy run.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
// tfjs-core alone registers no gradients (the full tfjs bundle does): tf.train's minimize needs them.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { beforeAll, describe, expect, it } from 'vitest';
import { descend } from '../../src/lib/reference/descent';
import { batchGradient, NOISY_EXAMPLES, SURFACES } from '../../src/lib/reference/loss-surfaces';
import { initialState, optimizerStep, type OptimizerSpec } from '../../src/lib/reference/optimizers';

beforeAll(async () => {
	await tf.setBackend('cpu');
});

const SPECS: OptimizerSpec[] = [
	{ kind: 'sgd', learningRate: 0.001 },
	{ kind: 'momentum', learningRate: 0.0005, momentum: 0.9 },
	{ kind: 'adam', learningRate: 0.05, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 },
];

function tfOptimizer(spec: OptimizerSpec): tf.Optimizer {
	if (spec.kind === 'sgd') return tf.train.sgd(spec.learningRate);
	if (spec.kind === 'momentum') return tf.train.momentum(spec.learningRate, spec.momentum);
	return tf.train.adam(spec.learningRate, spec.beta1, spec.beta2, spec.epsilon);
}

describe.each(SPECS)('$kind against tfjs', (spec) => {
	it('40 steps on Rosenbrock from (−1.2, 1) follow the same path to float32 precision', () => {
		const x = tf.variable(tf.scalar(-1.2));
		const y = tf.variable(tf.scalar(1));
		const optimizer = tfOptimizer(spec);
		let state = initialState(2);
		let theta = [-1.2, 1];
		for (let step = 0; step < 40; step++) {
			optimizer.minimize(() => tf.tidy(() => tf.add(tf.square(tf.sub(1, x)), tf.mul(100, tf.square(tf.sub(y, tf.square(x)))))) as tf.Scalar);
			const next = optimizerStep(spec, state, theta, SURFACES.rosenbrock.gradient(theta[0]!, theta[1]!));
			state = next.state;
			theta = next.detail.after;
			const ours = theta;
			const theirs = [x.dataSync()[0]!, y.dataSync()[0]!];
			for (let i = 0; i < 2; i++)
				expect(Math.abs(ours[i]! - theirs[i]!), `step ${step + 1}, θ${i}: ${ours[i]} vs ${theirs[i]}`).toBeLessThan(1e-4 * Math.max(1, Math.abs(theirs[i]!)));
		}
		optimizer.dispose();
		x.dispose();
		y.dispose();
	});
});

describe('gradient descent on the surfaces', () => {
	it('each surface’s gradient is its loss’s (central differences)', () => {
		for (const surface of Object.values(SURFACES))
			for (const [x, y] of [
				[0.3, -0.7],
				[-1.1, 2],
				[1.7, 0.2],
			] as const) {
				const h = 1e-6;
				const [gx, gy] = surface.gradient(x, y);
				expect((surface.loss(x + h, y) - surface.loss(x - h, y)) / (2 * h)).toBeCloseTo(gx, 4);
				expect((surface.loss(x, y + h) - surface.loss(x, y - h)) / (2 * h)).toBeCloseTo(gy, 4);
			}
		// the minibatch gradient over every example is the full gradient
		const all = Array.from({ length: NOISY_EXAMPLES }, (_, i) => i);
		expect(batchGradient(0.4, -0.2, all)[0]).toBeCloseTo(SURFACES.noisy.gradient(0.4, -0.2)[0], 12);
		expect(batchGradient(0.4, -0.2, all)[1]).toBeCloseTo(SURFACES.noisy.gradient(0.4, -0.2)[1], 12);
	});

	it('on the valley (curvature 25) plain SGD converges for η < 2/25 and diverges above it', () => {
		const below = descend('valley', { kind: 'sgd', learningRate: 0.079 }, [2, 1], 2000, 1);
		expect(below.divergedAt).toBeUndefined();
		expect(below.losses.at(-1)!).toBeLessThan(1e-6);
		const above = descend('valley', { kind: 'sgd', learningRate: 0.081 }, [2, 1], 2000, 1);
		expect(above.divergedAt).toBeDefined();
	});

	it('a noisy run replays exactly from its seed, and another seed draws other minibatches', () => {
		const spec: OptimizerSpec = { kind: 'sgd', learningRate: 0.02 };
		const a = descend('noisy', spec, [2.5, 1.5], 100, 7);
		expect(descend('noisy', spec, [2.5, 1.5], 100, 7).path).toEqual(a.path);
		expect(descend('noisy', spec, [2.5, 1.5], 100, 8).path).not.toEqual(a.path);
		// the noise does not stop it from getting near the minimum
		expect(Math.hypot(...a.path.at(-1)!)).toBeLessThan(0.5);
	});

	it('Adam reaches Rosenbrock’s minimum (1, 1) from the classic start (−1.2, 1)', () => {
		const run = descend('rosenbrock', { kind: 'adam', learningRate: 0.02, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 }, [-1.2, 1], 5000, 1);
		const [x, y] = run.path.at(-1)!;
		expect(Math.hypot(x - 1, y - 1)).toBeLessThan(0.05);
	});
});
