/**
 * The trained-LSTM widget's numbers from the plain-TypeScript reference: every step's gates and c_t (in the browser
 * too, where tfjs computes h_t and the distribution), and the whole result for the server-rendered first frame.
 */
import { lstmWeights } from '../../models/char-model-weights';
import { samplingDistribution } from '../../reference/char-lm';
import { lstmForward, type CharLstmWeights } from '../../reference/char-lstm';
import type { LstmStep } from '../../reference/recurrent';
import { parameterCount, preparePrefix, type LstmModel, type PreparedPrefix } from '../char-lm/model';
import type { ShownModel } from '../char-lm/texts';
import type { LmLstmState } from './state';
import type { LmLstmResult } from './view';

const converted = new WeakMap<LstmModel, CharLstmWeights>();
/** The reference's weights of a model, converted once per model. */
export function referenceWeights(model: LstmModel): CharLstmWeights {
	let w = converted.get(model);
	if (!w) converted.set(model, (w = lstmWeights(model.config, model.parameters)));
	return w;
}

/** The step a state selects (0-based), clamped to the sequence: −1 or out of range is the last step. */
export const selectedStep = (state: LmLstmState, length: number): number => (state.step < 1 || state.step > length ? length - 1 : state.step - 1);

export interface LmLstmParts {
	prefix: PreparedPrefix;
	/** ⟨s⟩, the prefix and any generated tokens. */
	ids: number[];
	/** T × units (tfjs in the page, the reference on the server). */
	h: number[][];
	/** The logits of the token after the step in focus. */
	logits: ArrayLike<number>;
	/** The reference's steps over `ids`: gates and c_t. */
	steps: LstmStep[];
}

/** The result the view draws, the same shape whether h_t came from tfjs or from the reference. */
export function lmLstmResult(state: LmLstmState, shown: ShownModel, model: LstmModel, parts: LmLstmParts): LmLstmResult {
	const { prefix, ids } = parts;
	return {
		shown,
		parameters: parameterCount(model),
		units: model.config.units,
		tokens: ids.map((id) => model.config.vocabulary[id]!),
		prefixTokens: prefix.ids.length,
		unknown: prefix.unknown.map((i) => prefix.chars[i]!),
		truncated: prefix.truncated,
		lowerCased: prefix.lowerCased,
		h: parts.h,
		steps: parts.steps,
		step: selectedStep(state, ids.length),
		distribution: samplingDistribution(parts.logits, state),
		vocabulary: model.config.vocabulary,
	};
}

/** Everything the view needs, from the reference alone (the first frame: no generation). */
export function referenceResult(state: LmLstmState, shown: ShownModel, model: LstmModel): LmLstmResult {
	const prefix = preparePrefix(state.text, model.config.vocabulary, model.config.context);
	const trace = lstmForward(model.config, referenceWeights(model), prefix.ids);
	const step = selectedStep(state, prefix.ids.length);
	return lmLstmResult(state, shown, model, { prefix, ids: prefix.ids, h: trace.steps.map((s) => s.h), logits: trace.logits[step]!, steps: trace.steps });
}
