/**
 * The first convolution layer of the CNN the site ships (public/models/cnn/): its 3 × 3 filters and biases, for the
 * convolution widget's "learned" kernels. Loaded once per page, when a widget first asks.
 */
import { conv1Filter } from '../reference/cnn';
import type { Matrix } from '../reference/matrix';
import { seedCnnWeights } from './cnn-weights';
import { loadLayersWeights, shippedModelUrl, type LayersWeights } from './layers-weights';

import { SHIPPED_CNN } from './shipped-cnn-id';

export { SHIPPED_CNN };

export interface LearnedFilter {
	kernel: Matrix;
	bias: number;
}

/** Filter k of a model file's first convolution (the model read as the seed CNN: ./cnn-weights.ts). */
export function firstConvFilter(model: LayersWeights, k: number): LearnedFilter {
	return conv1Filter(seedCnnWeights(model).conv1, k);
}

let shipped: Promise<LayersWeights> | undefined;

/** The shipped CNN's weights, fetched once; a failed fetch is tried again on the next call. */
export function loadShippedCnn(): Promise<LayersWeights> {
	shipped ??= loadLayersWeights(shippedModelUrl(SHIPPED_CNN));
	shipped.catch(() => (shipped = undefined));
	return shipped;
}
