/**
 * The convolution and pooling widgets' results computed with the plain-TypeScript reference: the server-rendered
 * first frame, the golden files, and the pooling widget's input when no convolution widget is on the page.
 */
import type { Digit } from '../../data/mnist';
import { conv2d } from '../../reference/convolution';
import type { Matrix } from '../../reference/matrix';
import type { LearnedFilter } from '../../models/cnn-filters';
import { pool2d } from '../../reference/pooling';
import { defaultState } from '../url-state';
import { convSpec, type ConvState, type PoolState } from './state';
import type { ConvResult, PoolResult } from './view';

/** The result for a state; a learned filter's state needs that filter (from the shipped model). */
export function referenceConvResult(state: ConvState, digits: Digit[], filter?: LearnedFilter): ConvResult {
	const input = digits[state.digit]?.pixels;
	if (!input) throw new RangeError(`referenceConvResult: no digit ${state.digit} in the strip (a drawn digit has no reference)`);
	if (state.learned && !filter) throw new RangeError(`referenceConvResult: state shows learned filter ${state.learned}; pass it`);
	const { kernel, bias } = state.learned && filter ? filter : { kernel: state.kernel, bias: 0 };
	const output = conv2d(input, kernel, { stride: state.stride, padding: state.padding, bias, applyRelu: state.relu });
	return { input, kernel, bias, output, cursor: null };
}

export function referencePoolResult(state: PoolState, featureMap: Matrix): PoolResult {
	return { featureMap, pooled: pool2d(featureMap, { mode: state.mode, window: state.window, stride: state.stride }) };
}

/** The convolution widget's default feature map: what the pooling widget pools before anything else is known. */
export function defaultFeatureMap(digits: Digit[]): Matrix {
	return referenceConvResult(defaultState(convSpec), digits).output;
}
