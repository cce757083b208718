import { booleanParam, intParam, numberParam, textParam, type ParamSpec } from '../url-state';
import { MAX_CHARS } from './model';

export interface AttentionState {
	/** The sentence; empty in the URL means the page language's first example. */
	text: string;
	causal: boolean;
	scale: boolean;
	temperature: number;
	heads: 1 | 2 | 3 | 4;
	/** The query token whose row is explained. */
	query: number;
}

export const attentionSpec: ParamSpec<AttentionState> = {
	text: textParam('attn.text', '', MAX_CHARS),
	causal: booleanParam('attn.causal', false),
	scale: booleanParam('attn.scale', true),
	temperature: numberParam('attn.temp', 1, 0.1, 5),
	heads: {
		key: 'attn.heads',
		fallback: 2,
		parse: (raw) => (['1', '2', '3', '4'].includes(raw) ? (Number(raw) as 1 | 2 | 3 | 4) : { expected: 'expected 1, 2, 3 or 4' }),
		format: String,
	},
	query: intParam('attn.q', 1, 0, 15),
};

/** Example sentences per page language (the first is the default). */
export const EXAMPLES: Record<'zh-cn' | 'en', string[]> = {
	'zh-cn': ['小猫坐在垫子上，因为它很累', '我爱深度学习', '银行在河岸边'],
	en: ['the cat sat on the mat because it was tired', 'attention is all you need', 'the bank of the river'],
};
