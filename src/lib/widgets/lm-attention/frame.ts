/**
 * The trained-attention widget's numbers from the plain-TypeScript reference: the selected head's q, k, v and scores
 * (in the browser too, where tfjs computes the weights and the distribution), and the whole result for the
 * server-rendered first frame.
 */
import { transformerWeights } from '../../models/char-model-weights';
import { samplingDistribution } from '../../reference/char-lm';
import { transformerForward, type TransformerTrace, type TransformerWeights } from '../../reference/char-transformer';
import { parameterCount, preparePrefix, type TransformerModel } from '../char-lm/model';
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

/** Everything the view needs, from the reference alone (no generation: the first frame's state has none). */
export function referenceResult(state: LmAttentionState, modelId: string, model: TransformerModel): LmAttentionResult {
	const prefix = preparePrefix(state.text, model.config.vocabulary, model.config.context);
	const trace = transformerForward(model.config, referenceWeights(model), prefix.ids);
	const { layer, head, query } = selection(state, model, prefix.ids.length);
	return {
		modelId,
		corpus: state.corpus,
		parameters: parameterCount(model),
		layers: model.config.layers,
		heads: model.config.heads,
		dk: model.config.dModel / model.config.heads,
		tokens: prefix.ids.map((id) => model.config.vocabulary[id]!),
		prefixTokens: prefix.ids.length,
		unknown: prefix.unknown.map((i) => prefix.chars[i]!),
		truncated: prefix.truncated,
		lowerCased: prefix.lowerCased,
		attention: trace.heads.map((heads) => heads.map((h) => h.weights)),
		query,
		distribution: samplingDistribution(trace.logits[query]!, state),
		vocabulary: model.config.vocabulary,
		detail: headDetail(trace, layer, head, query),
	};
}
