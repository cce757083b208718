/**
 * The 2-3-1 network's hand-written backward pass against tfjs's tf.grads on the same forward pass, for several inputs,
 * weights and targets; and one update lowers the loss for a small learning rate.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
// tfjs-core alone registers no gradients (the full tfjs bundle does): tf.grads needs them.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/lib/reference/random';
import { backward, forward, updated, type TinyNetwork } from '../../src/lib/reference/tiny-network';

beforeAll(async () => {
	await tf.setBackend('cpu');
});

function randomNetwork(seed: number): TinyNetwork {
	const next = seededRandom(seed);
	const r = () => next() * 2 - 1;
	return { w1: [0, 1, 2].map(() => [r(), r()]), b1: [r(), r(), r()], w2: [r(), r(), r()], b2: r() };
}

/** The same network in tf ops: its gradients by tf.grads. */
function tfGradients(net: TinyNetwork, x: [number, number], target: number) {
	return tf.tidy(() => {
		const loss = (w1: tf.Tensor, b1: tf.Tensor, w2: tf.Tensor, b2: tf.Tensor) => {
			const h = tf.sigmoid(tf.add(tf.reshape(tf.matMul(w1, tf.tensor2d([[x[0]], [x[1]]])), [3]), b1));
			const output = tf.add(tf.sum(tf.mul(w2, h)), b2);
			return tf.mul(0.5, tf.square(tf.sub(output, target)));
		};
		const grads = tf.grads(loss as (...args: tf.Tensor[]) => tf.Tensor)([tf.tensor2d(net.w1), tf.tensor1d(net.b1), tf.tensor1d(net.w2), tf.scalar(net.b2)]);
		return grads.map((g) => Array.from(g.dataSync()));
	});
}

describe('the 2-3-1 network', () => {
	it.each([
		[1, [0.5, -1.2], 1],
		[2, [2, 0.3], -0.5],
		[3, [-1.5, -0.7], 0.25],
	] as const)('seed %i: every gradient equals tf.grads to 1e-6', (seed, x, target) => {
		const net = randomNetwork(seed);
		const ours = backward(net, [x[0], x[1]], target);
		const [w1, b1, w2, b2] = tfGradients(net, [x[0], x[1]], target);
		const pairs: [number[], number[]][] = [
			[ours.w1.flat(), w1!],
			[ours.b1, b1!],
			[ours.w2, w2!],
			[[ours.b2], b2!],
		];
		for (const [a, b] of pairs) {
			expect(a).toHaveLength(b.length);
			a.forEach((v, i) => expect(Math.abs(v - b[i]!), `${v} vs ${b[i]}`).toBeLessThan(1e-6));
		}
		// and each W₁ gradient is the product of its chain-rule factors
		expect(ours.w1[1]![0]).toBeCloseTo(ours.dOutput * net.w2[1]! * ours.slope[1]! * x[0], 12);
	});

	it('one step of gradient descent lowers the loss for a small learning rate', () => {
		const net = randomNetwork(4);
		const x: [number, number] = [0.8, -0.4];
		const before = forward(net, x, 1).loss;
		const after = forward(updated(net, backward(net, x, 1), 0.1), x, 1).loss;
		expect(after).toBeLessThan(before);
	});
});
