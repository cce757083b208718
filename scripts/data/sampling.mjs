/**
 * Seeded shuffles and stratified train/test counts, so that every machine writes the same splits.
 */
// The widgets' seeded generator (Node 22 strips the types of this dependency-free .ts module).
import { seededRandom } from '../../src/lib/reference/random.ts';

/**
 * Fisher–Yates with a seeded generator: the same order on every machine. Returns a new array.
 * @template T @param {readonly T[]} items @param {number} seed @returns {T[]}
 */
export function shuffled(items, seed) {
	const out = [...items];
	const next = seededRandom(seed);
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(next() * (i + 1));
		[out[i], out[j]] = [/** @type {T} */ (out[j]), /** @type {T} */ (out[i])];
	}
	return out;
}

/**
 * How many of each class go to train so that the total is round(fraction × all) exactly: ⌊fraction × n⌋ per class,
 * plus one for the classes with the largest remainders (ties: lower class first).
 * @param {number[]} classSizes @param {number} fraction @returns {number[]}
 */
export function trainCounts(classSizes, fraction) {
	const total = Math.round(fraction * classSizes.reduce((a, b) => a + b, 0));
	const counts = classSizes.map((n) => Math.floor(fraction * n));
	const byRemainder = classSizes.map((n, c) => ({ c, r: fraction * n - Math.floor(fraction * n) })).sort((a, b) => b.r - a.r || a.c - b.c);
	const missing = total - counts.reduce((a, b) => a + b, 0); // fewer than the number of classes
	for (const { c } of byRemainder.slice(0, missing)) counts[c] = (counts[c] ?? 0) + 1;
	return counts;
}
