/**
 * The trained-attention widget's numbers from the plain-TypeScript reference: the selected head's q, k, v and scores
 * (in the browser too, where tfjs computes the weights and the distribution), and the whole result for the
 * server-rendered first frame.
 */
import { transformerWeights } from '../../models/char-model-weights';
import { samplingDistribution } from '../../reference/char-lm';
import { transformerForward, type TransformerTrace, type TransformerWeights } from '../../reference/char-transformer';
import { parameterCount, preparePrefix, type PreparedPrefix, type TransformerModel } from '../char-lm/model';
import type { ShownModel } from '../char-lm/texts';
import type { LmAttentionState } from './state';
import type { LmAttentionResult } from './view';

/** The reference's weights of a model, converted once per model. */
const converted = new WeakMap<TransformerModel, TransformerWeights>();
export function referenceWeights(model: TransformerModel): TransformerWeights {
	let w = converted.get(model);
	if (!w) converted.set(model, (w = transformerWeights(model.config, model.parameters)));
	return w;
}

/** The layer, head and query a state selects, clamped to the model and the sequence. */
export function selection(state: LmAttentionState, model: TransformerModel, length: number) {
	return {
		layer: Math.min(state.layer, model.config.layers - 1),
		head: Math.min(state.head, model.config.heads - 1),
		query: state.query < 0 || state.query >= length ? length - 1 : state.query,
	};
}

/** The selected head's numbers for the query position, from a reference trace. */
export function headDetail(trace: TransformerTrace, layer: number, head: number, query: number): LmAttentionResult['detail'] {
	const h = trace.heads[layer]![head]!;
	return {
		q: h.Q[query]!,
		k: h.K[query]!,
		v: h.V[query]!,
		scores: h.scores[query]!.slice(0, query + 1),
		weights: h.weights[query]!.slice(0, query + 1),
		output: h.output[query]!,
	};
}

/** What the attention and the next-character logits came from, for `lmAttentionResult`. */
export interface LmAttentionParts {
	prefix: PreparedPrefix;
	/** ⟨s⟩, the prefix and any generated tokens. */
	ids: number[];
	/** [layer][head]: T × T weights (tfjs in the page, the reference on the server). */
	attention: LmAttentionResult['attention'];
	/** The logits of the token after the query position. */
	logits: ArrayLike<number>;
	/** A reference trace over at least ids[0 … query], for the selected head's numbers. */
	trace: TransformerTrace;
}

/** The result the view draws, the same shape whether the numbers came from tfjs or from the reference. */
export function lmAttentionResult(state: LmAttentionState, shown: ShownModel, model: TransformerModel, parts: LmAttentionParts): LmAttentionResult {
	const { prefix, ids } = parts;
	const { layer, head, query } = selection(state, model, ids.length);
	return {
		shown,
		parameters: parameterCount(model),
		layers: model.config.layers,
		heads: model.config.heads,
		dk: model.config.dModel / model.config.heads,
		tokens: ids.map((id) => model.config.vocabulary[id]!),
		prefixTokens: prefix.ids.length,
		unknown: prefix.unknown.map((i) => prefix.chars[i]!),
		truncated: prefix.truncated,
		lowerCased: prefix.lowerCased,
		attention: parts.attention,
		query,
		distribution: samplingDistribution(parts.logits, state),
		vocabulary: model.config.vocabulary,
		detail: headDetail(parts.trace, layer, head, query),
	};
}

/** Everything the view needs, from the reference alone (no generation: the first frame's state has none). */
export function referenceResult(state: LmAttentionState, shown: ShownModel, model: TransformerModel): LmAttentionResult {
	const prefix = preparePrefix(state.text, model.config.vocabulary, model.config.context);
	const trace = transformerForward(model.config, referenceWeights(model), prefix.ids);
	const { query } = selection(state, model, prefix.ids.length);
	const attention = trace.heads.map((heads) => heads.map((h) => h.weights));
	return lmAttentionResult(state, shown, model, { prefix, ids: prefix.ids, attention, logits: trace.logits[query]!, trace });
}
