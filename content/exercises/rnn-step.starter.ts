type Matrix = number[][];
type Vector = number[];

function rnnStep(Wxh: Matrix, Whh: Matrix, bh: Vector, x: Vector, hPrev: Vector): Vector {
	// TODO
	return bh.map(() => 0);
}
