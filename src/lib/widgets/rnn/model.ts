/**
 * The RNN / LSTM widget's model: how a sentence becomes tokens, how a token becomes a vector x_t, and the seeded
 * (untrained) weights. No DOM and no tfjs: the server-rendered first frame, the browser and the tests share it.
 */
import { lstmSequence, rnnSequence, type GateWeights, type LstmStep, type LstmWeights, type RnnStep, type RnnWeights } from '../../reference/recurrent';
import { hashString, seededMatrix } from '../../reference/random';
import type { Vector } from '../../reference/matrix';
import { clampChars, tokenize } from '../../text/tokenize';
import type { RnnResult } from './view';

/** Size of a token's vector x_t. */
export const D_X = 4;
/** Size of the hidden state h_t (and of the LSTM cell state c_t). */
export const D_H = 6;
/** Tokens shown; a longer sentence keeps its first MAX_TOKENS (a wider heatmap would be unreadable). */
export const MAX_TOKENS = 24;
/** Characters read from the input (also the URL limit of `rnn.text`). */
export const MAX_CHARS = 2000;

export type RnnLang = 'en' | 'zh-cn';

/** Example sentences in the page's language; the first is the default. */
export const RNN_EXAMPLES: Record<RnnLang, readonly string[]> = {
	en: ['the cat sat on the mat', 'I love deep learning!', 'the dog saw the cat, and the cat saw the dog.'],
	'zh-cn': ['我 爱 深度 学习', '猫坐在垫子上。', '今天 天气 很 好 ， 今天 心情 也 很 好'],
};

export function defaultSentence(lang: RnnLang): string {
	return RNN_EXAMPLES[lang][0]!;
}

/** The first MAX_CHARS characters, without splitting a surrogate pair. */
export function clampText(text: string): { text: string; truncated: boolean; length: number } {
	return clampChars(text, MAX_CHARS);
}

export { tokenize };

export interface Sentence {
	/** The tokens shown (at most MAX_TOKENS). */
	tokens: string[];
	/** How many tokens the (character-clamped) text has. */
	total: number;
	/** Whether the text was longer than MAX_CHARS, and its length. */
	charsTruncated: boolean;
	length: number;
}

/** What the widget does with the reader's text: clamp the characters, tokenize, keep the first MAX_TOKENS. */
export function readSentence(text: string): Sentence {
	const clamped = clampText(text);
	const all = tokenize(clamped.text);
	return { tokens: all.slice(0, MAX_TOKENS), total: all.length, charsTruncated: clamped.truncated, length: clamped.length };
}

/** A token as labels show it: a long “word” (a pasted URL, 2,000 letters) is cut so the layout holds. */
export function displayToken(token: string, max = 16): string {
	const chars = Array.from(token);
	return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : token;
}

/** A token's vector x_t ∈ R^{d_x}, uniform in [−1, 1], seeded by the token's text: the same token, the same vector. */
export function embed(token: string): Vector {
	return seededMatrix(hashString(token), 1, D_X, 1)[0]!;
}

// Fixed seeds. The RNN's scales are Glorot-uniform limits √(6 / (fan_in + fan_out)), so tanh starts in its useful
// range; the LSTM's weights are uniform in [−1, 1], so that its gates visibly open and close.
const SEED = 20240611;
const glorot = (fanIn: number, fanOut: number) => Math.sqrt(6 / (fanIn + fanOut));
const vector = (seed: number, n: number, scale: number): Vector => seededMatrix(seed, 1, n, scale)[0]!;

let rnnCache: RnnWeights | undefined;
/** h_t = tanh(W_xh x_t + W_hh h_{t−1} + b_h) with W_xh ∈ R^{6×4}, W_hh ∈ R^{6×6}, b_h ∈ R^6 (seeded, untrained). */
export function rnnWeights(): RnnWeights {
	return (rnnCache ??= {
		Wxh: seededMatrix(SEED + 1, D_H, D_X, glorot(D_X, D_H)),
		Whh: seededMatrix(SEED + 2, D_H, D_H, glorot(D_H, D_H)),
		bh: vector(SEED + 3, D_H, 0.1),
	});
}

/**
 * One LSTM gate written as in the tutorial: W ∈ R^{d_h × (d_h + d_x)} acting on [h_{t−1}; x_t]. The reference
 * implementation takes the same numbers split by columns: U = the first d_h columns (on h_{t−1}), W = the last
 * d_x columns (on x_t) — exactly equivalent, as the text says.
 */
export interface ConcatGate {
	W: number[][];
	b: Vector;
}

export type LstmConcatWeights = Record<'f' | 'i' | 'o' | 'g', ConcatGate>;

let lstmConcatCache: LstmConcatWeights | undefined;
/** The four gates' seeded weights in the tutorial's concatenated form; b_f = 1, the usual forget-gate initialisation. */
export function lstmConcatWeights(): LstmConcatWeights {
	const gate = (k: number, bias?: number): ConcatGate => ({
		W: seededMatrix(SEED + 10 + k, D_H, D_H + D_X, 1),
		b: bias === undefined ? vector(SEED + 20 + k, D_H, 0.1) : new Array<number>(D_H).fill(bias),
	});
	return (lstmConcatCache ??= { f: gate(0, 1), i: gate(1), o: gate(2), g: gate(3) });
}

const split = (g: ConcatGate): GateWeights => ({
	U: g.W.map((row) => row.slice(0, D_H)),
	W: g.W.map((row) => row.slice(D_H)),
	b: g.b,
});

let lstmCache: LstmWeights | undefined;
/** The LSTM weights in the reference implementation's form (W on x_t, U on h_{t−1}). */
export function lstmWeights(): LstmWeights {
	const c = lstmConcatWeights();
	return (lstmCache ??= { i: split(c.i), f: split(c.f), o: split(c.o), g: split(c.g) });
}

/** The widget's result for a state with the reference implementation (the first frame; the golden files). */
export function referenceResult(state: { text: string; mode: 'rnn' | 'lstm' }): RnnResult {
	const frame = referenceFrame(state.text);
	const { tokens, total } = frame.sentence;
	if (state.mode === 'rnn') return { mode: 'rnn', tokens, total, xs: frame.xs, h: frame.rnn.map((s) => s.h) };
	return { mode: 'lstm', tokens, total, xs: frame.xs, h: frame.lstm.map((s) => s.h), lstm: frame.lstm };
}

export interface ReferenceFrame {
	sentence: Sentence;
	xs: Vector[];
	rnn: RnnStep[];
	lstm: LstmStep[];
}

/** Both models over a text with the plain-TypeScript reference (the server-rendered first frame; the tests' oracle). */
export function referenceFrame(text: string): ReferenceFrame {
	const sentence = readSentence(text);
	const xs = sentence.tokens.map(embed);
	return { sentence, xs, rnn: rnnSequence(rnnWeights(), xs), lstm: lstmSequence(lstmWeights(), xs) };
}

/** The quantities the widget draws over time: h_t, and for the LSTM c_t and the gates. */
export type MapName = 'h' | 'c' | 'i' | 'f' | 'o' | 'g';
