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

function lstmStep(weights: LstmWeights, x: Vector, hPrev: Vector, cPrev: Vector): LstmStep {
	// TODO
	const zeros = cPrev.map(() => 0);
	return { i: zeros, f: zeros, o: zeros, g: zeros, c: zeros, h: zeros };
}
