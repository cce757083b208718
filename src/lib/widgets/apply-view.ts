/**
 * Applies the parts of a view every widget has (src/lib/widgets/view.ts) to the widget's DOM. Heatmaps are applied
 * apart (./apply-heatmaps.ts), by the tfjs widgets only, so that a calculator does not download d3 for them.
 */
import { showDataTable } from '../viz/table';
import { showFormula } from './formula';
import type { WidgetView } from './view';

export const find = <T extends Element>(root: HTMLElement, role: string) => root.querySelector<T>(`[data-role="${role}"]`);

export function applyView(root: HTMLElement, view: WidgetView): void {
	for (const [role, formula] of Object.entries(view.formulas)) {
		const box = find<HTMLElement>(root, role);
		if (box) showFormula(box, formula);
	}
	for (const [role, table] of Object.entries(view.tables)) {
		const element = find<HTMLTableElement>(root, role);
		if (element) showDataTable(element, table);
	}
	for (const [role, text] of Object.entries(view.texts)) {
		const element = find<HTMLElement>(root, role);
		if (element && element.textContent !== text) element.textContent = text;
	}
}
