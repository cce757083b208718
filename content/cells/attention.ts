// The corrected attention model of part 4: LSTM(returnSequences) → dot-product self-attention (a custom layer:
// tfjs-layers has none) → average over time → Dense softmax, trained here on the same SpamAssassin e-mails.
// As Keras does with `mask_zero=True`, padding (id 0, at the end) is masked: it gets no attention weight and no
// share of the average, so the model reads a message exactly as it would unpadded.
// Afterwards it draws the attention weights of MY_TEXT as a heatmap (rows: queries, columns: keys): the weights the
// model used, computed by the same function as in the layer.
// Run trains the model and keeps it in `shared`; Predict, under the cell, draws the weights (and the prediction) for
// the text in the box with that model, without retraining (`input.text`; MY_TEXT when the box is empty).
const MY_TEXT = 'Limited offer: claim your free cash prize now';
const TRAIN = 1200;
const EPOCHS = 2;
const VOCAB = 2000;
const LENGTH = 40;
const UNITS = 64;

/** 1 for a word, 0 for padding: [batch, T]. */
const wordMask = (ids: tf.Tensor) => tf.cast(tf.notEqual(ids, 0), 'float32') as tf.Tensor2D;

/**
 * softmax over the keys of g · H Hᵀ, padding keys excluded: a score of −1e9 becomes a weight of exactly 0.
 * g is the learned scale of `keras.layers.Attention(use_scale=True)`, which starts at 1.
 */
function attentionWeights(h: tf.Tensor3D, ids: tf.Tensor2D, g: tf.Tensor): tf.Tensor3D {
	return tf.tidy(() => {
		const scores = tf.mul(tf.matMul(h, h, false, true), g);
		const blocked = tf.mul(tf.sub(1, tf.expandDims(wordMask(ids), 1)), -1e9);
		return tf.softmax(tf.add(scores, blocked)) as tf.Tensor3D;
	});
}

/** [states, ids] → softmax(g H Hᵀ) H, with padding masked (its own output rows are 0): no learned projections. */
class DotProductSelfAttention extends tf.layers.Layer {
	static className = 'DotProductSelfAttention';
	scale!: tf.LayerVariable;
	build() {
		this.scale = this.addWeight('scale', [], 'float32', tf.initializers.ones());
		this.built = true;
	}
	computeOutputShape(inputShape: tf.Shape[]) {
		return inputShape[0]!;
	}
	call(inputs: tf.Tensor | tf.Tensor[]) {
		return tf.tidy(() => {
			const [h, ids] = inputs as [tf.Tensor3D, tf.Tensor2D];
			return tf.mul(tf.matMul(attentionWeights(h, ids, this.scale.read()), h), tf.expandDims(wordMask(ids), 2));
		});
	}
}

/** [sequence, ids] → the average over the words only (GlobalAveragePooling1D with a mask). */
class MaskedAverage extends tf.layers.Layer {
	static className = 'MaskedAverage';
	computeOutputShape(inputShape: tf.Shape[]) {
		return [inputShape[0]![0]!, inputShape[0]![2]!];
	}
	call(inputs: tf.Tensor | tf.Tensor[]) {
		return tf.tidy(() => {
			const [x, ids] = inputs as [tf.Tensor3D, tf.Tensor2D];
			const mask = wordMask(ids);
			// A message without a single word would divide by 0: count at least 1.
			return tf.div(tf.sum(tf.mul(x, tf.expandDims(mask, 2)), 1), tf.maximum(tf.sum(mask, 1, true), 1));
		});
	}
}

const { train, test, testMajorityRate } = await data.spam();
const words = (text: string) => text.toLowerCase().match(/[a-z0-9']+|<url>|<email>|[$!?]/g) ?? [];
if (!shared.vocab) {
	const counts = new Map<string, number>();
	for (const { text } of train) for (const w of words(text)) counts.set(w, (counts.get(w) ?? 0) + 1);
	const top = [...counts]
		.sort((a, b) => b[1] - a[1])
		.slice(0, VOCAB - 2)
		.map(([w]) => w);
	shared.vocab = new Map(top.map((w, i) => [w, i + 2]));
}
const vocab = shared.vocab as Map<string, number>;
const encode = (text: string) => {
	const ids = words(text)
		.slice(0, LENGTH)
		.map((w) => vocab.get(w) ?? 1);
	return [...ids, ...new Array(LENGTH - ids.length).fill(0)]; // padding at the end, masked in the model
};

if (input.trigger === 'run' || !shared.model) {
	// The previous run's model and its `states` view, if any (they share layers: dispose both).
	(shared.model as tf.LayersModel | undefined)?.dispose();
	(shared.states as tf.LayersModel | undefined)?.dispose();
	// Forgotten at once: if this run fails, Predict must not find a disposed model.
	shared.model = shared.states = shared.attention = undefined;
	const n = Math.min(TRAIN, train.length);
	const xs = tf.tensor2d(
		train.slice(0, n).map((m) => encode(m.text)),
		[n, LENGTH],
		'int32',
	);
	const ys = tf.oneHot(
		tf.tensor1d(
			train.slice(0, n).map((m) => m.label),
			'int32',
		),
		2,
	);
	const ids = tf.input({ shape: [LENGTH], dtype: 'int32' });
	const embedded = tf.layers.embedding({ inputDim: VOCAB, outputDim: 32 }).apply(ids) as tf.SymbolicTensor;
	const states = tf.layers.lstm({ units: UNITS, returnSequences: true, name: 'states' }).apply(embedded) as tf.SymbolicTensor;
	const attention = new DotProductSelfAttention({});
	const attended = attention.apply([states, ids]) as tf.SymbolicTensor;
	const pooled = new MaskedAverage({}).apply([attended, ids]) as tf.SymbolicTensor;
	const output = tf.layers.dense({ units: 2, activation: 'softmax' }).apply(pooled) as tf.SymbolicTensor;
	const model = tf.model({ inputs: ids, outputs: output });
	model.compile({ optimizer: tf.train.adam(0.005), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
	let step = 0;
	const steps = EPOCHS * Math.ceil(n / 32);
	await model.fit(xs, ys, {
		epochs: EPOCHS,
		batchSize: 32,
		shuffle: true,
		callbacks: {
			onBatchEnd: async (_b, logs) => {
				step++;
				out.append('curves', 'loss', step, logs!.loss as number);
				out.append('curves', 'accuracy', step, logs!.acc as number);
				out.progress('batch', step, steps);
			},
		},
	});
	const xTest = tf.tensor2d(
		test.map((m) => encode(m.text)),
		[test.length, LENGTH],
		'int32',
	);
	const predicted = (model.predict(xTest) as tf.Tensor).argMax(-1).dataSync();
	const correct = test.filter((m, i) => predicted[i] === m.label).length;
	console.log(`held-out accuracy: ${((correct / test.length) * 100).toFixed(1)}% on ${test.length} messages`);
	console.log(`majority-class baseline: ${(testMajorityRate * 100).toFixed(1)}%`);
	shared.model = model;
	shared.states = tf.model({ inputs: ids, outputs: states });
	shared.attention = attention;
}

// The weights the model used for the text: its own scale g and mask. Padding keys have weight 0, so the rows and
// columns of the words alone still sum to 1 per row; the padding rows are not drawn.
const text = input.text ?? MY_TEXT;
const tokens = words(text).slice(0, LENGTH);
if (tokens.length === 0) throw new Error('the text has no words the model knows how to read (letters, digits, $ ! ?)');
const textIds = tf.tensor2d([encode(text)], [1, LENGTH], 'int32');
const h = (shared.states as tf.LayersModel).predict(textIds) as tf.Tensor3D;
const g = (shared.attention as DotProductSelfAttention).scale.read();
const weights = attentionWeights(h, textIds, g).slice([0, 0, 0], [1, tokens.length, tokens.length]).squeeze([0]) as tf.Tensor2D;
out.heatmap('attention', weights, { title: 'attention weights (rows attend to columns)', rowLabels: tokens, colLabels: tokens });
const [ham, spam] = ((shared.model as tf.LayersModel).predict(textIds) as tf.Tensor).dataSync();
console.log(`learned scale g = ${g.dataSync()[0]!.toFixed(3)}`);
out.bars('prediction', ['ham', 'spam'], [ham!, spam!], { title: spam! > ham! ? 'spam' : 'ham' });
console.log(`p(spam) = ${spam!.toFixed(3)}`);
