import { ACCELERATORS, type AcceleratorId } from '../../calculators/scaling';
import { enumParam, quantityParam, intParam, type ParamSpec } from '../url-state';

export interface CostState {
	/** Tokens a month the prompts hold, and the answers. */
	inputTokens: number;
	outputTokens: number;
	/** The API's list prices in US dollars per million tokens. */
	apiInputPrice: number;
	apiOutputPrice: number;
	/** The self-hosted model. */
	parameters: number;
	bits: 16 | 8 | 4;
	accelerator: AcceleratorId;
	/** US dollars for one accelerator-hour. */
	hourlyPrice: number;
	/** Sequences generated together. */
	batch: number;
	/** Share of the peak arithmetic sustained, in percent. */
	utilisation: number;
}

export const COST_LIMITS = {
	inputTokens: [0, 1e15],
	outputTokens: [0, 1e15],
	apiInputPrice: [0, 1e4],
	apiOutputPrice: [0, 1e4],
	parameters: [1e6, 1e13],
	hourlyPrice: [0, 1e4],
	batch: [1, 1e5],
	utilisation: [1, 100],
} as const satisfies Partial<Record<keyof CostState, readonly [number, number]>>;

const L = COST_LIMITS;

/**
 * The first frame: a month of 10⁸ prompt and 2.5 × 10⁷ answer tokens (an example volume, the reader's to change);
 * GPT-4o's list prices of August 2024 (US$2.50 and US$10 per million); a 70-billion-parameter model in 16 bits on
 * H100s at the US$2 per GPU-hour that the DeepSeek-V3 report assumes; 32 sequences at a time; 40 % of the peak.
 */
export const costSpec: ParamSpec<CostState> = {
	inputTokens: quantityParam('cost.in', 1e8, ...L.inputTokens),
	outputTokens: quantityParam('cost.out', 2.5e7, ...L.outputTokens),
	apiInputPrice: quantityParam('cost.pin', 2.5, ...L.apiInputPrice),
	apiOutputPrice: quantityParam('cost.pout', 10, ...L.apiOutputPrice),
	parameters: quantityParam('cost.n', 70e9, ...L.parameters),
	bits: {
		key: 'cost.bits',
		fallback: 16,
		parse: (raw) => (raw === '16' ? 16 : raw === '8' ? 8 : raw === '4' ? 4 : { expected: 'expected 16, 8 or 4' }),
		format: String,
	},
	accelerator: enumParam('cost.hw', 'h100', Object.keys(ACCELERATORS) as AcceleratorId[]),
	hourlyPrice: quantityParam('cost.price', 2, ...L.hourlyPrice),
	batch: intParam('cost.batch', 32, ...L.batch),
	utilisation: quantityParam('cost.mfu', 40, ...L.utilisation),
};
