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
