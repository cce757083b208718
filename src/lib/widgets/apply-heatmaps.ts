/** Draws a view's heatmaps (by the `data-role` of their <svg>): the part of applying a view only tfjs widgets need. */
import { drawHeatmap } from '../viz/heatmap';
import { find } from './apply-view';
import type { WidgetView } from './view';

export function applyHeatmaps(root: HTMLElement, view: WidgetView): void {
	for (const [role, heatmap] of Object.entries(view.heatmaps)) {
		const svg = find<SVGSVGElement>(root, role);
		if (svg) drawHeatmap(svg, heatmap);
	}
}
