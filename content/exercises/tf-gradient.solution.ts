// `tf` is TensorFlow.js, as in the cells above.
function lossGradient(w: number[], b: number, X: number[][], y: number[]): { dw: number[]; db: number } {
	return tf.tidy(() => {
		const [Xt, yt] = [tf.tensor2d(X), tf.tensor1d(y)];
		// L(w, b) = (1/n) Σ (x_i·w + b − y_i)²
		const loss = (wt: tf.Tensor, bt: tf.Tensor) => {
			const prediction = tf
				.matMul(Xt, wt.reshape([-1, 1]))
				.squeeze([1])
				.add(bt);
			return prediction.sub(yt).square().mean();
		};
		// tf.grads differentiates with respect to every argument: [∂L/∂w, ∂L/∂b].
		const [dw, db] = tf.grads(loss)([tf.tensor1d(w), tf.scalar(b)]);
		return { dw: Array.from(dw.dataSync()), db: db.dataSync()[0] };
	});
}
