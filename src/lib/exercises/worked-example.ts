/**
 * A failing case as a small worked example: each value as a scalar, a row, a grid or a labelled list of those, with
 * the entries that differ from the other side marked. Pure data for the exercise view (no DOM): the page shows the
 * inputs, the expected result and the reader's result side by side.
 */
import { numbersAgree } from './compare';

export interface ShownCell {
	text: string;
	/** This entry differs from the same entry on the other side (or that side has none). */
	differs: boolean;
}

export type Shown =
	| { kind: 'scalar'; cell: ShownCell }
	| { kind: 'row'; cells: ShownCell[] }
	| { kind: 'grid'; rows: ShownCell[][] }
	| { kind: 'list'; items: { label: string; value: Shown }[] }
	| { kind: 'text'; text: string; differs: boolean };

/** Eight significant digits (the tolerance is 1e-6 relative), −∞ and ∞ as such. */
export function numberText(v: number): string {
	if (Number.isNaN(v)) return 'NaN';
	if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
	const text = String(Number(v.toPrecision(8)));
	return text.startsWith('-') ? `−${text.slice(1)}` : text;
}

const plain = (value: unknown): unknown =>
	ArrayBuffer.isView(value) && !(value instanceof DataView) ? Array.from(value as unknown as ArrayLike<number>) : value;

/** Numbers, booleans and null (a model summary's batch dimension) are shown as single entries. */
const isScalar = (v: unknown) => typeof v === 'number' || typeof v === 'boolean' || v === null;

/** The other side of the comparison, and the exercise's tolerance (compare.ts). */
export interface Against {
	value: unknown;
	tolerance: number;
}

function agrees(value: unknown, other: unknown, tolerance: number): boolean {
	if (typeof value === 'number' && typeof other === 'number') return numbersAgree(value, other, tolerance) || numbersAgree(other, value, tolerance);
	return value === other;
}

function cell(value: unknown, other: unknown, against: Against | undefined): ShownCell {
	const text = typeof value === 'number' ? numberText(value) : String(value);
	return { text, differs: against !== undefined && !agrees(value, other, against.tolerance) };
}

/**
 * `value` shown, its entries marked where they differ from `against.value` (inputs are shown without `against`).
 * Arrays of numbers become a row, arrays of rows a grid, deeper arrays and objects a labelled list.
 */
export function show(given: unknown, against?: Against): Shown {
	const value = plain(given);
	const other = plain(against?.value);
	const beside = (item: unknown): Against | undefined => against && { value: item, tolerance: against.tolerance };
	if (isScalar(value)) return { kind: 'scalar', cell: cell(value, other, against) };
	if (Array.isArray(value)) {
		const at = (i: number) => (Array.isArray(other) ? other[i] : undefined);
		if (value.every(isScalar)) return { kind: 'row', cells: value.map((v, i) => cell(v, at(i), against)) };
		if (value.every((row) => Array.isArray(plain(row)) && (plain(row) as unknown[]).every(isScalar)))
			return {
				kind: 'grid',
				rows: value.map((row, i) => (plain(row) as unknown[]).map((v, j) => cell(v, (plain(at(i)) as unknown[] | undefined)?.[j], against))),
			};
		return { kind: 'list', items: value.map((item, i) => ({ label: `[${i}]`, value: show(item, beside(at(i))) })) };
	}
	if (value && typeof value === 'object') {
		const record = other && typeof other === 'object' ? (other as Record<string, unknown>) : {};
		return { kind: 'list', items: Object.entries(value).map(([key, item]) => ({ label: key, value: show(item, beside(record[key])) })) };
	}
	return {
		kind: 'text',
		text: value === undefined ? 'undefined' : (JSON.stringify(value) ?? String(value)),
		differs: against !== undefined && value !== other,
	};
}
