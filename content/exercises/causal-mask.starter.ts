function causalMask(n: number): number[][] {
	// TODO
	return [];
}
