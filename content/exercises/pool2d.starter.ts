type Matrix = number[][];
type PoolMode = 'max' | 'avg';

function pool2d(input: Matrix, window: number, stride: number, mode: PoolMode): Matrix {
	// TODO
	return [];
}
