// `tf` is TensorFlow.js, as in the cells above.
function lossGradient(w: number[], b: number, X: number[][], y: number[]): { dw: number[]; db: number } {
	return tf.tidy(() => {
		const loss = (wt: tf.Tensor, bt: tf.Tensor) => {
			// TODO: the mean squared error of X·w + b against y
			return tf.scalar(0);
		};
		const [dw, db] = tf.grads(loss)([tf.tensor1d(w), tf.scalar(b)]);
		return { dw: Array.from(dw.dataSync()), db: db.dataSync()[0] };
	});
}
