/**
 * A heatmap's accessible alternative: its numbers as a table. `tableView` (no DOM) describes the table for
 * components/ui/DataTable.astro (the first frame) and for `fillDataTable` (the browser).
 */
import type { Matrix } from '../reference/matrix';
import { escapeHtml } from '../text/template';

export interface TableCell {
	/** Full precision, for tests and for readers who copy the numbers. */
	value: number;
	/** What the cell shows: three decimals at most. */
	text: string;
}

export interface TableView {
	/** Column headers; none means the columns are only numbered by position. */
	colLabels?: string[];
	rows: { label: string; cells: TableCell[] }[];
}

export function tableView(values: Matrix, rowLabels?: string[], colLabels?: string[]): TableView {
	return {
		...(colLabels ? { colLabels } : {}),
		rows: values.map((row, r) => ({
			label: rowLabels?.[r] ?? String(r),
			cells: row.map((value) => ({ value, text: String(Number(value.toFixed(3))) })),
		})),
	};
}

/** What each data table shows now, so an update writes only what changed. */
const tableContents = new WeakMap<HTMLTableElement, TableView>();

/** Same headers and the same number of cells per row: the table can be updated cell by cell. */
function sameShape(a: TableView | undefined, b: TableView): a is TableView {
	if (!a || a.rows.length !== b.rows.length || String(a.colLabels) !== String(b.colLabels)) return false;
	return a.rows.every((row, r) => row.label === b.rows[r]!.label && row.cells.length === b.rows[r]!.cells.length);
}

export function fillDataTable(table: HTMLTableElement, view: TableView): void {
	const drawn = tableContents.get(table);
	tableContents.set(table, view);
	if (sameShape(drawn, view) && table.tBodies[0]?.rows.length === view.rows.length) {
		// A new result for the same rows and columns (a stepped window, a toggled mask): rewrite the changed cells only.
		const rows = table.tBodies[0].rows;
		view.rows.forEach((row, r) => {
			const cells = rows[r]!.cells;
			row.cells.forEach((cell, j) => {
				if (cell.value === drawn.rows[r]!.cells[j]!.value) return;
				const td = cells[j + 1]!; // after the row's header
				td.dataset.value = String(cell.value);
				td.textContent = cell.text;
			});
		});
		return;
	}
	const head = view.colLabels ? `<thead><tr><td></td>${view.colLabels.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('')}</tr></thead>` : '';
	const body = view.rows
		.map((row) => `<tr><th scope="row">${escapeHtml(row.label)}</th>${row.cells.map((c) => `<td data-value="${c.value}">${c.text}</td>`).join('')}</tr>`)
		.join('');
	table.innerHTML = `${head}<tbody>${body}</tbody>`;
}

/** The newest view of a table that is folded away, written when the reader unfolds it. */
const waiting = new WeakMap<HTMLTableElement, TableView>();

/**
 * Fills a data table now if the reader can see it, else when its <details> is opened: a folded table of hundreds of
 * cells rewritten on every update was a fifth of the layer-by-layer CNN widget's update (measured: 3 ms of 16).
 */
export function showDataTable(table: HTMLTableElement, view: TableView): void {
	const details = table.closest('details');
	if (!details || details.open) {
		waiting.delete(table);
		fillDataTable(table, view);
		return;
	}
	if (!waiting.has(table))
		details.addEventListener(
			'toggle',
			() => {
				const latest = waiting.get(table);
				waiting.delete(table);
				if (latest) fillDataTable(table, latest);
			},
			{ once: true },
		);
	waiting.set(table, view);
}
