/** Applies the parts of a view every widget has (src/lib/widgets/view.ts) to the widget's DOM. */
import { drawHeatmap } from '../viz/heatmap';
import { showDataTable } from '../viz/table';
import { showFormula } from './formula';
import type { WidgetView } from './view';

export function applyView(root: HTMLElement, view: WidgetView): void {
	const find = <T extends Element>(role: string) => root.querySelector<T>(`[data-role="${role}"]`);
	for (const [role, heatmap] of Object.entries(view.heatmaps)) {
		const svg = find<SVGSVGElement>(role);
		if (svg) drawHeatmap(svg, heatmap);
	}
	for (const [role, formula] of Object.entries(view.formulas)) {
		const box = find<HTMLElement>(role);
		if (box) showFormula(box, formula);
	}
	for (const [role, table] of Object.entries(view.tables)) {
		const element = find<HTMLTableElement>(role);
		if (element) showDataTable(element, table);
	}
	for (const [role, text] of Object.entries(view.texts)) {
		const element = find<HTMLElement>(role);
		if (element && element.textContent !== text) element.textContent = text;
	}
}
