import { ACCELERATORS, CHINCHILLA_TOKENS_PER_PARAMETER, type AcceleratorId } from '../../calculators/scaling';
import { enumParam, intParam, quantityParam, type ParamSpec } from '../url-state';

export interface ScalingState {
	/** What the reader gives: a model and its data (N, D), or a compute budget C. */
	given: 'model' | 'budget';
	/** N: parameters. */
	parameters: number;
	/** D: training tokens. */
	tokens: number;
	/** C: a compute budget in FLOPs (used when `given` is 'budget'). */
	budget: number;
	/** r: training tokens per parameter of the compute-optimal split (Chinchilla: 20). */
	ratio: number;
	accelerator: AcceleratorId;
	/** n: accelerators training together. */
	count: number;
	/** u: the share of their peak FLOP/s they sustain, in percent. */
	utilisation: number;
	/** The data centre's power usage effectiveness (1: the hardware's own draw only). */
	pue: number;
}

/** The ranges a reader may type; beyond them the calculator says so instead of computing. */
export const SCALING_LIMITS = {
	parameters: [1e3, 1e15],
	tokens: [1e3, 1e17],
	budget: [1e9, 1e30],
	ratio: [0.01, 1e4],
	count: [1, 1e7],
	utilisation: [1, 100],
	pue: [1, 3],
} as const satisfies Partial<Record<keyof ScalingState, readonly [number, number]>>;

const L = SCALING_LIMITS;

/** The first frame is Chinchilla's run (the section's worked example): 7 × 10¹⁰ parameters, 1.4 × 10¹² tokens. */
export const scalingSpec: ParamSpec<ScalingState> = {
	given: enumParam('scale.given', 'model', ['model', 'budget'] as const),
	parameters: quantityParam('scale.n', 70e9, ...L.parameters),
	tokens: quantityParam('scale.d', 1.4e12, ...L.tokens),
	budget: quantityParam('scale.c', 1e25, ...L.budget),
	ratio: quantityParam('scale.r', CHINCHILLA_TOKENS_PER_PARAMETER, ...L.ratio),
	accelerator: enumParam('scale.hw', 'h100', Object.keys(ACCELERATORS) as AcceleratorId[]),
	count: intParam('scale.count', 1024, ...L.count),
	utilisation: quantityParam('scale.mfu', 40, ...L.utilisation),
	pue: quantityParam('scale.pue', 1, ...L.pue),
};
