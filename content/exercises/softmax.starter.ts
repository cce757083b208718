function softmax(z: number[]): number[] {
	// TODO
	return z.map(() => 0);
}
