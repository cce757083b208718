import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
// tfjs-core alone registers no gradients (the tfjs umbrella package and tfjs-layers do).
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerWasmTrainingKernels } from '../../src/lib/compute/wasm-training-kernels';
import { seededRandom } from '../../src/lib/reference/random';

/** The training kernels we add to WASM against the CPU backend's own kernels. */
const cases = [
	{ x: [2, 7, 7, 1], k: [3, 3, 1, 4], stride: 1, pad: 'valid' as const },
	{ x: [2, 8, 8, 3], k: [3, 3, 3, 5], stride: 2, pad: 'same' as const }, // uneven padding at the borders
	{ x: [1, 9, 9, 2], k: [2, 2, 2, 3], stride: 3, pad: 'valid' as const }, // stride larger than the kernel
	{ x: [3, 5, 5, 2], k: [5, 5, 2, 2], stride: 1, pad: 'valid' as const }, // kernel as large as the input
	{ x: [2, 6, 6, 4], k: [1, 1, 4, 3], stride: 1, pad: 'same' as const }, // 1×1 kernel: a single tap
	{ x: [2, 6, 7, 2], k: [2, 2, 2, 3], stride: 1, pad: 'same' as const }, // even kernel: padding only at the end
	{ x: [2, 6, 6, 3], k: [3, 3, 3, 2], stride: 1, pad: 'same' as const },
	{ x: [4, 28, 28, 1], k: [3, 3, 1, 32], stride: 1, pad: 'valid' as const }, // the CNN example's first layer
];

function randomTensor(shape: number[], seed: number) {
	const next = seededRandom(seed);
	return tf.tensor(
		Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => next() * 2 - 1),
		shape,
	);
}

async function gradients(backend: 'cpu' | 'wasm', c: (typeof cases)[number], seed: number) {
	expect(await tf.setBackend(backend)).toBe(true);
	const before = tf.memory().numTensors;
	const x = randomTensor(c.x, seed) as tf.Tensor4D;
	const filter = randomTensor(c.k, seed + 1) as tf.Tensor4D;
	// Gradients of Σ (conv(x, W) ⊙ R) for a fixed random R: the backward pass gets a non-trivial dy.
	const probe = tf.tidy(() => randomTensor(tf.conv2d(x, filter, c.stride, c.pad).shape, seed + 2));
	const [dx, dw] = tf.grads((a: tf.Tensor, w: tf.Tensor) => tf.sum(tf.mul(tf.conv2d(a as tf.Tensor4D, w as tf.Tensor4D, c.stride, c.pad), probe)))([x, filter]);
	const result = { input: await dx!.data(), filter: await dw!.data(), shapes: [dx!.shape, dw!.shape] };
	tf.dispose([x, filter, probe, dx!, dw!]);
	expect(tf.memory().numTensors, 'tensors left behind').toBe(before);
	return result;
}

function worstDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
	expect(a.length).toBe(b.length);
	let worst = 0;
	for (let j = 0; j < a.length; j++) worst = Math.max(worst, Math.abs(a[j]! - b[j]!));
	return worst;
}

beforeAll(async () => {
	// In Node the binaries are read from the package's own dist folder.
	setWasmPaths(fileURLToPath(new URL('../../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url)));
	registerWasmTrainingKernels();
	expect(await tf.setBackend('wasm')).toBe(true);
});

describe('convolution gradients on WASM', () => {
	cases.forEach((c, i) => {
		it(`matches the CPU backend: input ${c.x.join('×')}, filter ${c.k.join('×')}, stride ${c.stride}, ${c.pad}`, async () => {
			const cpu = await gradients('cpu', c, 10 * i + 1);
			const wasm = await gradients('wasm', c, 10 * i + 1);
			expect(wasm.shapes).toEqual([c.x, c.k]);
			expect(worstDifference(wasm.filter, cpu.filter), 'filter gradient').toBeLessThan(1e-3);
			expect(worstDifference(wasm.input, cpu.input), 'input gradient').toBeLessThan(1e-4);
		});
	});

	it('leaves no data behind in the WASM heap', async () => {
		expect(await tf.setBackend('wasm')).toBe(true);
		const before = tf.memory();
		await gradients('wasm', cases[0]!, 98); // the stride-1 path of the input gradient
		await gradients('wasm', cases[1]!, 99);
		expect(tf.memory().numDataBuffers).toBe(before.numDataBuffers);
	});
});

describe('unsorted segment sum on WASM (the gradient of gather, i.e. of an embedding lookup)', () => {
	async function embeddingGradient(backend: 'cpu' | 'wasm') {
		expect(await tf.setBackend(backend)).toBe(true);
		const before = tf.memory().numTensors;
		const table = randomTensor([50, 8], 7) as tf.Tensor2D;
		// Repeated ids (their gradients add up), the padding id 0, and ids that never occur (zero rows).
		const ids = tf.tensor2d(
			[
				[3, 3, 0, 49],
				[7, 3, 12, 0],
			],
			[2, 4],
			'int32',
		);
		const probe = randomTensor([2, 4, 8], 8);
		const gradient = tf.grad((t: tf.Tensor) => tf.sum(tf.mul(tf.gather(t, ids), probe)))(table);
		const values = await gradient.data();
		tf.dispose([table, ids, probe, gradient]);
		expect(tf.memory().numTensors, 'tensors left behind').toBe(before);
		return values;
	}

	it('matches the CPU backend', async () => {
		expect(worstDifference(await embeddingGradient('wasm'), await embeddingGradient('cpu'))).toBeLessThan(1e-5);
	});

	it('drops rows whose id is out of range, as TensorFlow does', async () => {
		expect(await tf.setBackend('wasm')).toBe(true);
		const x = tf.tensor2d([
			[1, 2],
			[3, 4],
			[5, 6],
		]);
		const ids = tf.tensor1d([1, -1, 5], 'int32');
		const sum = tf.unsortedSegmentSum(x, ids, 2);
		expect(Array.from(await sum.data())).toEqual([0, 0, 1, 2]);
		tf.dispose([x, ids, sum]);
	});
});
