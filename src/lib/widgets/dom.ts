/** Small DOM helpers the widgets share (views only: no maths beyond index arithmetic). */
import { BACKEND_CHANGE, backendFromUrl } from './widget-element';

/** Fills `{{name}}` placeholders of a localized string. */
export function template(text: string, values: Record<string, string | number>): string {
	return text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));
}

export function prefersReducedMotion(): boolean {
	return matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** The grid cell under a pointer event on an SVG whose viewBox has one unit per cell. */
export function gridCellAt(svg: SVGSVGElement, event: PointerEvent): { row: number; col: number } | undefined {
	const box = svg.viewBox.baseVal;
	const rect = svg.getBoundingClientRect();
	if (!box.width || !rect.width) return undefined;
	const col = Math.floor(((event.clientX - rect.left) / rect.width) * box.width);
	const row = Math.floor(((event.clientY - rect.top) / rect.height) * box.height);
	if (row < 0 || col < 0 || row >= box.height || col >= box.width) return undefined;
	return { row, col };
}

/** Arrow keys (and Home/End) move a focused cell inside an n × n grid; other keys return undefined. */
export function moveFocus(event: KeyboardEvent, at: { row: number; col: number }, n: number): { row: number; col: number } | undefined {
	const clamp = (v: number) => Math.max(0, Math.min(n - 1, v));
	switch (event.key) {
		case 'ArrowUp':
			return { row: clamp(at.row - 1), col: clamp(at.col) };
		case 'ArrowDown':
			return { row: clamp(at.row + 1), col: clamp(at.col) };
		case 'ArrowLeft':
			return { row: clamp(at.row), col: clamp(at.col - 1) };
		case 'ArrowRight':
			return { row: clamp(at.row), col: clamp(at.col + 1) };
		case 'Home':
			return { row: clamp(at.row), col: 0 };
		case 'End':
			return { row: clamp(at.row), col: n - 1 };
		default:
			return undefined;
	}
}

/** Writes a matrix into a table (the heatmap's accessible alternative); full precision in data-value. */
/** What each data table shows now, so an update that changes nothing in it (a moved focus) rewrites nothing. */
const tableContents = new WeakMap<HTMLTableElement, string>();

export function fillDataTable(table: HTMLTableElement, values: number[][], rowLabels?: string[], colLabels?: string[]) {
	const signature = JSON.stringify([values, rowLabels, colLabels]);
	if (tableContents.get(table) === signature) return;
	tableContents.set(table, signature);
	const head = colLabels ? `<thead><tr><td></td>${colLabels.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('')}</tr></thead>` : '';
	const body = values
		.map((row, r) => {
			const label = rowLabels ? `<th scope="row">${escapeHtml(rowLabels[r] ?? '')}</th>` : `<th scope="row">${r}</th>`;
			return `<tr>${label}${row.map((v) => `<td data-value="${v}">${Number(v.toFixed(3))}</td>`).join('')}</tr>`;
		})
		.join('');
	table.innerHTML = `${head}<tbody>${body}</tbody>`;
}

export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** Connects a widget's backend menu to the page-wide choice (URL `?backend=`, shared by every widget). */
export function bindBackendControl(root: HTMLElement) {
	const select = root.querySelector<HTMLSelectElement>('select[data-role="backend"]');
	if (!select) return;
	select.value = backendFromUrl();
	select.addEventListener('change', () => {
		const url = new URL(location.href);
		if (select.value === 'auto') url.searchParams.delete('backend');
		else url.searchParams.set('backend', select.value);
		history.replaceState(history.state, '', url);
		document.dispatchEvent(new Event(BACKEND_CHANGE));
	});
	document.addEventListener(BACKEND_CHANGE, () => (select.value = backendFromUrl()));
}
