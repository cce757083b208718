/** The cost comparison's numbers for a state: plain arithmetic (src/lib/calculators/serving-cost.ts), no DOM. */
import { ACCELERATORS, type Accelerator } from '../../calculators/scaling';
import { servingCost, type ServingCost } from '../../calculators/serving-cost';
import { InputProblem } from '../input-problem';
import type { ViewStrings } from '../view';
import type { CostState } from './state';

export interface CostResult {
	state: CostState;
	accelerator: Accelerator;
	cost: ServingCost;
	/** Tokens a month, both kinds. */
	tokens: number;
}

/** Throws an InputProblem (shown beside the boxes) for a month without tokens: there is nothing to compare. */
export function costResult(state: CostState, strings: ViewStrings): CostResult {
	const tokens = state.inputTokens + state.outputTokens;
	if (tokens <= 0) throw new InputProblem(strings.noTokens ?? '');
	const accelerator = ACCELERATORS[state.accelerator];
	const cost = servingCost({ ...state, accelerator, utilisation: state.utilisation / 100 });
	return { state, accelerator, cost, tokens };
}
