/**
 * Heatmaps as SVG grids of <rect>s. `heatmapCells` (no DOM) feeds both the server-rendered first frame and the
 * client; `drawHeatmap` (d3) updates the same SVG in place, so hydration changes colours, not layout.
 */
import { select } from 'd3-selection';
import type { Matrix } from '../reference/matrix';
import type { ColourScale } from './colour';

export interface HeatmapCell {
	row: number;
	col: number;
	value: number;
	fill: string;
}

export function heatmapCells(values: Matrix, colour: ColourScale): HeatmapCell[] {
	return values.flatMap((row, r) => row.map((value, c) => ({ row: r, col: c, value, fill: colour(value) })));
}

/** viewBox of a grid with one unit per cell. */
export function heatmapViewBox(values: Matrix): string {
	return `0 0 ${values[0]?.length ?? 0} ${values.length}`;
}

export function drawHeatmap(svg: SVGSVGElement, values: Matrix, colour: ColourScale): void {
	svg.setAttribute('viewBox', heatmapViewBox(values));
	drawCells(svg, heatmapCells(values, colour));
}

/** Joins one unit-square <rect class="cell"> per cell (shared by the plain and the labelled heatmap). */
export function drawCells(svg: SVGSVGElement, cells: HeatmapCell[]): void {
	select(svg)
		.selectAll<DrawnCell, HeatmapCell>('rect.cell')
		.data(cells)
		// New cells go beneath labels and outlines already drawn, so a growing grid never hides them.
		.join((enter) => enter.insert<DrawnCell>('rect', 'text, rect.outline').attr('class', 'cell').attr('width', 1).attr('height', 1))
		.each(function (d) {
			// Only what changed is written: a grid of 784 cells whose colours mostly stay (the reader moves a focus,
			// steps a window) then costs a few DOM writes instead of thousands.
			const drawn = this.drawn;
			if (drawn?.row !== d.row || drawn.col !== d.col) {
				this.setAttribute('x', String(d.col));
				this.setAttribute('y', String(d.row));
			}
			if (drawn?.fill !== d.fill) this.setAttribute('fill', d.fill);
			this.drawn = { row: d.row, col: d.col, fill: d.fill };
		});
}

/** A heatmap cell remembers what was last written to it (cells from the server-rendered frame start without). */
type DrawnCell = SVGRectElement & { drawn?: { row: number; col: number; fill: string } };

/** Draws (or moves) an outline rectangle over cells [row, row+h) × [col, col+w); `null` hides it. */
export function drawOutline(svg: SVGSVGElement, name: string, box: { row: number; col: number; h: number; w: number } | null) {
	const outline = select(svg)
		.selectAll<SVGRectElement, typeof box>(`rect.outline-${name}`)
		.data(box ? [box] : [])
		.join('rect')
		.attr('class', `outline outline-${name}`)
		.attr('fill', 'none')
		.attr('vector-effect', 'non-scaling-stroke');
	if (box) outline.attr('x', box.col).attr('y', box.row).attr('width', box.w).attr('height', box.h);
}
