/** The overfitting widget's run for a state: plain TypeScript (src/lib/reference/regression.ts), no DOM. */
import { RegressionRun, type CurvePoint, type Points, type RegressionConfig } from '../../reference/regression';
import { NOISE, type OverfitState } from './state';

export interface OverfitResult {
	state: OverfitState;
	config: RegressionConfig;
	data: { train: Points; validation: Points };
	/** The parameters after `state.steps` steps (a copy: the run goes on). */
	theta: number[];
	/** The curve up to `state.steps`, its last point the errors at that step. */
	curve: CurvePoint[];
	/** L with the penalty, on the training points. */
	loss: { mse: number; penalty: number; total: number };
}

export function configOf(state: OverfitState): RegressionConfig {
	return { trainSize: state.trainSize, hidden: state.hidden, weightDecay: state.weightDecay, noise: NOISE, seed: state.seed };
}

const sameConfig = (a: RegressionConfig, b: RegressionConfig) =>
	a.trainSize === b.trainSize && a.hidden === b.hidden && a.weightDecay === b.weightDecay && a.noise === b.noise && a.seed === b.seed;

/**
 * `previous` when it can go on to the state (the same configuration, not past its steps: a frame's steps while
 * playing), else a new run from step 0.
 */
export function runFor(state: OverfitState, previous?: RegressionRun): RegressionRun {
	const config = configOf(state);
	return previous && sameConfig(previous.config, config) && previous.steps <= state.steps ? previous : new RegressionRun(config);
}

/** The run for `state`, trained to its steps (at once: the server's first frame and the tests). */
export function overfitRun(state: OverfitState, previous?: RegressionRun): RegressionRun {
	return runFor(state, previous).advanceTo(state.steps);
}

export function overfitResult(state: OverfitState, run: RegressionRun): OverfitResult {
	const { hidden, weightDecay } = run.config;
	const now = run.errors();
	const recorded = run.curve.filter((p) => p.step < now.step);
	let squares = 0;
	for (const k of [0, 2 * hidden]) for (let j = 0; j < hidden; j++) squares += run.theta[k + j]! ** 2;
	const penalty = (weightDecay / 2) * squares;
	return {
		state,
		config: run.config,
		data: run.data,
		theta: [...run.theta],
		curve: [...recorded, now],
		loss: { mse: now.train, penalty, total: now.train + penalty },
	};
}
