import { matmul, transpose, type Matrix, type Vector } from './matrix';

/**
 * Softmax of one row. Masked entries are −Infinity; a row in which every entry is masked has no valid
 * distribution, and gets all-zero weights (so its output is the zero vector) instead of NaN.
 */
export function softmax(row: Vector): Vector {
	const max = Math.max(...row);
	if (max === -Infinity) return row.map(() => 0);
	const exps = row.map((v) => Math.exp(v - max));
	const sum = exps.reduce((a, b) => a + b, 0);
	return exps.map((e) => e / sum);
}

export interface AttentionOptions {
	/** Hide future tokens: position i may attend only to positions j ≤ i. */
	causal: boolean;
	/** Divide scores by √d_k (turn off to see the softmax saturate). */
	scale: boolean;
	/** Softmax temperature τ > 0: weights = softmax(scores / τ). */
	temperature: number;
	/** Extra mask: `mask[i][j] === false` hides key j from query i. */
	mask?: boolean[][];
}

export interface AttentionResult {
	/** QKᵀ (before scaling). */
	raw: Matrix;
	/** Scores after scaling, temperature and masking (−Infinity where masked). */
	scores: Matrix;
	/** Softmax weights; each unmasked row sums to 1. */
	weights: Matrix;
	/** weights · V */
	output: Matrix;
}

/** Scaled dot-product attention: softmax(QKᵀ/√d_k / τ + M) V. */
export function attention(Q: Matrix, K: Matrix, V: Matrix, options: AttentionOptions): AttentionResult {
	if (!(options.temperature > 0)) throw new RangeError(`temperature must be > 0, got ${options.temperature}`);
	const dk = Q[0]?.length ?? 0;
	const raw = matmul(Q, transpose(K));
	const divisor = (options.scale ? Math.sqrt(dk) : 1) * options.temperature;
	const scores = raw.map((row, i) =>
		row.map((v, j) => {
			const hidden = (options.causal && j > i) || options.mask?.[i]?.[j] === false;
			return hidden ? -Infinity : v / divisor;
		}),
	);
	const weights = scores.map(softmax);
	return { raw, scores, weights, output: matmul(weights, V) };
}

/** Splits the columns of X (n × d_model) into `heads` blocks of d_model / heads columns. */
export function splitHeads(X: Matrix, heads: number): Matrix[] {
	const d = X[0]?.length ?? 0;
	if (!Number.isInteger(heads) || heads < 1 || d % heads !== 0) throw new RangeError(`cannot split ${d} columns into ${heads} heads of equal width`);
	const width = d / heads;
	return Array.from({ length: heads }, (_, h) => X.map((row) => row.slice(h * width, (h + 1) * width)));
}

/** Multi-head self-attention over X with projections W_Q, W_K, W_V (d_model × d_model); one result per head. */
export function multiHeadAttention(X: Matrix, weights: { WQ: Matrix; WK: Matrix; WV: Matrix }, heads: number, options: AttentionOptions): AttentionResult[] {
	const [Qs, Ks, Vs] = [weights.WQ, weights.WK, weights.WV].map((W) => splitHeads(matmul(X, W), heads));
	return Qs!.map((Q, h) => attention(Q, Ks![h]!, Vs![h]!, options));
}
