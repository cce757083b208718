import { LM_MODELS, type LmCorpus, type LmModelChoice } from '../char-lm/corpora';
import { booleanParam, enumParam, intParam, numberParam, textParam, type ParamSpec } from '../url-state';

/** Longer input than any model's context is cut (with a note); the URL keeps at most this much. */
export const MAX_CHARS = 200;

export interface LmAttentionState {
	/** The prefix the reader typed. */
	text: string;
	/** A shipped model's corpus, or the reader's own Transformer from part 4. */
	model: LmModelChoice;
	/** The token whose attention row and next-character distribution are explained; −1: the last one. */
	query: number;
	layer: number;
	head: number;
	temperature: number;
	/** 0: sample from the whole vocabulary. */
	topK: number;
	/** Generate: the prefix continued by seeded sampling (the seed makes a link reproduce the text). */
	generate: boolean;
	seed: number;
}

/** URL parameters `lm.*`; the default prefix and model are the page language's. */
export function lmAttentionSpec(defaults: { text: string; model: LmCorpus }): ParamSpec<LmAttentionState> {
	return {
		text: textParam('lm.text', defaults.text, MAX_CHARS),
		model: enumParam('lm.model', defaults.model, LM_MODELS),
		query: intParam('lm.q', -1, -1, MAX_CHARS),
		layer: intParam('lm.layer', 0, 0, 7),
		head: intParam('lm.head', 0, 0, 15),
		temperature: numberParam('lm.temp', 1, 0.1, 2),
		topK: intParam('lm.topk', 0, 0, 100),
		generate: booleanParam('lm.gen', false),
		seed: intParam('lm.seed', 1, 1, 1_000_000),
	};
}
