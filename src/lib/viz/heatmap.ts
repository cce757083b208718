/**
 * Heatmaps as SVG grids of unit-square <rect>s, one viewBox unit per cell. `heatmapView` (no DOM) describes what to
 * draw; components/ui/Heatmap.astro renders that description on the server (the first frame) and `drawHeatmap`
 * applies it to the same SVG in the browser, so hydration changes colours, not layout.
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

/** A rectangle drawn over cells [row, row + h) × [col, col + w) (the focus, a receptive field, a time step). */
export interface Outline {
	/** Class suffix: drawn as `rect.outline.outline-<name>`, styled per name. */
	name: string;
	row: number;
	col: number;
	h: number;
	w: number;
}

export interface HeatmapView {
	viewBox: string;
	cells: HeatmapCell[];
	/** Drawn above the cells, in this order. */
	outlines: Outline[];
}

export function heatmapCells(values: Matrix, colour: ColourScale): HeatmapCell[] {
	return values.flatMap((row, r) => row.map((value, c) => ({ row: r, col: c, value, fill: colour(value) })));
}

/** viewBox of a grid with one unit per cell. */
function heatmapViewBox(values: Matrix): string {
	return `0 0 ${values[0]?.length ?? 0} ${values.length}`;
}

export function heatmapView(values: Matrix, colour: ColourScale, outlines: (Outline | null)[] = []): HeatmapView {
	return { viewBox: heatmapViewBox(values), cells: heatmapCells(values, colour), outlines: outlines.filter((o) => o !== null) };
}

export function drawHeatmap(svg: SVGSVGElement, view: HeatmapView): void {
	if (svg.getAttribute('viewBox') !== view.viewBox) svg.setAttribute('viewBox', view.viewBox);
	drawCells(svg, view.cells);
	drawOutlines(svg, view.outlines);
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
			// Cells of the server-rendered frame start with what their attributes say.
			const drawn = (this.drawn ??= { row: Number(this.getAttribute('y')), col: Number(this.getAttribute('x')), fill: this.getAttribute('fill') ?? '' });
			if (drawn?.row !== d.row || drawn.col !== d.col) {
				this.setAttribute('x', String(d.col));
				this.setAttribute('y', String(d.row));
			}
			if (drawn?.fill !== d.fill) this.setAttribute('fill', d.fill);
			this.drawn = { row: d.row, col: d.col, fill: d.fill };
		});
}

/** A heatmap cell remembers what was last written to it. */
type DrawnCell = SVGRectElement & { drawn?: { row: number; col: number; fill: string } };

/** Draws, moves or removes the outlines; they stay the SVG's last children, above cells and labels. */
export function drawOutlines(svg: SVGSVGElement, outlines: Outline[]): void {
	const joined = select(svg)
		.selectAll<SVGRectElement, Outline>('rect.outline')
		.data(outlines)
		.join((enter) => enter.append('rect').attr('fill', 'none').attr('vector-effect', 'non-scaling-stroke'))
		.attr('class', (d) => `outline outline-${d.name}`)
		.attr('x', (d) => d.col)
		.attr('y', (d) => d.row)
		.attr('width', (d) => d.w)
		.attr('height', (d) => d.h);
	const nodes = joined.nodes();
	if (nodes.length && nodes.at(-1) !== svg.lastElementChild) for (const node of nodes) svg.append(node);
}
