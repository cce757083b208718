type Matrix = number[][];
type Padding = 'valid' | 'same';

function conv2d(input: Matrix, kernel: Matrix, stride: number, padding: Padding): Matrix {
	// TODO
	return [];
}
