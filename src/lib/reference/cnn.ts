/**
 * The part-4 CNN's forward pass in plain TypeScript (Conv2D 32 → MaxPool → Conv2D 64 → MaxPool → Conv2D 64 →
 * Flatten → Dense 64 → Dense 10): what the layer-by-layer widget's numbers are checked against, and its first frame.
 * Tensors are stored as tfjs stores them, channels last (HWC), so weights read from a tfjs model file are used as they
 * are; arithmetic in float64.
 */
import { softmax } from './attention';
import type { Matrix } from './matrix';

/** A stack of feature maps: `channels` maps of height × width, value (c, i, j) at `values[(i·width + j)·channels + c]`. */
export interface FeatureMaps {
	height: number;
	width: number;
	channels: number;
	values: Float64Array | Float32Array;
}

/** A 3 × 3 (or any kh × kw) convolution's weights as tfjs stores them: kernel [kh, kw, inChannels, outChannels]. */
export interface ConvWeights {
	shape: [kh: number, kw: number, inChannels: number, outChannels: number];
	kernel: Float32Array;
	bias: Float32Array;
}

/** A dense layer: kernel [inputs, units] (row-major), bias [units]. */
export interface DenseWeights {
	inputs: number;
	units: number;
	kernel: Float32Array;
	bias: Float32Array;
}

/** The seed CNN's weights, layer by layer. */
export interface CnnWeights {
	conv1: ConvWeights;
	conv2: ConvWeights;
	conv3: ConvWeights;
	dense: DenseWeights;
	output: DenseWeights;
}

/** Every layer's output for one image: what the widget shows. */
export interface CnnActivations {
	input: FeatureMaps;
	conv1: FeatureMaps;
	pool1: FeatureMaps;
	conv2: FeatureMaps;
	pool2: FeatureMaps;
	conv3: FeatureMaps;
	/** conv3 flattened in tfjs' order: index (i·width + j)·channels + c. */
	flat: Float64Array | Float32Array;
	dense: Float64Array | Float32Array;
	/** The last layer before its softmax. */
	logits: Float64Array | Float32Array;
	probabilities: Float64Array | Float32Array;
}

export const valueAt = (maps: FeatureMaps, c: number, i: number, j: number): number => maps.values[(i * maps.width + j) * maps.channels + c]!;

/** A weight of a convolution: input channel c, kernel row m, column n, output channel k. */
export const convWeightAt = (w: ConvWeights, c: number, m: number, n: number, k: number): number => {
	const [, kw, inChannels, outChannels] = w.shape;
	return w.kernel[((m * kw + n) * inChannels + c) * outChannels + k]!;
};

/** Filter k (1-based) of a seed CNN's first convolution, kernel [3, 3, 1, filters] in tfjs' layout, with its bias. */
export function conv1Filter(conv1: ConvWeights, k: number): { kernel: Matrix; bias: number } {
	const [kh, kw, , filters] = conv1.shape;
	if (!(k >= 1 && k <= filters)) throw new RangeError(`filter ${k} does not exist: the first convolution has ${filters}`);
	return {
		kernel: Array.from({ length: kh }, (_, m) => Array.from({ length: kw }, (_, n) => convWeightAt(conv1, 0, m, n, k - 1))),
		bias: conv1.bias[k - 1]!,
	};
}

/** One map of a stack as a matrix (for heatmaps and tables). */
export function channelOf(maps: FeatureMaps, c: number): Matrix {
	return Array.from({ length: maps.height }, (_, i) => Array.from({ length: maps.width }, (_, j) => valueAt(maps, c, i, j)));
}

export function imageMaps(image: Matrix): FeatureMaps {
	return { height: image.length, width: image[0]?.length ?? 0, channels: 1, values: Float64Array.from(image.flat()) };
}

/**
 * Input channel c's share of output (k, i, j) of a valid, stride-1 convolution: Σ_m Σ_n w[c, m, n] · x[c, i + m, j + n].
 * The output value is ReLU(b_k + Σ_c channelSum(c)).
 */
export function channelSum(x: FeatureMaps, w: ConvWeights, k: number, i: number, j: number, c: number): number {
	const [kh, kw] = w.shape;
	let sum = 0;
	for (let m = 0; m < kh; m++) for (let n = 0; n < kw; n++) sum += convWeightAt(w, c, m, n, k) * valueAt(x, c, i + m, j + n);
	return sum;
}

/** Valid, stride-1 convolution over every input channel, plus bias, then ReLU (as the seed's Conv2D layers). */
export function convRelu(x: FeatureMaps, w: ConvWeights): FeatureMaps {
	const [kh, kw, inChannels, outChannels] = w.shape;
	if (inChannels !== x.channels) throw new RangeError(`convolution expects ${inChannels} input channels, got ${x.channels}`);
	const height = x.height - kh + 1;
	const width = x.width - kw + 1;
	const values = new Float64Array(height * width * outChannels);
	for (let i = 0; i < height; i++)
		for (let j = 0; j < width; j++)
			for (let k = 0; k < outChannels; k++) {
				let z = w.bias[k]!;
				for (let c = 0; c < inChannels; c++) z += channelSum(x, w, k, i, j, c);
				values[(i * width + j) * outChannels + k] = Math.max(0, z);
			}
	return { height, width, channels: outChannels, values };
}

/** The four inputs of 2 × 2, stride-2 max pooling's output (c, i, j), in reading order. */
export function poolWindowValues(x: FeatureMaps, c: number, i: number, j: number): number[] {
	return [valueAt(x, c, 2 * i, 2 * j), valueAt(x, c, 2 * i, 2 * j + 1), valueAt(x, c, 2 * i + 1, 2 * j), valueAt(x, c, 2 * i + 1, 2 * j + 1)];
}

/** 2 × 2 max pooling with stride 2, valid: an odd last row and column are dropped. */
export function maxPool2(x: FeatureMaps): FeatureMaps {
	const height = Math.floor(x.height / 2);
	const width = Math.floor(x.width / 2);
	const values = new Float64Array(height * width * x.channels);
	for (let i = 0; i < height; i++)
		for (let j = 0; j < width; j++) for (let c = 0; c < x.channels; c++) values[(i * width + j) * x.channels + c] = Math.max(...poolWindowValues(x, c, i, j));
	return { height, width, channels: x.channels, values };
}

/** Term i of dense unit u's sum: W[i, u] · x_i. */
export const denseTerm = (w: DenseWeights, x: ArrayLike<number>, i: number, u: number): number => w.kernel[i * w.units + u]! * x[i]!;

/** z = xW + b (before the activation). */
export function denseLayer(x: ArrayLike<number>, w: DenseWeights): Float64Array {
	if (x.length !== w.inputs) throw new RangeError(`dense layer expects ${w.inputs} inputs, got ${x.length}`);
	const z = Float64Array.from(w.bias);
	for (let i = 0; i < w.inputs; i++) for (let u = 0; u < w.units; u++) z[u]! += denseTerm(w, x, i, u);
	return z;
}

export function forwardCnn(w: CnnWeights, image: Matrix): CnnActivations {
	const input = imageMaps(image);
	const conv1 = convRelu(input, w.conv1);
	const pool1 = maxPool2(conv1);
	const conv2 = convRelu(pool1, w.conv2);
	const pool2 = maxPool2(conv2);
	const conv3 = convRelu(pool2, w.conv3);
	const flat = conv3.values;
	const dense = denseLayer(flat, w.dense).map((v) => Math.max(0, v));
	const logits = denseLayer(dense, w.output);
	return { input, conv1, pool1, conv2, pool2, conv3, flat, dense, logits, probabilities: Float64Array.from(softmax(Array.from(logits))) };
}
