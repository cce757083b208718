/**
 * The character-level language models as tfjs ops: the tiny causal Transformer and the LSTM, for a batch of token ids.
 * One module for training (scripts/models/train-char-lm.mjs, in Node), the widgets and the part 4 cell, so that the
 * shipped model is computed the same way everywhere; the plain-TypeScript oracles are src/lib/reference/char-*.ts.
 *
 * Parameters are a map from name to tensor (tf.Variable while training); `parameterShapes` lists them, in the order
 * the weights file stores them. Imports are type-only, so Node runs this file as it is (it strips the types).
 */
import type * as TF from '@tensorflow/tfjs-core';
import type { LstmConfig } from '../reference/char-lstm';
import type { TransformerConfig } from '../reference/char-transformer';

export type CharModelKind = 'transformer' | 'lstm';
export type Parameters = Record<string, TF.Tensor>;
/** −10⁹ rather than −∞ above the diagonal: exp underflows to exactly 0 in float32, and the gradient stays finite. */
const MASKED = -1e9;
const EPSILON = 1e-5;

/** Every parameter's name and shape, in the weights file's order. */
export function parameterShapes(kind: 'transformer', config: TransformerConfig): [string, number[]][];
export function parameterShapes(kind: 'lstm', config: LstmConfig): [string, number[]][];
export function parameterShapes(kind: CharModelKind, config: TransformerConfig | LstmConfig): [string, number[]][];
export function parameterShapes(kind: CharModelKind, config: TransformerConfig | LstmConfig): [string, number[]][] {
	const V = config.vocabulary.length;
	if (kind === 'lstm') {
		const { embedding: e, units: n } = config as LstmConfig;
		return [
			['embedding', [V, e]],
			['lstm.kernel', [e, 4 * n]],
			['lstm.recurrent', [n, 4 * n]],
			['lstm.bias', [4 * n]],
			['output.kernel', [n, V]],
			['output.bias', [V]],
		];
	}
	const { dModel: d, ff, layers, context } = config as TransformerConfig;
	const block = (l: number): [string, number[]][] =>
		(
			[
				['ln1.gamma', [d]],
				['ln1.beta', [d]],
				['wq', [d, d]],
				['bq', [d]],
				['wk', [d, d]],
				['bk', [d]],
				['wv', [d, d]],
				['bv', [d]],
				['wo', [d, d]],
				['bo', [d]],
				['ln2.gamma', [d]],
				['ln2.beta', [d]],
				['w1', [d, ff]],
				['b1', [ff]],
				['w2', [ff, d]],
				['b2', [d]],
			] as [string, number[]][]
		).map(([name, shape]) => [`block${l}.${name}`, shape]);
	return [
		['embedding', [V, d]],
		['position', [context, d]],
		...Array.from({ length: layers }, (_, l) => block(l)).flat(),
		['final.gamma', [d]],
		['final.beta', [d]],
		['output.bias', [V]],
	];
}

/**
 * Seeded initial values: normal with σ = 1/√fan-in for matrices (the residual outputs W_O, W₂ scaled by 1/√(2·layers),
 * as GPT-2 does), σ = 0.1 for embeddings and positions, zeros for biases, ones for the layer norms' gains. An LSTM's
 * forget-gate bias starts at 1 (Jozefowicz et al., 2015), so that it remembers by default.
 */
export function initialParameters(tf: typeof TF, kind: CharModelKind, config: TransformerConfig | LstmConfig, seed: number): Parameters {
	const layers = kind === 'transformer' ? (config as TransformerConfig).layers : 1;
	return Object.fromEntries(
		parameterShapes(kind, config).map(([name, shape], i) => {
			const leaf = name.split('.').pop() ?? name;
			if (leaf === 'gamma') return [name, tf.ones(shape)];
			if (name === 'lstm.bias') {
				const n = shape[0]! / 4;
				return [name, tf.concat([tf.zeros([n]), tf.ones([n]), tf.zeros([2 * n])])];
			}
			if (shape.length === 1) return [name, tf.zeros(shape)];
			const sigma =
				name === 'embedding' || name === 'position' ? 0.1 : (1 / Math.sqrt(shape[0]!)) * (leaf === 'wo' || leaf === 'w2' ? 1 / Math.sqrt(2 * layers) : 1);
			return [name, tf.randomNormal(shape, 0, sigma, 'float32', seed + i)];
		}),
	);
}

const param = (p: Parameters, name: string): TF.Tensor => {
	const t = p[name];
	if (!t) throw new Error(`the model has no parameter “${name}”`);
	return t;
};

function layerNorm(tf: typeof TF, x: TF.Tensor, gamma: TF.Tensor, beta: TF.Tensor): TF.Tensor {
	const { mean, variance } = tf.moments(x, -1, true);
	return tf.add(tf.mul(tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, EPSILON))), gamma), beta);
}

/** x [B, T, a] · W [a, b] + bias → [B, T, b] */
function dense(tf: typeof TF, x: TF.Tensor, w: TF.Tensor, bias?: TF.Tensor): TF.Tensor {
	const [B, T, a] = x.shape as [number, number, number];
	const y = tf.reshape(tf.matMul(tf.reshape(x, [B * T, a]), w as TF.Tensor2D), [B, T, w.shape[1]!]);
	return bias ? tf.add(y, bias) : y;
}

export interface TransformerOutputs {
	/** [B, T, V], or [B, 1, V] with `logitsAt` */
	logits: TF.Tensor3D;
	/** Per layer, [B, heads, T, T]: the causal attention weights the model used. */
	attention: TF.Tensor4D[];
}

/**
 * Only the logits after one position: the output projection is T × d × V multiplications (V is 2,678 for the verse),
 * the largest single product of a forward pass, so a reader of one row computes one row.
 */
export interface LogitsOption {
	/** The position (0-based) whose next-token logits are wanted; all positions when absent (training). */
	logitsAt?: number;
}

/** Rows [at] of x [B, T, a] when `at` is given, else x. */
const rows = (tf: typeof TF, x: TF.Tensor, at: number | undefined): TF.Tensor => (at === undefined ? x : tf.slice(x, [0, at, 0], [-1, 1, -1]));

/** The Transformer's forward pass over ids [B, T] (T ≤ context). Call inside tf.tidy (or dispose the outputs). */
export function transformerForward(
	tf: typeof TF,
	config: TransformerConfig,
	p: Parameters,
	ids: TF.Tensor2D,
	{ logitsAt }: LogitsOption = {},
): TransformerOutputs {
	const [B, T] = ids.shape;
	const { dModel: d, heads: H } = config;
	const dk = d / H;
	const positions = tf.slice(param(p, 'position'), [0, 0], [T, d]);
	let x = tf.add(tf.reshape(tf.gather(param(p, 'embedding'), tf.reshape(ids, [-1])), [B, T, d]), positions);
	const allowed = tf.linalg.bandPart(tf.ones([T, T]), -1, 0);
	const mask = tf.mul(tf.sub(1, allowed), MASKED);
	const attention: TF.Tensor4D[] = [];
	for (let l = 0; l < config.layers; l++) {
		const b = (name: string) => param(p, `block${l}.${name}`);
		const a = layerNorm(tf, x, b('ln1.gamma'), b('ln1.beta'));
		const toHeads = (t: TF.Tensor) => tf.transpose(tf.reshape(t, [B, T, H, dk]), [0, 2, 1, 3]);
		const q = toHeads(dense(tf, a, b('wq'), b('bq')));
		const k = toHeads(dense(tf, a, b('wk'), b('bk')));
		const v = toHeads(dense(tf, a, b('wv'), b('bv')));
		const scores = tf.add(tf.div(tf.matMul(q as TF.Tensor4D, k as TF.Tensor4D, false, true), Math.sqrt(dk)), mask);
		const weights = tf.softmax(scores) as TF.Tensor4D;
		attention.push(weights);
		const heads = tf.reshape(tf.transpose(tf.matMul(weights, v as TF.Tensor4D), [0, 2, 1, 3]), [B, T, d]);
		x = tf.add(x, dense(tf, heads, b('wo'), b('bo')));
		const m = layerNorm(tf, x, b('ln2.gamma'), b('ln2.beta'));
		x = tf.add(x, dense(tf, tf.relu(dense(tf, m, b('w1'), b('b1'))), b('w2'), b('b2')));
	}
	const final = rows(tf, layerNorm(tf, x, param(p, 'final.gamma'), param(p, 'final.beta')), logitsAt);
	const R = final.shape[1]!;
	const logits = tf.add(
		tf.reshape(tf.matMul(tf.reshape(final, [B * R, d]), param(p, 'embedding') as TF.Tensor2D, false, true), [B, R, -1]),
		param(p, 'output.bias'),
	) as TF.Tensor3D;
	return { logits, attention };
}

export interface LstmOutputs {
	/** [B, T, V], or [B, 1, V] with `logitsAt` */
	logits: TF.Tensor3D;
	/** [B, T, n]: h_t at every step. */
	hidden: TF.Tensor3D;
}

/** The LSTM's forward pass over ids [B, T], from h₀ = c₀ = 0. Call inside tf.tidy (or dispose the outputs). */
export function lstmForward(tf: typeof TF, config: LstmConfig, p: Parameters, ids: TF.Tensor2D, { logitsAt }: LogitsOption = {}): LstmOutputs {
	const [B, T] = ids.shape;
	const n = config.units;
	const x = tf.reshape(tf.gather(param(p, 'embedding'), tf.reshape(ids, [-1])), [B, T, config.embedding]);
	// The input part of every gate for every step at once; only the recurrent part has to wait for h_{t−1}.
	const inputs = tf.unstack(tf.add(dense(tf, x, param(p, 'lstm.kernel')), param(p, 'lstm.bias')), 1);
	let h: TF.Tensor = tf.zeros([B, n]);
	let c: TF.Tensor = tf.zeros([B, n]);
	const hs: TF.Tensor[] = [];
	for (const input of inputs) {
		const z = tf.add(input, tf.matMul(h as TF.Tensor2D, param(p, 'lstm.recurrent') as TF.Tensor2D));
		const [i, f, g, o] = tf.split(z, 4, 1) as [TF.Tensor, TF.Tensor, TF.Tensor, TF.Tensor];
		c = tf.add(tf.mul(tf.sigmoid(f), c), tf.mul(tf.sigmoid(i), tf.tanh(g)));
		h = tf.mul(tf.sigmoid(o), tf.tanh(c));
		hs.push(h);
	}
	const hidden = tf.stack(hs, 1) as TF.Tensor3D;
	return { hidden, logits: dense(tf, rows(tf, hidden, logitsAt), param(p, 'output.kernel'), param(p, 'output.bias')) as TF.Tensor3D };
}

/**
 * Mean cross-entropy in nats over the positions where `weights` [B, T] is 1 (the padding after a text's end is 0).
 * targets [B, T] are token ids.
 */
export function maskedCrossEntropy(tf: typeof TF, logits: TF.Tensor3D, targets: TF.Tensor2D, weights: TF.Tensor2D): TF.Scalar {
	const V = logits.shape[2];
	const logProbabilities = tf.logSoftmax(logits);
	const picked = tf.sum(tf.mul(logProbabilities, tf.oneHot(targets, V)), -1);
	return tf.div(tf.neg(tf.sum(tf.mul(picked, weights))), tf.sum(weights)) as TF.Scalar;
}
