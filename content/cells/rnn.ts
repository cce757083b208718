// The RNN of part 4 (Embedding → LSTM(64, returnSequences) → LSTM(64) → Dense softmax), in TensorFlow.js,
// trained here on real e-mails of the SpamAssassin public corpus: is a message spam or ham?
// Run trains the model and keeps it in `shared` (this cell's memory between runs); Predict, under the cell, classifies
// the text in the box with that model, without retraining (`input.text`; MY_TEXT when the box is empty).
// Stop forgets the model.
const MY_TEXT = 'Congratulations! You have won a free prize, click here to claim your cash now';
const TRAIN = 1200; // training messages (up to 3,200)
const EPOCHS = 2;
const VOCAB = 2000; // most frequent words kept; others become <unk>
const LENGTH = 40; // words per message (the first 40 kept; shorter ones padded in front)
const UNITS = 64;

const { train, test, testMajorityRate } = await data.spam();

// Tokenisation and vocabulary: lower-case words; index 0 = padding, 1 = unknown word.
const words = (text: string) => text.toLowerCase().match(/[a-z0-9']+|<url>|<email>|[$!?]/g) ?? [];
if (!shared.vocab) {
	const counts = new Map<string, number>();
	for (const { text } of train) for (const w of words(text)) counts.set(w, (counts.get(w) ?? 0) + 1);
	const top = [...counts]
		.sort((a, b) => b[1] - a[1])
		.slice(0, VOCAB - 2)
		.map(([w]) => w);
	shared.vocab = new Map(top.map((w, i) => [w, i + 2]));
	console.log(`vocabulary: ${shared.vocab.size + 2} entries, e.g. ${top.slice(0, 8).join(', ')}`);
}
const vocab = shared.vocab as Map<string, number>;
const encode = (text: string) => {
	const ids = words(text)
		.slice(0, LENGTH)
		.map((w) => vocab.get(w) ?? 1);
	// Padding in front, as Keras's pad_sequences does by default: the LSTM's last state comes right after the last word.
	return [...new Array(LENGTH - ids.length).fill(0), ...ids];
};

if (input.trigger === 'run' || !shared.model) {
	(shared.model as tf.LayersModel | undefined)?.dispose(); // the previous run's model, if any
	shared.model = undefined; // forgotten at once: if this run fails, Predict must not find a disposed model
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
	const model = tf.sequential({
		layers: [
			tf.layers.embedding({ inputDim: VOCAB, outputDim: 32, inputLength: LENGTH }),
			tf.layers.lstm({ units: UNITS, returnSequences: true }),
			tf.layers.lstm({ units: UNITS }),
			tf.layers.dense({ units: 2, activation: 'softmax' }),
		],
	});
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
	console.log(`majority-class baseline: ${(testMajorityRate * 100).toFixed(1)}% (always answering "ham")`);
	shared.model = model;
}

const text = input.text ?? MY_TEXT;
const model = shared.model as tf.LayersModel;
const [ham, spam] = (model.predict(tf.tensor2d([encode(text)], [1, LENGTH], 'int32')) as tf.Tensor).dataSync();
const shown = text.length > 60 ? `${text.slice(0, 60)}…` : text;
out.bars('prediction', ['ham', 'spam'], [ham!, spam!], { title: `"${shown}" → ${spam! > ham! ? 'spam' : 'ham'}` });
console.log(`"${shown}" → ${spam! > ham! ? 'spam' : 'ham'} (p(spam) = ${spam!.toFixed(3)})`);
