function softmax(z: number[]): number[] {
	// Subtracting the maximum leaves the result unchanged (the factor e^(−max) cancels between numerator and
	// denominator) but makes every exponent ≤ 0, so Math.exp cannot overflow, and the largest term is e^0 = 1.
	const max = Math.max(...z);
	const exps = z.map((value) => Math.exp(value - max));
	const sum = exps.reduce((a, b) => a + b, 0);
	return exps.map((e) => e / sum);
}
