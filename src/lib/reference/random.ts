/**
 * A small seeded generator (mulberry32) so that "random" weights are the same on every machine, in the server-rendered
 * first frame, in the browser and in the tests. The widgets say plainly that these weights are untrained.
 */
export function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A rows × cols matrix with entries uniform in [-scale, scale], from a seed. */
export function seededMatrix(seed: number, rows: number, cols: number, scale: number): number[][] {
	const next = seededRandom(seed);
	return Array.from({ length: rows }, () => Array.from({ length: cols }, () => (next() * 2 - 1) * scale));
}

/** A stable 32-bit hash of a string (FNV-1a), used to seed a token's embedding from its text. */
export function hashString(text: string): number {
	let h = 0x811c9dc5;
	for (const ch of text) {
		h ^= ch.codePointAt(0)!;
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}
