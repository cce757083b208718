/**
 * The attention widget's toy model: token embeddings from a hash of the token text plus sinusoidal positions,
 * and seeded projections W_Q, W_K, W_V. Untrained (the widget says so): it shows the computation, not meaning.
 */
import type { Matrix } from '../../reference/matrix';
import { hashString, seededMatrix } from '../../reference/random';

/** d_model: divisible by 1, 2, 3 and 4, so every head count the widget offers splits it evenly. */
export const D_MODEL = 12;
export const MAX_TOKENS = 16;
export const MAX_CHARS = 2000;

/** Sinusoidal position encoding of the Transformer paper. */
export function positionEncoding(position: number, d: number): number[] {
	return Array.from({ length: d }, (_, i) => {
		const angle = position / 10000 ** ((2 * Math.floor(i / 2)) / d);
		return i % 2 === 0 ? Math.sin(angle) : Math.cos(angle);
	});
}

/** One row per token: a seeded vector for the token's text plus its position encoding. */
export function embed(tokens: string[]): Matrix {
	return tokens.map((token, position) => {
		const vector = seededMatrix(hashString(token), 1, D_MODEL, 1)[0]!;
		const pe = positionEncoding(position, D_MODEL);
		return vector.map((v, i) => v + 0.5 * pe[i]!);
	});
}

/** Fixed projections; the scale keeps scores in a range where the √d_k effect is visible. */
export const PROJECTIONS = {
	WQ: seededMatrix(101, D_MODEL, D_MODEL, 0.9),
	WK: seededMatrix(202, D_MODEL, D_MODEL, 0.9),
	WV: seededMatrix(303, D_MODEL, D_MODEL, 0.9),
};
