import type { SurfaceId } from '../../reference/loss-surfaces';
import { enumParam, intParam, numberParam, quantityParam, type ParamSpec } from '../url-state';

export type OptimizerKind = 'sgd' | 'momentum' | 'adam';

export interface DescentState {
	surface: SurfaceId;
	optimizer: OptimizerKind;
	/** η. */
	learningRate: number;
	/** Momentum's μ. */
	momentum: number;
	/** Adam's β₁ and β₂ (ε is the paper's 10⁻⁸). */
	beta1: number;
	beta2: number;
	/** θ₀. */
	startX: number;
	startY: number;
	/** Steps taken from θ₀. */
	steps: number;
	/** The noisy surface's minibatches come from this seed. */
	seed: number;
}

export const MAX_STEPS = 2000;

export const DESCENT_LIMITS = {
	learningRate: [1e-6, 1e3],
	momentum: [0, 0.999],
	beta1: [0, 0.999],
	beta2: [0, 0.99999],
	startX: [-10, 10],
	startY: [-10, 10],
	seed: [0, 1e9],
} as const satisfies Partial<Record<keyof DescentState, readonly [number, number]>>;

const L = DESCENT_LIMITS;

/** The first frame: plain SGD on the narrow valley from (2.5, 2), 20 steps at η = 0.07 (just under 2/25). */
export const descentSpec: ParamSpec<DescentState> = {
	surface: enumParam('gd.surface', 'valley', ['bowl', 'valley', 'rosenbrock', 'noisy'] as const),
	optimizer: enumParam('gd.opt', 'sgd', ['sgd', 'momentum', 'adam'] as const),
	learningRate: quantityParam('gd.lr', 0.07, ...L.learningRate),
	momentum: numberParam('gd.mu', 0.9, ...L.momentum),
	beta1: numberParam('gd.b1', 0.9, ...L.beta1),
	beta2: numberParam('gd.b2', 0.999, ...L.beta2),
	startX: numberParam('gd.x', 2.5, ...L.startX),
	startY: numberParam('gd.y', 2, ...L.startY),
	steps: intParam('gd.t', 20, 0, MAX_STEPS),
	seed: intParam('gd.seed', 1, ...L.seed),
};
