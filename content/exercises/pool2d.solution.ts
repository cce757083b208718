type Matrix = number[][];
type PoolMode = 'max' | 'avg';

function pool2d(input: Matrix, window: number, stride: number, mode: PoolMode): Matrix {
	// No padding: only windows that lie entirely inside the input.
	const outRows = Math.floor((input.length - window) / stride) + 1;
	const outCols = Math.floor((input[0]!.length - window) / stride) + 1;

	const output: Matrix = [];
	for (let i = 0; i < outRows; i++) {
		const outputRow: number[] = [];
		for (let j = 0; j < outCols; j++) {
			// The window × window values whose top-left corner is (i · stride, j · stride).
			const values: number[] = [];
			for (let m = 0; m < window; m++) {
				for (let n = 0; n < window; n++) values.push(input[i * stride + m]![j * stride + n]!);
			}
			outputRow.push(mode === 'max' ? Math.max(...values) : values.reduce((a, b) => a + b, 0) / values.length);
		}
		output.push(outputRow);
	}
	return output;
}
