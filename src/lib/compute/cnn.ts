/**
 * The seed CNN's forward pass with tfjs ops, keeping every layer's output (the layer-by-layer widget shows them all).
 * Same semantics as src/lib/reference/cnn.ts (the unit tests hold it to that); every tensor is released.
 */
import type * as TF from '@tensorflow/tfjs-core';
import type { CnnActivations, CnnWeights, ConvWeights, DenseWeights, FeatureMaps } from '../reference/cnn';
import type { Matrix } from '../reference/matrix';

export async function cnnForward(tf: typeof TF, w: CnnWeights, image: Matrix): Promise<CnnActivations> {
	const outputs = tf.tidy(() => {
		const conv = (x: TF.Tensor4D, layer: ConvWeights) =>
			tf.relu(tf.add(tf.conv2d(x, tf.tensor4d(layer.kernel, layer.shape), 1, 'valid'), tf.tensor1d(layer.bias))) as TF.Tensor4D;
		const pool = (x: TF.Tensor4D) => tf.maxPool(x, 2, 2, 'valid');
		const dense = (x: TF.Tensor2D, layer: DenseWeights) =>
			tf.add(tf.matMul(x, tf.tensor2d(layer.kernel, [layer.inputs, layer.units])), tf.tensor1d(layer.bias)) as TF.Tensor2D;
		const input = tf.tensor4d(image.flat(), [1, image.length, image[0]?.length ?? 0, 1]);
		const conv1 = conv(input, w.conv1);
		const pool1 = pool(conv1);
		const conv2 = conv(pool1, w.conv2);
		const pool2 = pool(conv2);
		const conv3 = conv(pool2, w.conv3);
		const flat = tf.reshape(conv3, [1, -1]) as TF.Tensor2D;
		const hidden = tf.relu(dense(flat, w.dense)) as TF.Tensor2D;
		const logits = dense(hidden, w.output);
		return { input, conv1, pool1, conv2, pool2, conv3, hidden, logits, probabilities: tf.softmax(logits) };
	});
	try {
		const maps = async (t: TF.Tensor): Promise<FeatureMaps> => {
			const [, height, width, channels] = t.shape as number[];
			return { height: height!, width: width!, channels: channels!, values: (await t.data()) as Float32Array };
		};
		const vector = async (t: TF.Tensor) => (await t.data()) as Float32Array;
		const [input, conv1, pool1, conv2, pool2, conv3] = await Promise.all(
			[outputs.input, outputs.conv1, outputs.pool1, outputs.conv2, outputs.pool2, outputs.conv3].map(maps),
		);
		const [dense, logits, probabilities] = await Promise.all([outputs.hidden, outputs.logits, outputs.probabilities].map(vector));
		return {
			input: input!,
			conv1: conv1!,
			pool1: pool1!,
			conv2: conv2!,
			pool2: pool2!,
			conv3: conv3!,
			flat: conv3!.values,
			dense: dense!,
			logits: logits!,
			probabilities: probabilities!,
		};
	} finally {
		tf.dispose(Object.values(outputs));
	}
}

/** Images per batch when classifying many: 200 digits' activations stay within a few MB on every backend. */
const BATCH = 200;

/**
 * The class the seed CNN predicts (the largest logit; the first on a tie) for each of `count` 28 × 28 images in
 * `images` (row-major intensities in [0, 1], image after image), in batches; every tensor is released.
 */
export async function cnnClasses(tf: typeof TF, w: CnnWeights, images: Float32Array, count: number): Promise<Uint8Array> {
	const classes = new Uint8Array(count);
	const side = Math.round(Math.sqrt(images.length / Math.max(1, count)));
	const kernels = tf.tidy(() => ({
		conv1: tf.tensor4d(w.conv1.kernel, w.conv1.shape),
		conv2: tf.tensor4d(w.conv2.kernel, w.conv2.shape),
		conv3: tf.tensor4d(w.conv3.kernel, w.conv3.shape),
		dense: tf.tensor2d(w.dense.kernel, [w.dense.inputs, w.dense.units]),
		output: tf.tensor2d(w.output.kernel, [w.output.inputs, w.output.units]),
	}));
	try {
		for (let start = 0; start < count; start += BATCH) {
			const n = Math.min(BATCH, count - start);
			const best = tf.tidy(() => {
				const conv = (x: TF.Tensor4D, kernel: TF.Tensor4D, bias: Float32Array) =>
					tf.relu(tf.add(tf.conv2d(x, kernel, 1, 'valid'), tf.tensor1d(bias))) as TF.Tensor4D;
				const pool = (x: TF.Tensor4D) => tf.maxPool(x, 2, 2, 'valid');
				const x = tf.tensor4d(images.subarray(start * side * side, (start + n) * side * side), [n, side, side, 1]);
				const c3 = conv(pool(conv(pool(conv(x, kernels.conv1, w.conv1.bias)), kernels.conv2, w.conv2.bias)), kernels.conv3, w.conv3.bias);
				const hidden = tf.relu(tf.add(tf.matMul(tf.reshape(c3, [n, -1]) as TF.Tensor2D, kernels.dense), tf.tensor1d(w.dense.bias)));
				const logits = tf.add(tf.matMul(hidden as TF.Tensor2D, kernels.output), tf.tensor1d(w.output.bias));
				return tf.argMax(logits, 1);
			});
			classes.set(await best.data(), start);
			best.dispose();
		}
		return classes;
	} finally {
		tf.dispose(Object.values(kernels));
	}
}
