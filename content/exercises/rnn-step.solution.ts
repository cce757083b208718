type Matrix = number[][];
type Vector = number[];

/** M · v: entry r is the dot product of row r of M with v. */
function matVec(M: Matrix, v: Vector): Vector {
	return M.map((row) => row.reduce((sum, value, c) => sum + value * v[c]!, 0));
}

function rnnStep(Wxh: Matrix, Whh: Matrix, bh: Vector, x: Vector, hPrev: Vector): Vector {
	const inputPart = matVec(Wxh, x); // W_xh x_t
	const recurrentPart = matVec(Whh, hPrev); // W_hh h_{t−1}
	// Add everything first, then squash each entry with tanh.
	return bh.map((b, r) => Math.tanh(inputPart[r]! + recurrentPart[r]! + b));
}
