function outputSize(H: number, k: number, s: number, p: number): number {
	// The padded input has side H + 2p. The window's top-left corner can sit at 0, s, 2s, … as long as the window
	// still fits: ⌊(H + 2p − k) / s⌋ strides after the first position, plus that first position.
	return Math.floor((H + 2 * p - k) / s) + 1;
}
