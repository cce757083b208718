// The CNN of part 4 (Conv2D 32 → MaxPool → Conv2D 64 → MaxPool → Conv2D 64 → Flatten → Dense 64 → Dense 10),
// written with TensorFlow.js and trained here, in your browser, on real MNIST digits.
// Provided by the cell: `tf` (TensorFlow.js), `data` (the data sets this site serves), `out` (charts, pictures, and
// `out.publish`, which hands a trained model to the page),
// `shared` (kept between runs of this cell) and `input` (the digit drawn on the pad under this cell).
// Run trains the model; Predict (or a new stroke on the pad) reuses the trained model kept in `shared`.
const TRAIN = 8000; // training digits (at most 8,000): fewer is faster but less accurate
const EPOCHS = 2;
const BATCH = 32;

if (input.trigger === 'run' || !shared.model) {
	(shared.model as tf.LayersModel | undefined)?.dispose(); // the previous run's model, if any
	const { train, test } = await data.mnist();
	const n = Math.min(TRAIN, train.count);
	const xs = tf.tensor4d(train.images.subarray(0, n * 784), [n, 28, 28, 1]);
	const ys = tf.oneHot(tf.tensor1d(train.labels.subarray(0, n), 'int32'), 10);
	const xTest = tf.tensor4d(test.images, [test.count, 28, 28, 1]);
	const yTest = tf.oneHot(tf.tensor1d(test.labels, 'int32'), 10);
	out.image('first-digit', Array.from(train.images.subarray(0, 784)), { width: 28, height: 28, title: `label ${train.labels[0]}` });

	const model = tf.sequential({
		layers: [
			tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 32, kernelSize: 3, activation: 'relu' }),
			tf.layers.maxPooling2d({ poolSize: 2 }),
			tf.layers.conv2d({ filters: 64, kernelSize: 3, activation: 'relu' }),
			tf.layers.maxPooling2d({ poolSize: 2 }),
			tf.layers.conv2d({ filters: 64, kernelSize: 3, activation: 'relu' }),
			tf.layers.flatten(),
			tf.layers.dense({ units: 64, activation: 'relu' }),
			tf.layers.dense({ units: 10, activation: 'softmax' }),
		],
	});
	model.compile({ optimizer: tf.train.adam(0.002), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
	console.log(`parameters: ${model.countParams()}`); // 93,322, as counted in part 3

	const steps = EPOCHS * Math.ceil(n / BATCH);
	let step = 0;
	const started = performance.now();
	await model.fit(xs, ys, {
		epochs: EPOCHS,
		batchSize: BATCH,
		shuffle: true,
		callbacks: {
			onBatchEnd: async (_batch, logs) => {
				step++;
				out.append('curves', 'loss', step, logs!.loss as number);
				out.append('curves', 'accuracy', step, logs!.acc as number);
				out.progress('batch', step, steps);
			},
		},
	});

	console.log(`training speed: ${((n * EPOCHS) / ((performance.now() - started) / 1000)).toFixed(1)} digits/s`);

	const [, accuracy] = model.evaluate(xTest, yTest) as tf.Scalar[];
	const heldOut = (await accuracy!.data())[0]!;
	console.log(`held-out accuracy: ${(heldOut * 100).toFixed(1)}% on ${test.count} digits never seen in training`);
	shared.model = model;
	// Hand the trained model to the page, which keeps it in this browser: part 3's widgets then offer it as "your model".
	await out.publish('cnn', model, { accuracy: heldOut, epochs: EPOCHS });
}

// MNIST digits were scaled to fit a 20 × 20 box, then placed in 28 × 28 with their centre of mass in the middle:
// give the drawing the same framing before predicting.
function likeMnist(pixels: number[]): tf.Tensor2D {
	let [top, bottom, left, right] = [28, -1, 28, -1];
	pixels.forEach((v, i) => {
		if (v < 0.1) return;
		const [r, c] = [Math.floor(i / 28), i % 28];
		[top, bottom, left, right] = [Math.min(top, r), Math.max(bottom, r), Math.min(left, c), Math.max(right, c)];
	});
	if (bottom < 0) return tf.zeros([28, 28]); // nothing drawn
	const [h, w] = [bottom - top + 1, right - left + 1];
	const scale = 20 / Math.max(h, w);
	const [sh, sw] = [Math.max(1, Math.round(h * scale)), Math.max(1, Math.round(w * scale))];
	const crop = tf.tensor2d(pixels, [28, 28]).slice([top, left], [h, w]).expandDims(-1) as tf.Tensor3D;
	const resized = tf.image.resizeBilinear(crop, [sh, sw]).squeeze([2]).clipByValue(0, 1);
	const ink = resized.dataSync();
	let [mass, rowSum, colSum] = [0, 0, 0];
	ink.forEach((v, i) => {
		mass += v;
		rowSum += v * Math.floor(i / sw);
		colSum += v * (i % sw);
	});
	const place = (centre: number, size: number) => Math.min(28 - size, Math.max(0, Math.round(13.5 - centre)));
	const [padTop, padLeft] = mass > 0 ? [place(rowSum / mass, sh), place(colSum / mass, sw)] : [4, 4];
	return resized.pad([
		[padTop, 28 - sh - padTop],
		[padLeft, 28 - sw - padLeft],
	]) as tf.Tensor2D;
}

if (input.digit) {
	const model = shared.model as tf.LayersModel;
	const digit = likeMnist(input.digit);
	out.image('your-digit', digit, { title: 'your digit, as the model sees it' });
	const probabilities = (model.predict(digit.reshape([1, 28, 28, 1])) as tf.Tensor).squeeze().dataSync();
	const best = probabilities.indexOf(Math.max(...probabilities));
	out.bars('prediction', ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'], probabilities, {
		title: `prediction: ${best} (p = ${probabilities[best]!.toFixed(3)})`,
	});
}
