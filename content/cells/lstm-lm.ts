// A character-level LSTM language model, written from tfjs ops: the model of part 3's trained-LSTM widget (one LSTM
// layer of UNITS cells over a learned character embedding, then a dense layer to the next character's logits),
// trained here from scratch on English first names for SECONDS seconds. It draws the loss as it learns and ends with
// the held-out bits per character; then it hands the model to the page, and part 3's trained-LSTM widget offers it as
// "your model". Predict, under the cell, continues the text in the box with the model just trained.
const SECONDS = 30;
const EMBEDDING = 16;
const UNITS = 32;
const BATCH = 32;
const LEARNING_RATE = 0.01;

const { train, test } = await data.names();
// 0 = ⟨s⟩, which starts and ends every name; 1 = ⟨unk⟩ for a character the training names lack.
if (!shared.lstmVocab) shared.lstmVocab = ['<s>', '<unk>', ...[...new Set(train.join(''))].sort()];
const vocab = shared.lstmVocab as string[];
const V = vocab.length;
const index = new Map(vocab.map((c, i) => [c, i]));
const T = Math.max(...train.map((name) => [...name].length)) + 1; // the context: ⟨s⟩ and the longest name
const idsOf = (text: string) => [...text].slice(0, T - 1).map((c) => index.get(c) ?? 1);

/** A batch: inputs ⟨s⟩ c1 … cn, targets c1 … cn ⟨s⟩, and weight 0 for the padding after the end. */
function batchOf(names: string[]) {
	const pad = (row: number[]) => [...row, ...new Array<number>(T - row.length).fill(0)];
	const rows = names.map((name) => {
		const ids = idsOf(name);
		return { x: pad([0, ...ids]), y: pad([...ids, 0]), w: pad(new Array<number>(ids.length + 1).fill(1)) };
	});
	const matrix = (pick: (r: (typeof rows)[number]) => number[], dtype: 'int32' | 'float32') => tf.tensor2d(rows.map(pick), [names.length, T], dtype);
	return { inputs: matrix((r) => r.x, 'int32'), targets: matrix((r) => r.y, 'int32'), weights: matrix((r) => r.w, 'float32') };
}

/** The parameters, named as in part 3's model files; the gates are stacked i, f, g, o, and f's bias starts at 1. */
function initialParameters(): Record<string, tf.Variable> {
	const n = UNITS;
	return {
		embedding: tf.variable(tf.randomNormal([V, EMBEDDING], 0, 0.1, 'float32', 1)),
		'lstm.kernel': tf.variable(tf.randomNormal([EMBEDDING, 4 * n], 0, 1 / Math.sqrt(EMBEDDING), 'float32', 2)),
		'lstm.recurrent': tf.variable(tf.randomNormal([n, 4 * n], 0, 1 / Math.sqrt(n), 'float32', 3)),
		'lstm.bias': tf.variable(tf.concat([tf.zeros([n]), tf.ones([n]), tf.zeros([2 * n])])),
		'output.kernel': tf.variable(tf.randomNormal([n, V], 0, 1 / Math.sqrt(n), 'float32', 4)),
		'output.bias': tf.variable(tf.zeros([V])),
	};
}

/** Logits [B, t, V] for ids [B, t], from h₀ = c₀ = 0. */
function forward(p: Record<string, tf.Tensor>, ids: tf.Tensor2D) {
	const [B, t] = ids.shape;
	const x = tf.gather(p.embedding!, ids); // [B, t, EMBEDDING]
	// The input part of every gate for every step at once; only the recurrent part has to wait for h_{t−1}.
	const inputs = tf.unstack(
		tf.add(tf.reshape(tf.matMul(tf.reshape(x, [B * t, EMBEDDING]), p['lstm.kernel'] as tf.Tensor2D), [B, t, 4 * UNITS]), p['lstm.bias']!),
		1,
	);
	let h: tf.Tensor = tf.zeros([B, UNITS]);
	let c: tf.Tensor = tf.zeros([B, UNITS]);
	const hs: tf.Tensor[] = [];
	for (const input of inputs) {
		const z = tf.add(input, tf.matMul(h as tf.Tensor2D, p['lstm.recurrent'] as tf.Tensor2D));
		const [i, f, g, o] = tf.split(z, 4, 1);
		c = tf.add(tf.mul(tf.sigmoid(f!), c), tf.mul(tf.sigmoid(i!), tf.tanh(g!)));
		h = tf.mul(tf.sigmoid(o!), tf.tanh(c));
		hs.push(h);
	}
	const hidden = tf.reshape(tf.stack(hs, 1), [B * t, UNITS]);
	return tf.reshape(tf.add(tf.matMul(hidden as tf.Tensor2D, p['output.kernel'] as tf.Tensor2D), p['output.bias']!), [B, t, V]) as tf.Tensor3D;
}

/** Mean cross-entropy in nats over the weighted positions. */
function loss(p: Record<string, tf.Tensor>, batch: ReturnType<typeof batchOf>) {
	const picked = tf.sum(tf.mul(tf.logSoftmax(forward(p, batch.inputs)), tf.oneHot(batch.targets, V)), -1);
	return tf.div(tf.neg(tf.sum(tf.mul(picked, batch.weights))), tf.sum(batch.weights)) as tf.Scalar;
}

/** Fisher–Yates, in place. */
function shuffle(items: number[]) {
	for (let i = items.length - 1; i > 0; i--) {
		const j = Math.floor(Math.random() * (i + 1));
		[items[i], items[j]] = [items[j]!, items[i]!];
	}
}

/** Continues `ids` one character at a time until ⟨s⟩ or the context ends. */
function continueText(p: Record<string, tf.Tensor>, start: number[]): string {
	const ids = [0, ...start];
	while (ids.length < T) {
		const probs = tf.tidy(() =>
			tf.softmax(tf.slice(forward(p, tf.tensor2d([ids], [1, ids.length], 'int32')), [0, ids.length - 1, 0], [1, 1, V]).reshape([V])).dataSync(),
		);
		probs[1] = 0; // never ⟨unk⟩
		let r = Math.random() * probs.reduce((a, b) => a + b, 0);
		let next = 0;
		while (next < V - 1 && (r -= probs[next]!) > 0) next++;
		if (next === 0) break;
		ids.push(next);
	}
	const text = ids
		.slice(1)
		.map((id) => vocab[id])
		.join('');
	return text || '(ended at once)';
}

if (input.trigger === 'run' || !shared.lstmParameters) {
	tf.dispose(Object.values((shared.lstmParameters ?? {}) as Record<string, tf.Variable>));
	shared.lstmParameters = undefined; // forgotten at once: if this run fails, Predict must not find disposed tensors
	const p = initialParameters();
	const optimizer = tf.train.adam(LEARNING_RATE);
	const started = performance.now();
	const order = train.map((_, i) => i);
	let step = 0;
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
	const heldOut = nats / count / Math.LN2;
	console.log(`trained ${step} steps (${((step * BATCH) / train.length).toFixed(1)} epochs) in ${SECONDS} s`);
	console.log(`held-out bits per character: ${heldOut.toFixed(3)} (guessing uniformly: ${Math.log2(V - 1).toFixed(3)})`);
	console.log(`samples: ${Array.from({ length: 8 }, () => continueText(p, [])).join(', ')}`);
	shared.lstmParameters = p;
	// For part 3: the sizes and the parameters by name, as in the site's model files.
	const config = { vocabulary: vocab, context: T, embedding: EMBEDDING, units: UNITS };
	await out.publish('lstm', { kind: 'lstm', config, parameters: p }, { bitsPerCharacter: heldOut });
}

// The text in the box (lower case, as the names are), continued by the model.
const p = shared.lstmParameters as Record<string, tf.Tensor>;
const prefix = (input.text ?? '').toLowerCase().trim();
console.log(`${prefix ? `"${prefix}" continues as` : 'new names'}: ${Array.from({ length: 5 }, () => continueText(p, idsOf(prefix))).join(', ')}`);
