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

const isScalar = (v: unknown) => typeof v === 'number' || typeof v === 'boolean';

function agrees(value: unknown, other: unknown): boolean {
	if (typeof value === 'number' && typeof other === 'number') return numbersAgree(value, other) || numbersAgree(other, value);
	return value === other;
}

function cell(value: unknown, other: unknown, compareTo: boolean): ShownCell {
	const text = typeof value === 'number' ? numberText(value) : String(value);
	return { text, differs: compareTo && !agrees(value, other) };
}

/**
 * `value` shown, its entries marked where they differ from `other` (when `compareTo`; inputs are shown without).
 * Arrays of numbers become a row, arrays of rows a grid, deeper arrays and objects a labelled list.
 */
export function show(given: unknown, otherGiven?: unknown, compareTo = otherGiven !== undefined): Shown {
	const value = plain(given);
	const other = plain(otherGiven);
	if (isScalar(value)) return { kind: 'scalar', cell: cell(value, other, compareTo) };
	if (Array.isArray(value)) {
		const at = (i: number) => (Array.isArray(other) ? other[i] : undefined);
		if (value.every(isScalar)) return { kind: 'row', cells: value.map((v, i) => cell(v, at(i), compareTo)) };
		if (value.every((row) => Array.isArray(plain(row)) && (plain(row) as unknown[]).every(isScalar)))
			return {
				kind: 'grid',
				rows: value.map((row, i) => (plain(row) as unknown[]).map((v, j) => cell(v, (plain(at(i)) as unknown[] | undefined)?.[j], compareTo))),
			};
		return { kind: 'list', items: value.map((item, i) => ({ label: `[${i}]`, value: show(item, at(i), compareTo) })) };
	}
	if (value && typeof value === 'object') {
		const record = other && typeof other === 'object' ? (other as Record<string, unknown>) : {};
		return { kind: 'list', items: Object.entries(value).map(([key, item]) => ({ label: key, value: show(item, record[key], compareTo) })) };
	}
	return { kind: 'text', text: value === undefined ? 'undefined' : JSON.stringify(value) ?? String(value), differs: compareTo && value !== other };
}
