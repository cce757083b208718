// A tiny causal Transformer language model, written from tfjs ops (tfjs-layers has no MultiHeadAttention): the
// model of part 3's trained-attention widget (pre-layer-norm blocks, learned positions, the output tied to the
// token embedding), trained here from scratch on English first names for SECONDS seconds. It draws the loss as it
// learns, prints a few samples every few seconds, and ends with the held-out bits per character.
// Predict, under the cell, continues the text in the box with the model just trained (no retraining). When training
// ends, the model is handed to the page: part 3's trained-attention widget then offers it as "your model".
const SECONDS = 60;
const D = 32; // d_model
const HEADS = 4;
const LAYERS = 2;
const FF = 128;
const BATCH = 32;
const LEARNING_RATE = 0.003;
const TEMPERATURE = 1;

const { train, test } = await data.names();
// 0 = ⟨s⟩, which starts and ends every name; 1 = ⟨unk⟩ for a character the training names lack.
if (!shared.vocab) shared.vocab = ['<s>', '<unk>', ...[...new Set(train.join(''))].sort()];
const vocab = shared.vocab as string[];
const V = vocab.length;
const index = new Map(vocab.map((c, i) => [c, i]));
const T = Math.max(...train.map((name) => [...name].length)) + 1; // the context: ⟨s⟩ and the longest name
const idsOf = (text: string) => [...text].slice(0, T - 1).map((c) => index.get(c) ?? 1);

/** A batch: inputs ⟨s⟩ c1 … cn, targets c1 … cn ⟨s⟩, and weight 0 for the padding after the end. */
function batchOf(names: string[]) {
	const rows = names.map((name) => {
		const ids = idsOf(name);
		const pad = (row: number[]) => [...row, ...new Array<number>(T - row.length).fill(0)];
		return { x: pad([0, ...ids]), y: pad([...ids, 0]), w: pad(new Array<number>(ids.length + 1).fill(1)) };
	});
	return {
		inputs: tf.tensor2d(
			rows.map((r) => r.x),
			[names.length, T],
			'int32',
		),
		targets: tf.tensor2d(
			rows.map((r) => r.y),
			[names.length, T],
			'int32',
		),
		weights: tf.tensor2d(
			rows.map((r) => r.w),
			[names.length, T],
		),
	};
}

/** The parameters, named as in part 3's model files; σ = 1/√fan-in, residual outputs scaled by 1/√(2·layers). */
function initialParameters(): Record<string, tf.Variable> {
	const p: Record<string, tf.Variable> = {};
	let seed = 1;
	const normal = (name: string, shape: number[], sigma: number) => (p[name] = tf.variable(tf.randomNormal(shape, 0, sigma, 'float32', seed++)));
	const fill = (name: string, n: number, value: number) => (p[name] = tf.variable(tf.fill([n], value)));
	normal('embedding', [V, D], 0.1);
	normal('position', [T, D], 0.1);
	for (let l = 0; l < LAYERS; l++) {
		const b = `block${l}.`;
		for (const ln of ['ln1', 'ln2']) {
			fill(`${b}${ln}.gamma`, D, 1);
			fill(`${b}${ln}.beta`, D, 0);
		}
		for (const m of ['wq', 'wk', 'wv', 'wo']) normal(b + m, [D, D], (1 / Math.sqrt(D)) * (m === 'wo' ? 1 / Math.sqrt(2 * LAYERS) : 1));
		for (const m of ['bq', 'bk', 'bv', 'bo', 'b2']) fill(b + m, D, 0);
		normal(`${b}w1`, [D, FF], 1 / Math.sqrt(D));
		fill(`${b}b1`, FF, 0);
		normal(`${b}w2`, [FF, D], 1 / Math.sqrt(FF) / Math.sqrt(2 * LAYERS));
	}
	fill('final.gamma', D, 1);
	fill('final.beta', D, 0);
	fill('output.bias', V, 0);
	return p;
}

function layerNorm(x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor) {
	const { mean, variance } = tf.moments(x, -1, true);
	return tf.add(tf.mul(tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, 1e-5))), gamma), beta);
}

/** x [B, t, a] · W [a, b] + bias → [B, t, b] */
function dense(x: tf.Tensor, w: tf.Tensor, bias: tf.Tensor) {
	const [B, t, a] = x.shape;
	return tf.add(tf.reshape(tf.matMul(tf.reshape(x, [B! * t!, a!]), w as tf.Tensor2D), [B!, t!, w.shape[1]!]), bias);
}

/** Logits [B, t, V] and each layer's causal attention weights [B, heads, t, t] for ids [B, t]. */
function forward(p: Record<string, tf.Tensor>, ids: tf.Tensor2D) {
	const [B, t] = ids.shape;
	const dk = D / HEADS;
	let x = tf.add(tf.gather(p.embedding!, ids), tf.slice(p.position!, [0, 0], [t, D]));
	// Above the diagonal a score of −1e9: after softmax, a weight of exactly 0 on every later position.
	const mask = tf.mul(tf.sub(1, tf.linalg.bandPart(tf.ones([t, t]), -1, 0)), -1e9);
	const attention: tf.Tensor4D[] = [];
	for (let l = 0; l < LAYERS; l++) {
		const b = (name: string) => p[`block${l}.${name}`]!;
		const a = layerNorm(x, b('ln1.gamma'), b('ln1.beta'));
		const heads = (w: string, bias: string) => tf.transpose(tf.reshape(dense(a, b(w), b(bias)), [B, t, HEADS, dk]), [0, 2, 1, 3]) as tf.Tensor4D;
		const [q, k, v] = [heads('wq', 'bq'), heads('wk', 'bk'), heads('wv', 'bv')];
		const weights = tf.softmax(tf.add(tf.div(tf.matMul(q, k, false, true), Math.sqrt(dk)), mask)) as tf.Tensor4D;
		attention.push(weights);
		const mixed = tf.reshape(tf.transpose(tf.matMul(weights, v), [0, 2, 1, 3]), [B, t, D]);
		x = tf.add(x, dense(mixed, b('wo'), b('bo')));
		const m = layerNorm(x, b('ln2.gamma'), b('ln2.beta'));
		x = tf.add(x, dense(tf.relu(dense(m, b('w1'), b('b1'))), b('w2'), b('b2')));
	}
	const final = layerNorm(x, p['final.gamma']!, p['final.beta']!);
	const logits = tf.add(tf.reshape(tf.matMul(tf.reshape(final, [B * t, D]), p.embedding! as tf.Tensor2D, false, true), [B, t, V]), p['output.bias']!);
	return { logits: logits as tf.Tensor3D, attention };
}

/** Mean cross-entropy in nats over the weighted positions. */
function loss(p: Record<string, tf.Tensor>, batch: ReturnType<typeof batchOf>) {
	const logProbs = tf.logSoftmax(forward(p, batch.inputs).logits);
	const picked = tf.sum(tf.mul(logProbs, tf.oneHot(batch.targets, V)), -1);
	return tf.div(tf.neg(tf.sum(tf.mul(picked, batch.weights))), tf.sum(batch.weights)) as tf.Scalar;
}

/** Fisher–Yates, in place. */
function shuffle(items: number[]) {
	for (let i = items.length - 1; i > 0; i--) {
		const j = Math.floor(Math.random() * (i + 1));
		[items[i], items[j]] = [items[j]!, items[i]!];
	}
}

/** Continues `ids` one character at a time (each a forward pass over the text so far) until ⟨s⟩ or the context ends. */
function continueText(p: Record<string, tf.Tensor>, start: number[]): string {
	const ids = [0, ...start];
	while (ids.length < T) {
		const probs = tf.tidy(() => {
			const logits = forward(p, tf.tensor2d([ids], [1, ids.length], 'int32')).logits;
			return tf.softmax(tf.div(tf.slice(logits, [0, ids.length - 1, 0], [1, 1, V]).reshape([V]), TEMPERATURE)).dataSync();
		});
		probs[1] = 0; // never ⟨unk⟩
		let r = Math.random() * probs.reduce((a, b) => a + b, 0);
		let next = 0;
		while (next < V - 1 && (r -= probs[next]!) > 0) next++;
		if (next === 0) break;
		ids.push(next);
	}
	// A model may end a name at once: say so, rather than print an empty string.
	const text = ids
		.slice(1)
		.map((id) => vocab[id])
		.join('');
	return text || '(ended at once)';
}

if (input.trigger === 'run' || !shared.parameters) {
	tf.dispose(Object.values((shared.parameters ?? {}) as Record<string, tf.Variable>));
	shared.parameters = undefined; // forgotten at once: if this run fails, Predict must not find disposed tensors
	const p = initialParameters();
	const optimizer = tf.train.adam(LEARNING_RATE);
	const started = performance.now();
	const order = train.map((_, i) => i);
	let step = 0;
	let lastSample = started;
	while (performance.now() - started < SECONDS * 1000) {
		const from = (step * BATCH) % train.length;
		if (from < BATCH) shuffle(order); // a new epoch
		const batch = batchOf(order.slice(from, from + BATCH).map((i) => train[i]!));
		const cost = optimizer.minimize(() => loss(p, batch), true) as tf.Scalar;
		const bits = (await cost.data())[0]! / Math.LN2;
		tf.dispose([cost, batch.inputs, batch.targets, batch.weights]);
		step++;
		if (step % 5 === 0) out.append('curves', 'bits per character', step, bits);
		out.progress('seconds', Math.min(SECONDS, Math.round((performance.now() - started) / 1000)), SECONDS);
		if (performance.now() - lastSample > 15_000) {
			lastSample = performance.now();
			console.log(`step ${step}, ${bits.toFixed(2)} bits/char: ${[1, 2, 3].map(() => continueText(p, [])).join(', ')}`);
		}
	}
	optimizer.dispose();
	// Held out: the test names, in batches, scored exactly as in training.
	let nats = 0;
	let count = 0;
	for (let i = 0; i < test.length; i += 256) {
		const batch = batchOf(test.slice(i, i + 256));
		const n = tf.tidy(() => batch.weights.sum().dataSync()[0]!);
		nats += tf.tidy(() => loss(p, batch).dataSync()[0]!) * n;
		count += n;
		tf.dispose([batch.inputs, batch.targets, batch.weights]);
	}
	console.log(`trained ${step} steps (${((step * BATCH) / train.length).toFixed(1)} epochs) in ${SECONDS} s`);
	const heldOut = nats / count / Math.LN2;
	console.log(`held-out bits per character: ${heldOut.toFixed(3)} (guessing uniformly: ${Math.log2(V - 1).toFixed(3)})`);
	console.log(`samples: ${Array.from({ length: 8 }, () => continueText(p, [])).join(', ')}`);
	shared.parameters = p;
	// For part 3: the sizes and the parameters by name, as in the site's model files (the widget runs its own forward
	// pass, the same as forward() above, with these weights).
	const config = { vocabulary: vocab, context: T, dModel: D, heads: HEADS, layers: LAYERS, ff: FF };
	await out.publish('transformer', { kind: 'transformer', config, parameters: p }, { bitsPerCharacter: heldOut });
}

// The text in the box (lower case, as the names are), continued by the model; and the next character's distribution.
const p = shared.parameters as Record<string, tf.Tensor>;
const prefix = (input.text ?? '').toLowerCase().trim();
const start = idsOf(prefix);
const probs = tf.tidy(() => {
	const ids = [0, ...start];
	const logits = forward(p, tf.tensor2d([ids], [1, ids.length], 'int32')).logits;
	return tf.softmax(tf.slice(logits, [0, ids.length - 1, 0], [1, 1, V]).reshape([V])).dataSync();
});
const top = [...probs.keys()].sort((a, b) => probs[b]! - probs[a]!).slice(0, 8);
out.bars(
	'next',
	top.map((i) => (i === 0 ? 'end' : vocab[i]!)),
	top.map((i) => probs[i]!),
	{ title: prefix ? `next character after "${prefix}"` : 'first character of a name' },
);
console.log(`${prefix ? `"${prefix}" continues as` : 'new names'}: ${Array.from({ length: 5 }, () => continueText(p, start)).join(', ')}`);
