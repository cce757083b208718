import type { Matrix } from '../../reference/matrix';

/** Fired (bubbling) by the convolution widget after each update; the pooling widget pools this feature map. */
export const FEATURE_MAP_EVENT = 'tutorial:feature-map';

export interface FeatureMapDetail {
	featureMap: Matrix;
}
