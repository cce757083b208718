/**
 * The widgets' operations as tfjs kernels. Inputs and outputs are plain arrays (the views never touch tensors);
 * every tensor is created inside `tf.tidy` or disposed explicitly, so `tf.memory().numTensors` returns to its
 * baseline after every call. Semantics match src/lib/reference exactly; the unit tests hold them to it.
 */
import type * as TF from '@tensorflow/tfjs-core';
import type { Matrix, Vector } from '../reference/matrix';
import type { Padding } from '../reference/convolution';
import type { PoolMode } from '../reference/pooling';
import type { AttentionOptions } from '../reference/attention';
import type { LstmStep, LstmWeights, RnnWeights } from '../reference/recurrent';

async function readMatrix(tf: typeof TF, t: TF.Tensor): Promise<Matrix> {
	try {
		return (await t.array()) as Matrix;
	} finally {
		tf.dispose(t);
	}
}

export interface ConvParams {
	stride: number;
	padding: Padding;
	bias: number;
	applyRelu: boolean;
}

export async function conv2d(tf: typeof TF, input: Matrix, kernel: Matrix, p: ConvParams): Promise<Matrix> {
	const y = tf.tidy(() => {
		const x = tf.tensor4d(input.flat(), [1, input.length, input[0]!.length, 1]);
		const w = tf.tensor4d(kernel.flat(), [kernel.length, kernel[0]!.length, 1, 1]);
		let out = tf.add(tf.conv2d(x, w, p.stride, p.padding), p.bias);
		if (p.applyRelu) out = tf.relu(out);
		return tf.squeeze(out, [0, 3]);
	});
	return readMatrix(tf, y);
}

export async function pool2d(tf: typeof TF, input: Matrix, p: { mode: PoolMode; window: number; stride: number; padding?: Padding }): Promise<Matrix> {
	const y = tf.tidy(() => {
		const x = tf.tensor4d(input.flat(), [1, input.length, input[0]!.length, 1]);
		const pool = p.mode === 'max' ? tf.maxPool : tf.avgPool;
		return tf.squeeze(pool(x, p.window, p.stride, p.padding ?? 'valid'), [0, 3]);
	});
	return readMatrix(tf, y);
}

/** Hidden states h_1 … h_T of a vanilla RNN from h_0 = 0, one row per step. */
export async function rnnSequence(tf: typeof TF, w: RnnWeights, xs: Vector[]): Promise<Matrix> {
	const hs = tf.tidy(() => {
		const Wxh = tf.tensor2d(w.Wxh);
		const Whh = tf.tensor2d(w.Whh);
		const b = tf.tensor2d(w.bh, [w.bh.length, 1]);
		let h: TF.Tensor2D = tf.zeros([w.bh.length, 1]);
		const out: TF.Tensor2D[] = [];
		for (const x of xs) {
			h = tf.tanh(tf.add(tf.add(tf.matMul(Wxh, tf.tensor2d(x, [x.length, 1])), tf.matMul(Whh, h)), b)) as TF.Tensor2D;
			out.push(h);
		}
		return out.length ? tf.transpose(tf.concat(out, 1)) : tf.zeros([0, w.bh.length]);
	});
	return readMatrix(tf, hs);
}

/** Every step of an LSTM from h_0 = c_0 = 0: gates, cell state and hidden state. */
export async function lstmSequence(tf: typeof TF, w: LstmWeights, xs: Vector[]): Promise<LstmStep[]> {
	const n = w.i.b.length;
	const stacked = tf.tidy(() => {
		const gate = (g: LstmWeights['i']) => ({ W: tf.tensor2d(g.W), U: tf.tensor2d(g.U), b: tf.tensor2d(g.b, [n, 1]) });
		const [gi, gf, go, gg] = [gate(w.i), gate(w.f), gate(w.o), gate(w.g)];
		const pre = (g: typeof gi, x: TF.Tensor2D, h: TF.Tensor2D) => tf.add(tf.add(tf.matMul(g.W, x), tf.matMul(g.U, h)), g.b) as TF.Tensor2D;
		let h: TF.Tensor2D = tf.zeros([n, 1]);
		let c: TF.Tensor2D = tf.zeros([n, 1]);
		const rows: TF.Tensor2D[] = [];
		for (const xv of xs) {
			const x = tf.tensor2d(xv, [xv.length, 1]);
			const i = tf.sigmoid(pre(gi, x, h));
			const f = tf.sigmoid(pre(gf, x, h));
			const o = tf.sigmoid(pre(go, x, h));
			const g = tf.tanh(pre(gg, x, h));
			c = tf.add(tf.mul(f, c), tf.mul(i, g)) as TF.Tensor2D;
			h = tf.mul(o, tf.tanh(c)) as TF.Tensor2D;
			// One row of 6n numbers per step: i, f, o, g, c, h.
			rows.push(tf.transpose(tf.concat([i, f, o, g, c, h], 0)));
		}
		return rows.length ? tf.concat(rows, 0) : tf.zeros([0, 6 * n]);
	});
	const table = await readMatrix(tf, stacked);
	return table.map((row) => {
		const part = (k: number) => row.slice(k * n, (k + 1) * n);
		return { i: part(0), f: part(1), o: part(2), g: part(3), c: part(4), h: part(5) };
	});
}

/** Scaled dot-product attention; returns the softmax weights and the output. */
export async function attention(tf: typeof TF, Q: Matrix, K: Matrix, V: Matrix, options: AttentionOptions): Promise<{ weights: Matrix; output: Matrix }> {
	const n = Q.length;
	const [weights, output] = tf.tidy(() => {
		const q = tf.tensor2d(Q);
		const k = tf.tensor2d(K);
		const v = tf.tensor2d(V);
		const divisor = (options.scale ? Math.sqrt(Q[0]!.length) : 1) * options.temperature;
		const scores = tf.div(tf.matMul(q, k, false, true), divisor);
		const allowed = tf.tensor2d(
			Array.from({ length: n }, (_, i) => Array.from({ length: K.length }, (_, j) => !((options.causal && j > i) || options.mask?.[i]?.[j] === false))),
			[n, K.length],
			'bool',
		);
		const masked = tf.where(allowed, scores, tf.fill(scores.shape, -Infinity));
		// A row with every key hidden gets zero weights (the reference's convention), not softmax's NaN.
		const anyAllowed = tf.any(allowed, 1, true);
		const safe = tf.where(anyAllowed, masked, tf.zerosLike(masked));
		const w = tf.where(tf.broadcastTo(anyAllowed, scores.shape), tf.softmax(safe), tf.zerosLike(scores));
		return [w, tf.matMul(w, v)];
	});
	return { weights: await readMatrix(tf, weights), output: await readMatrix(tf, output) };
}

/**
 * Multi-head self-attention over X (n × d_model) with projections (d_model × d_model): per head, the softmax
 * weights and the output. Heads split the projected columns into equal blocks, as in the Transformer.
 */
export async function multiHeadSelfAttention(
	tf: typeof TF,
	X: Matrix,
	weights: { WQ: Matrix; WK: Matrix; WV: Matrix },
	heads: number,
	options: AttentionOptions,
): Promise<{ weights: Matrix; output: Matrix }[]> {
	const n = X.length;
	const dk = X[0]!.length / heads;
	const perHead = tf.tidy(() => {
		const x = tf.tensor2d(X);
		const project = (W: Matrix) => tf.matMul(x, tf.tensor2d(W)) as TF.Tensor2D;
		// [n, d_model] → [heads, n, d_k]
		const split = (t: TF.Tensor2D) => tf.transpose(tf.reshape(t, [n, heads, dk]), [1, 0, 2]) as TF.Tensor3D;
		const [q, k, v] = [weights.WQ, weights.WK, weights.WV].map((W) => split(project(W)));
		const divisor = (options.scale ? Math.sqrt(dk) : 1) * options.temperature;
		const scores = tf.div(tf.matMul(q!, k!, false, true), divisor);
		const allowed = tf.tensor2d(
			Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => !(options.causal && j > i))),
			[n, n],
			'bool',
		);
		const w = tf.softmax(tf.where(tf.broadcastTo(allowed, scores.shape), scores, tf.fill(scores.shape, -Infinity)));
		return [w, tf.matMul(w, v!)] as const;
	});
	const [w, out] = await Promise.all([perHead[0].array(), perHead[1].array()]);
	tf.dispose([...perHead]);
	return (w as number[][][]).map((weightsOfHead, h) => ({ weights: weightsOfHead, output: (out as number[][][])[h]! }));
}
