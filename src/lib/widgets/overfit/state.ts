import { intParam, quantityParam, type ParamSpec } from '../url-state';

export interface OverfitState {
	/** Training points n. */
	trainSize: number;
	/** Hidden units H. */
	hidden: number;
	/** Weight decay λ. */
	weightDecay: number;
	seed: number;
	/** Steps of training taken. */
	steps: number;
}

export const MAX_STEPS = 5000;
/** σ of the noise on y: fixed, so the floor σ² = 0.09 the validation error cannot beat stays put. */
export const NOISE = 0.3;

export const OVERFIT_LIMITS = {
	trainSize: [2, 200],
	hidden: [1, 64],
	weightDecay: [0, 1],
	seed: [0, 1e9],
} as const satisfies Partial<Record<keyof OverfitState, readonly [number, number]>>;

const L = OVERFIT_LIMITS;

/** The first frame: 12 points and 32 hidden units after 2,000 steps, far past the best validation error. */
export const overfitSpec: ParamSpec<OverfitState> = {
	trainSize: intParam('of.n', 12, ...L.trainSize),
	hidden: intParam('of.h', 32, ...L.hidden),
	weightDecay: quantityParam('of.wd', 0, ...L.weightDecay),
	seed: intParam('of.seed', 1, ...L.seed),
	steps: intParam('of.t', 2000, 0, MAX_STEPS),
};
