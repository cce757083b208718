type Matrix = number[][];

function attention(Q: Matrix, K: Matrix, V: Matrix): Matrix {
	// TODO
	return [];
}
