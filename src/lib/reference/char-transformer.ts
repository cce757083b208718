/**
 * The tiny causal Transformer of the character models, in plain TypeScript: the oracle that the tfjs forward pass
 * (src/lib/compute/char-lm.ts) is tested against, and the source of the attention widget's step-by-step numbers.
 *
 * A GPT-style decoder with pre-layer-norm blocks, learned positions and the output tied to the token embedding:
 *   x₀ = E[token] + P[position]
 *   for each layer: x ← x + MHA(LN₁(x)),  x ← x + W₂ ReLU(W₁ LN₂(x) + b₁) + b₂
 *   logits = LN_f(x) Eᵀ + b_out
 * with causal multi-head attention: per head h, Q = aW_Q, K = aW_K, V = aW_V (columns h·d_k … (h+1)·d_k), then
 * softmax(QKᵀ/√d_k + M)V with M = −∞ above the diagonal, the heads concatenated and projected by W_O.
 */
import { attention, splitHeads, type AttentionResult } from './attention';
import { matmul, transpose, type Matrix, type Vector } from './matrix';

export const LAYER_NORM_EPSILON = 1e-5;

/** Sizes, as model.json's `config` records them. */
export interface TransformerConfig {
	vocabulary: string[];
	/** Longest input in tokens (the boundary token plus the longest text). */
	context: number;
	dModel: number;
	heads: number;
	layers: number;
	/** Width of the feed-forward layer. */
	ff: number;
}

export interface LayerNormWeights {
	gamma: Vector;
	beta: Vector;
}

/** One block's weights; matrices are (inputs × outputs), as tfjs multiplies a row vector from the left. */
export interface BlockWeights {
	ln1: LayerNormWeights;
	wq: Matrix;
	bq: Vector;
	wk: Matrix;
	bk: Vector;
	wv: Matrix;
	bv: Vector;
	wo: Matrix;
	bo: Vector;
	ln2: LayerNormWeights;
	w1: Matrix;
	b1: Vector;
	w2: Matrix;
	b2: Vector;
}

export interface TransformerWeights {
	/** V × d_model, also the output projection (tied). */
	embedding: Matrix;
	/** context × d_model */
	position: Matrix;
	blocks: BlockWeights[];
	final: LayerNormWeights;
	/** V */
	outputBias: Vector;
}

/** One head of one layer, for one input: its Q, K, V (T × d_k) and attention (raw QKᵀ, scores, weights, output). */
export interface HeadTrace extends AttentionResult {
	Q: Matrix;
	K: Matrix;
	V: Matrix;
}

export interface TransformerTrace {
	/** heads[layer][head] */
	heads: HeadTrace[][];
	/** T × V: the logits of the token after each position. */
	logits: Matrix;
}

export function layerNorm(row: Vector, { gamma, beta }: LayerNormWeights): Vector {
	const mean = row.reduce((a, b) => a + b, 0) / row.length;
	const variance = row.reduce((a, b) => a + (b - mean) ** 2, 0) / row.length;
	const scale = 1 / Math.sqrt(variance + LAYER_NORM_EPSILON);
	return row.map((v, i) => (v - mean) * scale * gamma[i]! + beta[i]!);
}

const affine = (X: Matrix, W: Matrix, b: Vector): Matrix => matmul(X, W).map((row) => row.map((v, j) => v + b[j]!));
const addRows = (A: Matrix, B: Matrix): Matrix => A.map((row, i) => row.map((v, j) => v + B[i]![j]!));

/**
 * The forward pass over token ids (at most `context` of them), keeping every head's numbers. `logits: false` stops
 * after the last block (the widget's step-by-step numbers need only the heads; the logits are most of the work).
 */
export function transformerForward(config: TransformerConfig, w: TransformerWeights, ids: readonly number[], { logits = true } = {}): TransformerTrace {
	if (ids.length === 0 || ids.length > config.context) throw new RangeError(`expected 1 to ${config.context} tokens, got ${ids.length}`);
	let x: Matrix = ids.map((id, t) => w.embedding[id]!.map((v, j) => v + w.position[t]![j]!));
	const heads: HeadTrace[][] = [];
	for (const block of w.blocks) {
		const a = x.map((row) => layerNorm(row, block.ln1));
		const [Qs, Ks, Vs] = [affine(a, block.wq, block.bq), affine(a, block.wk, block.bk), affine(a, block.wv, block.bv)].map((M) => splitHeads(M, config.heads));
		const layerHeads = Qs!.map((Q, h): HeadTrace => {
			const K = Ks![h]!;
			const V = Vs![h]!;
			return { Q, K, V, ...attention(Q, K, V, { causal: true, scale: true, temperature: 1 }) };
		});
		heads.push(layerHeads);
		const concatenated = x.map((_, t) => layerHeads.flatMap((head) => head.output[t]!));
		x = addRows(x, affine(concatenated, block.wo, block.bo));
		const m = x.map((row) => layerNorm(row, block.ln2));
		const hidden = affine(m, block.w1, block.b1).map((row) => row.map((v) => Math.max(0, v)));
		x = addRows(x, affine(hidden, block.w2, block.b2));
	}
	if (!logits) return { heads, logits: [] };
	const final = x.map((row) => layerNorm(row, w.final));
	return { heads, logits: affine(final, transpose(w.embedding), w.outputBias) };
}
