function causalMask(n: number): number[][] {
	// Row i belongs to query i: it may see keys j ≤ i (itself included), not the later ones.
	return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (j <= i ? 0 : -Infinity)));
}
