/**
 * The optimizers of part 2, in plain TypeScript (no DOM, no tfjs), step by step with every intermediate the page
 * shows: SGD, θ ← θ − η g; momentum (heavy ball, as tf.train.momentum), u ← μ u + g, θ ← θ − η u; and Adam (as in
 * the chapter and tf.train.adam), m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g², m̂ = m / (1 − β₁ᵗ), v̂ = v / (1 − β₂ᵗ),
 * θ ← θ − η m̂ / (√v̂ + ε). Vectors of any length; the tests run them against tfjs on the same gradients.
 */

export type OptimizerSpec =
	| { kind: 'sgd'; learningRate: number }
	| { kind: 'momentum'; learningRate: number; momentum: number }
	| { kind: 'adam'; learningRate: number; beta1: number; beta2: number; epsilon: number };

/** What an optimizer carries from one step to the next: the step count and its moving averages (zero at first). */
export interface OptimizerState {
	t: number;
	/** Momentum's accumulated velocity u. */
	velocity: number[];
	/** Adam's first and second moments. */
	m: number[];
	v: number[];
}

/** One step's numbers, for the formula with the reader's values. */
export interface StepDetail {
	/** The step count after this step (1 for the first). */
	t: number;
	before: number[];
	gradient: number[];
	/** θ_{t} − θ_{t−1}. */
	update: number[];
	after: number[];
	/** Adam's bias-corrected moments (undefined for the others). */
	mHat?: number[];
	vHat?: number[];
}

export function initialState(dimensions: number): OptimizerState {
	const zeros = () => new Array<number>(dimensions).fill(0);
	return { t: 0, velocity: zeros(), m: zeros(), v: zeros() };
}

/** One update of `theta` with `gradient`: the new state and what the step did. */
export function optimizerStep(spec: OptimizerSpec, state: OptimizerState, theta: number[], gradient: number[]): { state: OptimizerState; detail: StepDetail } {
	const t = state.t + 1;
	const eta = spec.learningRate;
	let update: number[];
	let next: OptimizerState = { ...state, t };
	let mHat: number[] | undefined;
	let vHat: number[] | undefined;
	if (spec.kind === 'sgd') update = gradient.map((g) => -eta * g);
	else if (spec.kind === 'momentum') {
		const velocity = gradient.map((g, i) => spec.momentum * state.velocity[i]! + g);
		next = { ...next, velocity };
		update = velocity.map((u) => -eta * u);
	} else {
		const { beta1, beta2, epsilon } = spec;
		const m = gradient.map((g, i) => beta1 * state.m[i]! + (1 - beta1) * g);
		const v = gradient.map((g, i) => beta2 * state.v[i]! + (1 - beta2) * g * g);
		mHat = m.map((value) => value / (1 - beta1 ** t));
		vHat = v.map((value) => value / (1 - beta2 ** t));
		next = { ...next, m, v };
		update = mHat.map((value, i) => (-eta * value) / (Math.sqrt(vHat![i]!) + epsilon));
	}
	const after = theta.map((value, i) => value + update[i]!);
	return { state: next, detail: { t, before: theta, gradient, update, after, ...(mHat && vHat ? { mHat, vHat } : {}) } };
}
