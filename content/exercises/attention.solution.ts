type Matrix = number[][];

function dot(a: number[], b: number[]): number {
	return a.reduce((sum, value, l) => sum + value * b[l]!, 0);
}

/** Numerically stable softmax of one row. */
function softmax(z: number[]): number[] {
	const max = Math.max(...z);
	const exps = z.map((value) => Math.exp(value - max));
	const sum = exps.reduce((a, b) => a + b, 0);
	return exps.map((e) => e / sum);
}

function attention(Q: Matrix, K: Matrix, V: Matrix): Matrix {
	const dk = Q[0]!.length;
	const dv = V[0]!.length;
	return Q.map((q) => {
		// Row i of QKᵀ / √d_k: the query against every key.
		const scores = K.map((k) => dot(q, k) / Math.sqrt(dk));
		const weights = softmax(scores);
		// The weighted average of the value rows: Σ_j weights[j] · V[j].
		return Array.from({ length: dv }, (_, c) => weights.reduce((sum, a, j) => sum + a * V[j]![c]!, 0));
	});
}
