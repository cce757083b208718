type Matrix = number[][];

function splitHeads(X: Matrix, heads: number): Matrix[] {
	const width = X[0]!.length / heads; // d_model / n_head columns per head
	// Head number `head` takes the same block of consecutive columns from every row.
	return Array.from({ length: heads }, (_, head) => X.map((row) => row.slice(head * width, (head + 1) * width)));
}
