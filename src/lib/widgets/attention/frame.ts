/**
 * Everything the attention widget shows for a state, from the reference implementation: the server-rendered
 * first frame, and the step-by-step row explanation in the browser (whose weights come from tfjs).
 */
import { multiHeadAttention, type AttentionResult } from '../../reference/attention';
import { prepareText, type PreparedText } from '../../text/tokenize';
import { D_MODEL, embed, MAX_CHARS, MAX_TOKENS, PROJECTIONS } from './model';
import type { AttentionState } from './state';

export function prepareSentence(text: string): PreparedText {
	return prepareText(text, MAX_CHARS, MAX_TOKENS);
}

export function referenceFrame(tokens: string[], state: AttentionState): AttentionResult[] {
	return multiHeadAttention(embed(tokens), PROJECTIONS, state.heads, {
		causal: state.causal,
		scale: state.scale,
		temperature: state.temperature,
	});
}

export const headWidth = (heads: number) => D_MODEL / heads;
