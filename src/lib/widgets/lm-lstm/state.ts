import { LM_MODELS, type LmCorpus, type LmModelChoice } from '../char-lm/corpora';
import { booleanParam, enumParam, intParam, numberParam, textParam, type ParamSpec } from '../url-state';

/** Longer input than the model's context is cut (with a note); the URL keeps at most this much. */
export const MAX_CHARS = 200;

export interface LmLstmState {
	/** The prefix the reader typed. */
	text: string;
	/** A shipped model's corpus, or the reader's own LSTM from part 4. */
	model: LmModelChoice;
	/** The step t in focus (1 = the start token ⟨s⟩); −1: the last step. */
	step: number;
	/** The unit j whose arithmetic the formula shows, 1-based. */
	unit: number;
	temperature: number;
	/** 0: sample from the whole vocabulary. */
	topK: number;
	/** Generate: the prefix continued by seeded sampling. */
	generate: boolean;
	seed: number;
}

/** URL parameters `lstm.*`; the default prefix and model are the page language's. */
export function lmLstmSpec(defaults: { text: string; model: LmCorpus }): ParamSpec<LmLstmState> {
	return {
		text: textParam('lstm.text', defaults.text, MAX_CHARS),
		model: enumParam('lstm.model', defaults.model, LM_MODELS),
		step: intParam('lstm.step', -1, -1, MAX_CHARS),
		unit: intParam('lstm.unit', 1, 1, 256),
		temperature: numberParam('lstm.temp', 1, 0.1, 2),
		topK: intParam('lstm.topk', 0, 0, 100),
		generate: booleanParam('lstm.gen', false),
		seed: intParam('lstm.seed', 1, 1, 1_000_000),
	};
}
