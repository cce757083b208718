/**
 * Compares what a reader's function returned with what the reference returns, and says exactly where they differ,
 * for the feedback of a coding exercise. Pure (no DOM, no tfjs): the page runs it on values that come back from the
 * worker as structured clones, so nothing reader code does in the worker (patching `Math` or `Array.prototype`)
 * reaches the comparison.
 *
 * Numbers agree when |actual − expected| ≤ 1e-6 · max(1, |expected|): 1e-6 relative, and 1e-6 absolute near 0
 * (where a relative tolerance means nothing). An exercise computed with TensorFlow.js (32-bit floats) states a wider
 * tolerance of its own (checks.ts). Infinities must match exactly (a causal mask's −∞); NaN never agrees.
 */

/** What an exercise function may return: numbers, booleans, and arrays or records of them. */
export type Value = number | boolean | string | null | undefined | Value[] | { [key: string]: Value };

/** One entry that differs, at a path such as `[3][4]` or `.c[1]`. */
export interface Difference {
	path: string;
	expected: number | boolean;
	actual: unknown;
}

export type Problem =
	/** The arrays' shapes differ: `expected 26×26, got 28×28`. */
	| { kind: 'shape'; path: string; expected: number[]; actual: number[] }
	/** A record lacks a key the reference has (`.c` of an LSTM step). */
	| { kind: 'missing'; path: string; key: string }
	/** A number was expected and something else came (a string, undefined, an array). */
	| { kind: 'type'; path: string; expected: string; actual: string }
	/** NaN or an infinity where the reference has a finite number. */
	| { kind: 'not-finite'; path: string; actual: number; expected: number }
	/** Same shape, some entries differ: the first few, and how many in all. */
	| { kind: 'values'; differences: Difference[]; count: number; total: number };

export const TOLERANCE = 1e-6;
/** How many differing entries a report lists (the count says how many there are). */
const LISTED = 12;

export function numbersAgree(actual: number, expected: number, tolerance = TOLERANCE): boolean {
	if (!Number.isFinite(expected)) return actual === expected;
	return Number.isFinite(actual) && Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected));
}

/** A typed array (what tfjs's `dataSync()` returns) read as a plain array; anything else as it is. */
const plain = (value: unknown): unknown =>
	ArrayBuffer.isView(value) && !(value instanceof DataView) ? Array.from(value as unknown as ArrayLike<number>) : value;

/** The shape of a rectangular nested array (`[]` for a number), or undefined when it is ragged. */
export function shapeOf(given: unknown): number[] | undefined {
	const value = plain(given);
	if (!Array.isArray(value)) return [];
	if (value.length === 0) return [0];
	const inner = value.map(shapeOf);
	const first = inner[0];
	if (!first || inner.some((s) => !s || s.join() !== first.join())) return undefined;
	return [value.length, ...first];
}

const describe = (value: unknown): string =>
	value === null ? 'null' : Array.isArray(value) ? `an array of ${value.length}` : typeof value === 'number' && Number.isNaN(value) ? 'NaN' : typeof value;

/** Undefined when `actual` agrees with `expected`; otherwise the first kind of problem found, in reading order. */
export function compare(expected: Value, actual: unknown, path = '', tolerance = TOLERANCE): Problem | undefined {
	const differences: Difference[] = [];
	let count = 0;
	let total = 0;
	const walk = (e: Value, given: unknown, at: string): Problem | undefined => {
		const a = plain(given);
		if (typeof e === 'number' || typeof e === 'boolean') {
			total++;
			if (typeof e === 'number' && typeof a !== 'number') return { kind: 'type', path: at, expected: 'a number', actual: describe(a) };
			if (typeof e === 'boolean' && typeof a !== 'boolean') return { kind: 'type', path: at, expected: 'true or false', actual: describe(a) };
			// NaN or ±∞ is its own message when it is the first thing wrong; after other differences it is one more.
			if (typeof e === 'number' && Number.isFinite(e) && !Number.isFinite(a as number) && count === 0)
				return { kind: 'not-finite', path: at, actual: a as number, expected: e };
			const same = typeof e === 'number' ? numbersAgree(a as number, e, tolerance) : a === e;
			if (!same) {
				count++;
				if (differences.length < LISTED) differences.push({ path: at, expected: e, actual: a });
			}
			return undefined;
		}
		if (Array.isArray(e)) {
			const expectedShape = shapeOf(e);
			const actualShape = shapeOf(a);
			if (!Array.isArray(a)) return { kind: 'type', path: at, expected: `an array of ${e.length}`, actual: describe(a) };
			if (expectedShape && actualShape && expectedShape.join() !== actualShape.join())
				return { kind: 'shape', path: at, expected: expectedShape, actual: actualShape };
			if (a.length !== e.length) return { kind: 'shape', path: at, expected: [e.length], actual: [a.length] };
			for (const [i, item] of e.entries()) {
				const problem = walk(item, a[i], `${at}[${i}]`);
				if (problem) return problem;
			}
			return undefined;
		}
		if (e && typeof e === 'object') {
			if (!a || typeof a !== 'object' || Array.isArray(a)) return { kind: 'type', path: at, expected: 'an object', actual: describe(a) };
			for (const [key, item] of Object.entries(e)) {
				if (!(key in a)) return { kind: 'missing', path: at, key };
				const problem = walk(item, (a as Record<string, unknown>)[key], `${at}.${key}`);
				if (problem) return problem;
			}
			return undefined;
		}
		if (e !== a) {
			total++;
			count++;
			differences.push({ path: at, expected: e as never, actual: a });
		}
		return undefined;
	};
	const problem = walk(expected, actual, path);
	if (problem) return problem;
	return count ? { kind: 'values', differences, count, total } : undefined;
}

/** “26×26” for a shape; “a number” for a scalar. */
export const formatShape = (shape: number[]): string => (shape.length ? shape.join('×') : 'a number');

/** The problem in one English sentence, for logs and tests; the exercise view writes its own, in the page's language. */
export function problemSentence(problem: Problem): string {
	const where = (path: string) => (path ? ` at ${path}` : '');
	switch (problem.kind) {
		case 'shape':
			return `expected ${formatShape(problem.expected)}, got ${formatShape(problem.actual)}${where(problem.path)}`;
		case 'missing':
			return `the result has no “${problem.key}”${where(problem.path)}`;
		case 'type':
			return `expected ${problem.expected}, got ${problem.actual}${where(problem.path)}`;
		case 'not-finite':
			return `got ${problem.actual}${where(problem.path)} where ${problem.expected} was expected`;
		case 'values':
			return `${problem.count} of ${problem.total} entries differ, first${where(problem.differences[0]!.path)}: expected ${problem.differences[0]!.expected}, got ${String(problem.differences[0]!.actual)}`;
	}
}
