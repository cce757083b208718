/**
 * The attention widget's computation with the reference implementation: the server-rendered first frame, the golden
 * files, and the step-by-step row explanation in the browser (whose weights come from tfjs).
 */
import { multiHeadAttention, type AttentionResult as ReferenceHead } from '../../reference/attention';
import { prepareText, type PreparedText } from '../../text/tokenize';
import { D_MODEL, embed, MAX_CHARS, MAX_TOKENS, PROJECTIONS } from './model';
import type { AttentionState } from './state';
import type { AttentionResult } from './view';

export function prepareSentence(text: string): PreparedText {
	return prepareText(text, MAX_CHARS, MAX_TOKENS);
}

export function referenceFrame(tokens: string[], state: AttentionState): ReferenceHead[] {
	return multiHeadAttention(embed(tokens), PROJECTIONS, state.heads, {
		causal: state.causal,
		scale: state.scale,
		temperature: state.temperature,
	});
}

/** The widget's result for a state (an empty `state.text` means the page's default sentence). */
export function referenceResult(state: AttentionState, defaultText: string): AttentionResult {
	const prepared = prepareSentence(state.text || defaultText);
	return { ...prepared, heads: referenceFrame(prepared.tokens, state).map(({ weights, output }) => ({ weights, output })) };
}

export const headWidth = (heads: number) => D_MODEL / heads;
