/** The gradient-descent widget's run for a state: plain TypeScript (src/lib/reference/descent.ts), no DOM. */
import { descend, type Descent } from '../../reference/descent';
import type { OptimizerSpec } from '../../reference/optimizers';
import type { DescentState } from './state';

export interface DescentResult {
	state: DescentState;
	spec: OptimizerSpec;
	run: Descent;
}

/** Adam's ε, as the paper suggests. */
export const ADAM_EPSILON = 1e-8;

export function optimizerSpec(state: DescentState): OptimizerSpec {
	if (state.optimizer === 'sgd') return { kind: 'sgd', learningRate: state.learningRate };
	if (state.optimizer === 'momentum') return { kind: 'momentum', learningRate: state.learningRate, momentum: state.momentum };
	return { kind: 'adam', learningRate: state.learningRate, beta1: state.beta1, beta2: state.beta2, epsilon: ADAM_EPSILON };
}

export function descentResult(state: DescentState): DescentResult {
	const spec = optimizerSpec(state);
	return { state, spec, run: descend(state.surface, spec, [state.startX, state.startY], state.steps, state.seed) };
}
