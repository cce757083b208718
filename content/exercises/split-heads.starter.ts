type Matrix = number[][];

function splitHeads(X: Matrix, heads: number): Matrix[] {
	// TODO
	return [];
}
