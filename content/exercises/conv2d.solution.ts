type Matrix = number[][];
type Padding = 'valid' | 'same';

/** Along one direction: the number of outputs, and how many zeros are padded before the first input cell. */
function geometry(size: number, k: number, stride: number, padding: Padding): { out: number; before: number } {
	if (padding === 'valid') return { out: Math.floor((size - k) / stride) + 1, before: 0 };
	// TensorFlow's 'same': ⌈size / stride⌉ outputs, and just enough zeros for the last window to fit.
	const out = Math.ceil(size / stride);
	const total = Math.max((out - 1) * stride + k - size, 0);
	// The smaller half goes before (top, left); an odd extra zero goes after (bottom, right).
	return { out, before: Math.floor(total / 2) };
}

function conv2d(input: Matrix, kernel: Matrix, stride: number, padding: Padding): Matrix {
	const height = input.length;
	const width = input[0]!.length;
	const rows = geometry(height, kernel.length, stride, padding);
	const cols = geometry(width, kernel[0]!.length, stride, padding);

	const output: Matrix = [];
	for (let i = 0; i < rows.out; i++) {
		const outputRow: number[] = [];
		for (let j = 0; j < cols.out; j++) {
			// Cross-correlation: the kernel is used as it is, not flipped.
			let sum = 0;
			for (let m = 0; m < kernel.length; m++) {
				for (let n = 0; n < kernel[m]!.length; n++) {
					const u = i * stride + m - rows.before;
					const v = j * stride + n - cols.before;
					// Outside the input is a padded zero, which adds nothing to the sum.
					if (u >= 0 && u < height && v >= 0 && v < width) sum += kernel[m]![n]! * input[u]![v]!;
				}
			}
			outputRow.push(sum);
		}
		output.push(outputRow);
	}
	return output;
}
