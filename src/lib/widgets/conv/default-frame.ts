/**
 * The convolution and pooling widgets' default state computed with the reference implementation: the
 * server-rendered first frame (and what a test compares against before any interaction).
 */
import type { Digit } from '../../data/mnist';
import { conv2d } from '../../reference/convolution';
import { pool2d } from '../../reference/pooling';
import { convSpec, poolSpec, type ConvState, type PoolState } from './state';
import type { ParamSpec } from '../url-state';

export function defaults<S>(spec: ParamSpec<S>): S {
	return Object.fromEntries(Object.entries(spec).map(([key, param]) => [key, (param as { fallback: unknown }).fallback])) as S;
}

export function defaultConvFrame(digits: Digit[]) {
	const state: ConvState = defaults(convSpec);
	const input = digits[state.digit]!.pixels;
	const output = conv2d(input, state.kernel, { stride: state.stride, padding: state.padding, bias: 0, applyRelu: state.relu });
	return { state, input, output };
}

export function defaultPoolFrame(digits: Digit[]) {
	const state: PoolState = defaults(poolSpec);
	const { output: featureMap } = defaultConvFrame(digits);
	return { state, featureMap, pooled: pool2d(featureMap, { mode: state.mode, window: state.window, stride: state.stride }) };
}
