/**
 * The first convolution layer of the CNN the site ships (public/models/cnn/): its 3 × 3 filters and biases, for the
 * convolution widget's "learned" kernels. Loaded once per page, when a widget first asks.
 */
import type { Matrix } from '../reference/matrix';
import { loadLayersWeights, shippedModelUrl, type LayersWeights } from './layers-weights';

export const SHIPPED_CNN = 'cnn';

export interface LearnedFilter {
	kernel: Matrix;
	bias: number;
}

/** Filter k (1-based) of the model's first Conv2D layer, whose kernel is [kh, kw, 1, filters] (tfjs' layout). */
export function firstConvFilter(model: LayersWeights, k: number): LearnedFilter {
	const layer = model.layers.find((l) => l.className === 'Conv2D');
	const kernel = layer && model.weights.get(`${layer.name}/kernel`);
	const bias = layer && model.weights.get(`${layer.name}/bias`);
	if (!kernel || !bias) throw new Error('the trained model has no first convolution layer with a kernel and a bias');
	const [kh, kw, channels, filters] = kernel.shape as [number, number, number, number];
	if (channels !== 1) throw new Error(`its first convolution reads ${channels} channels; one (a grey image) was expected`);
	if (!(k >= 1 && k <= filters)) throw new RangeError(`filter ${k} does not exist: the first convolution has ${filters}`);
	return {
		kernel: Array.from({ length: kh }, (_, i) => Array.from({ length: kw }, (_, j) => kernel.values[(i * kw + j) * filters + (k - 1)]!)),
		bias: bias.values[k - 1]!,
	};
}

let shipped: Promise<LayersWeights> | undefined;

/** The shipped CNN's weights, fetched once; a failed fetch is tried again on the next call. */
export function loadShippedCnn(): Promise<LayersWeights> {
	shipped ??= loadLayersWeights(shippedModelUrl(SHIPPED_CNN));
	shipped.catch(() => (shipped = undefined));
	return shipped;
}
