/**
 * What the character-level language models share, in plain TypeScript: the vocabulary and its two special tokens,
 * turning text into token ids (and saying which characters were unknown or cut), and seeded sampling with a
 * temperature and top-k. Used by the training script, the widgets and the tests alike; no DOM, no tfjs.
 */
// With its extension: the training script runs this module in Node, which resolves no extensionless paths.
import { seededRandom } from './random.ts';

/** Token 0 marks both the start and the end of a text (as in makemore): a name or a poem is ⟨s⟩ … ⟨s⟩. */
export const BOUNDARY = 0;
/** Token 1 stands for every character the model was not trained on. */
export const UNKNOWN = 1;
/** How the two special tokens are written in a vocabulary list (they are not characters of any text). */
export const SPECIAL_TOKENS = ['<s>', '<unk>'] as const;

export interface Encoded {
	/** BOUNDARY, then one id per kept character. */
	ids: number[];
	/** The characters behind ids[1…], as the reader typed them. */
	chars: string[];
	/** Indices into `chars` of the characters the vocabulary lacks (encoded as UNKNOWN). */
	unknown: number[];
	/** How many characters were dropped from the front so that the text fits the context. */
	truncated: number;
}

/**
 * Encodes `text` as the model reads it: the boundary token, then one token per character (code point). A text longer
 * than `context − 1` characters keeps its last characters, since they are the ones the next character depends on.
 */
export function encode(text: string, vocabulary: readonly string[], context: number): Encoded {
	const index = new Map(vocabulary.map((token, i) => [token, i]));
	const all = [...text];
	const room = Math.max(0, context - 1);
	const truncated = Math.max(0, all.length - room);
	const chars = all.slice(truncated);
	const unknown: number[] = [];
	const ids = [BOUNDARY];
	chars.forEach((ch, i) => {
		const id = index.get(ch);
		if (id === undefined || id < SPECIAL_TOKENS.length) unknown.push(i);
		ids.push(id === undefined || id < SPECIAL_TOKENS.length ? UNKNOWN : id);
	});
	return { ids, chars, unknown, truncated };
}

/** Softmax of logits / temperature (stable: the largest is subtracted first). */
export function softmaxWithTemperature(logits: ArrayLike<number>, temperature: number): number[] {
	if (!(temperature > 0)) throw new RangeError(`temperature must be > 0, got ${temperature}`);
	const scaled = Array.from(logits, (v) => v / temperature);
	const max = Math.max(...scaled);
	const exps = scaled.map((v) => Math.exp(v - max));
	const sum = exps.reduce((a, b) => a + b, 0);
	return exps.map((e) => e / sum);
}

/**
 * Keeps the k most probable tokens (ties: lower id first) and renormalises; k ≤ 0 or k ≥ the vocabulary keeps all.
 * The special tokens other than the boundary are never sampled: UNKNOWN is not a character one could write.
 */
export function topK(probabilities: readonly number[], k: number): number[] {
	const allowed = probabilities.map((p, id) => (id === UNKNOWN ? 0 : p));
	const keep = k > 0 && k < allowed.length ? new Set(rankByProbability(allowed).slice(0, k)) : undefined;
	const kept = allowed.map((p, id) => (keep === undefined || keep.has(id) ? p : 0));
	const sum = kept.reduce((a, b) => a + b, 0);
	return kept.map((p) => p / sum);
}

/** Token ids from the most to the least probable (ties: lower id first). */
export const rankByProbability = (probabilities: readonly number[]): number[] =>
	probabilities
		.map((p, id) => ({ p, id }))
		.sort((a, b) => b.p - a.p || a.id - b.id)
		.map(({ id }) => id);

/** Draws one id from a distribution with a uniform number u ∈ [0, 1): the first id whose running sum exceeds u. */
export function draw(probabilities: readonly number[], u: number): number {
	let sum = 0;
	let last = 0;
	for (const [id, p] of probabilities.entries()) {
		if (p <= 0) continue;
		sum += p;
		last = id;
		if (u < sum) return id;
	}
	return last; // u within rounding of 1
}

export interface SamplingOptions {
	temperature: number;
	/** 0: no top-k cut. */
	topK: number;
	seed: number;
	/** At most this many characters. */
	maxLength: number;
}

/** The distribution sampling draws from: softmax at the temperature, then the top-k cut. */
export const samplingDistribution = (logits: ArrayLike<number>, options: Pick<SamplingOptions, 'temperature' | 'topK'>): number[] =>
	topK(softmaxWithTemperature(logits, options.temperature), options.topK);

/**
 * Continues `ids` one token at a time with `nextLogits` (the model's logits for the token after a sequence) until the
 * boundary token or `maxLength` new characters. The same seed gives the same text, on every machine.
 */
export function sample(nextLogits: (ids: number[]) => ArrayLike<number>, ids: readonly number[], options: SamplingOptions): number[] {
	const next = seededRandom(options.seed);
	const out = [...ids];
	while (out.length - ids.length < options.maxLength) {
		const id = draw(samplingDistribution(nextLogits(out), options), next());
		if (id === BOUNDARY) break;
		out.push(id);
	}
	return out.slice(ids.length);
}

/** `sample` for a model whose logits arrive asynchronously (tfjs in a page): the same draws for the same seed. */
export async function sampleAsync(
	nextLogits: (ids: number[]) => Promise<ArrayLike<number>>,
	ids: readonly number[],
	options: SamplingOptions,
): Promise<number[]> {
	const next = seededRandom(options.seed);
	const out = [...ids];
	while (out.length - ids.length < options.maxLength) {
		const id = draw(samplingDistribution(await nextLogits(out), options), next());
		if (id === BOUNDARY) break;
		out.push(id);
	}
	return out.slice(ids.length);
}

/** Cross-entropy of one prediction in bits: −log₂ p(target). */
export const bits = (probabilities: ArrayLike<number>, target: number): number => -Math.log2(probabilities[target] ?? 0);
