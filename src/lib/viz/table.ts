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

/** What each data table shows now, so an update that changes nothing in it (a moved focus) rewrites nothing. */
const tableContents = new WeakMap<HTMLTableElement, TableView>();

function sameTable(a: TableView | undefined, b: TableView): boolean {
	if (!a || a.rows.length !== b.rows.length || String(a.colLabels) !== String(b.colLabels)) return false;
	return a.rows.every((row, r) => {
		const other = b.rows[r]!;
		return row.label === other.label && row.cells.length === other.cells.length && row.cells.every((c, j) => c.value === other.cells[j]!.value);
	});
}

export function fillDataTable(table: HTMLTableElement, view: TableView): void {
	if (sameTable(tableContents.get(table), view)) return;
	tableContents.set(table, view);
	const head = view.colLabels ? `<thead><tr><td></td>${view.colLabels.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('')}</tr></thead>` : '';
	const body = view.rows
		.map((row) => `<tr><th scope="row">${escapeHtml(row.label)}</th>${row.cells.map((c) => `<td data-value="${c.value}">${c.text}</td>`).join('')}</tr>`)
		.join('');
	table.innerHTML = `${head}<tbody>${body}</tbody>`;
}
