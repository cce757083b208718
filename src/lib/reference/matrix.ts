/**
 * Plain-TypeScript linear algebra for small matrices: the oracle the tfjs kernels are tested against and the
 * source of the step-by-step arithmetic the widgets print. Clarity over speed; no DOM, no tfjs.
 */

/** A matrix as rows of numbers; `Matrix[r][c]`. */
export type Matrix = number[][];
export type Vector = number[];

export function zeros(rows: number, cols: number): Matrix {
	return Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
}

export function shape(m: Matrix): [number, number] {
	return [m.length, m[0]?.length ?? 0];
}

export function matmul(a: Matrix, b: Matrix): Matrix {
	const [n, k] = shape(a);
	const [k2, m] = shape(b);
	if (k !== k2) throw new RangeError(`matmul: inner dimensions differ (${n}×${k} · ${k2}×${m})`);
	const out = zeros(n, m);
	for (let i = 0; i < n; i++)
		for (let j = 0; j < m; j++) {
			let sum = 0;
			for (let t = 0; t < k; t++) sum += a[i]![t]! * b[t]![j]!;
			out[i]![j] = sum;
		}
	return out;
}

export function transpose(a: Matrix): Matrix {
	const [n, m] = shape(a);
	return Array.from({ length: m }, (_, j) => Array.from({ length: n }, (_, i) => a[i]![j]!));
}

/** W·x for a matrix W (rows × cols) and a vector x (cols). */
export function matVec(w: Matrix, x: Vector): Vector {
	return w.map((row, r) => {
		if (row.length !== x.length) throw new RangeError(`matVec: row ${r} has ${row.length} entries, x has ${x.length}`);
		return row.reduce((sum, wij, j) => sum + wij * x[j]!, 0);
	});
}

export const add = (a: Vector, b: Vector): Vector => a.map((v, i) => v + b[i]!);
export const hadamard = (a: Vector, b: Vector): Vector => a.map((v, i) => v * b[i]!);
export const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));
export const relu = (x: number): number => (x > 0 ? x : 0);
