function outputSize(H: number, k: number, s: number, p: number): number {
	// TODO
	return 0;
}
