import { enumParam, intParam, numberParam, quantityParam, type Param, type ParamSpec } from '../url-state';

/** The 2-3-1 network's thirteen parameters, by the name the state, the URL (`bp.w1_21`) and the table give them. */
export const PARAMETERS = ['w1_11', 'w1_12', 'w1_21', 'w1_22', 'w1_31', 'w1_32', 'b1_1', 'b1_2', 'b1_3', 'w2_1', 'w2_2', 'w2_3', 'b2'] as const;

export type ParameterId = (typeof PARAMETERS)[number];

/** Which part of the step the graph and the formula show. */
export type Stage = 'forward' | 'backward' | 'update';

export type BackpropState = Record<ParameterId, number> & {
	/** The input point x = (x₁, x₂) and its target y. */
	x1: number;
	x2: number;
	target: number;
	/** η. */
	learningRate: number;
	stage: Stage;
	/** The parameter whose gradient the formula works out. */
	selected: ParameterId;
	/** Updates taken so far (the weights in the state are those after them). */
	steps: number;
};

/**
 * The parameters' range: wide enough for any step the reader takes from sensible weights, narrow enough that every
 * number on screen stays printable. A step that would leave it is refused with a message.
 */
export const WEIGHT_RANGE = [-1000, 1000] as const;

export const BACKPROP_LIMITS = {
	x1: [-10, 10],
	x2: [-10, 10],
	target: [-10, 10],
	learningRate: [1e-6, 100],
	...(Object.fromEntries(PARAMETERS.map((id) => [id, WEIGHT_RANGE])) as Record<ParameterId, typeof WEIGHT_RANGE>),
} as const satisfies Partial<Record<keyof BackpropState, readonly [number, number]>>;

/**
 * The first frame's network: small weights of both signs (no unit saturated, no gradient zero), chosen by hand so
 * that every factor of the chain rule is visibly different; x = (1, 0.5) with target 1.
 */
export const FIRST_WEIGHTS: Record<ParameterId, number> = {
	w1_11: 0.5,
	w1_12: -0.4,
	w1_21: 0.3,
	w1_22: 0.8,
	w1_31: -0.6,
	w1_32: 0.2,
	b1_1: 0.1,
	b1_2: -0.2,
	b1_3: 0.05,
	w2_1: 0.7,
	w2_2: -0.5,
	w2_3: 0.4,
	b2: 0.1,
};

export const MAX_STEPS = 1000;

const L = BACKPROP_LIMITS;
const weightParams = Object.fromEntries(PARAMETERS.map((id) => [id, numberParam(`bp.${id}`, FIRST_WEIGHTS[id], ...WEIGHT_RANGE)])) as Record<
	ParameterId,
	Param<number>
>;

export const backpropSpec: ParamSpec<BackpropState> = {
	x1: numberParam('bp.x1', 1, ...L.x1),
	x2: numberParam('bp.x2', 0.5, ...L.x2),
	target: numberParam('bp.y', 1, ...L.target),
	learningRate: quantityParam('bp.lr', 0.5, ...L.learningRate),
	stage: enumParam('bp.stage', 'backward', ['forward', 'backward', 'update'] as const),
	selected: enumParam('bp.p', 'w1_11', PARAMETERS),
	steps: intParam('bp.t', 0, 0, MAX_STEPS),
	...weightParams,
};
