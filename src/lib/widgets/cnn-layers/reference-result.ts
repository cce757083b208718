/** The layer-by-layer widget's result computed with the plain-TypeScript reference: its first frame and golden files. */
import type { Digit } from '../../data/mnist';
import { forwardCnn, type CnnWeights } from '../../reference/cnn';
import type { CnnLayersState } from './state';
import type { CnnLayersResult } from './view';

export function referenceCnnLayersResult(state: CnnLayersState, digits: Digit[], weights: CnnWeights): CnnLayersResult {
	const input = digits[state.digit]?.pixels;
	if (!input) throw new RangeError(`referenceCnnLayersResult: no digit ${state.digit} in the strip (a drawn digit has no reference)`);
	return { activations: forwardCnn(weights, input), weights, drawing: null };
}
