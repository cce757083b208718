type Matrix = number[][];
type Vector = number[];

interface GateWeights {
	W: Matrix;
	U: Matrix;
	b: Vector;
}

interface LstmWeights {
	i: GateWeights;
	f: GateWeights;
	o: GateWeights;
	g: GateWeights;
}

interface LstmStep {
	i: Vector;
	f: Vector;
	o: Vector;
	g: Vector;
	c: Vector;
	h: Vector;
}

/** M · v: entry r is the dot product of row r of M with v. */
function matVec(M: Matrix, v: Vector): Vector {
	return M.map((row) => row.reduce((sum, value, c) => sum + value * v[c]!, 0));
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

function lstmStep(weights: LstmWeights, x: Vector, hPrev: Vector, cPrev: Vector): LstmStep {
	// Every gate starts from the same form: W x_t + U h_{t−1} + b.
	const preActivation = (gate: GateWeights): Vector => {
		const wx = matVec(gate.W, x);
		const uh = matVec(gate.U, hPrev);
		return gate.b.map((b, r) => wx[r]! + uh[r]! + b);
	};
	const i = preActivation(weights.i).map(sigmoid);
	const f = preActivation(weights.f).map(sigmoid);
	const o = preActivation(weights.o).map(sigmoid);
	const g = preActivation(weights.g).map(Math.tanh); // the candidate uses tanh, not σ

	// ⊙ is element-wise: keep part of the old memory, write part of the candidate.
	const c = cPrev.map((cOld, r) => f[r]! * cOld + i[r]! * g[r]!);
	// Expose part of the new cell state.
	const h = c.map((cNew, r) => o[r]! * Math.tanh(cNew));
	return { i, f, o, g, c, h };
}
