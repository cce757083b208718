/**
 * A square heatmap with the same labels on both axes (tokens × tokens), drawn with d3, values printed in the
 * cells when there is room. `labelledHeatmapLayout` (no DOM) gives the geometry to the server-rendered frame too.
 */
import { select } from 'd3-selection';
import type { Matrix } from '../reference/matrix';
import { textOn, type ColourScale } from './colour';
import { drawCells, heatmapCells, type HeatmapCell } from './heatmap';

/** Space for labels, in cell units. */
export const LABEL_MARGIN = 3.2;
/** Print values inside cells up to this many tokens. */
export const MAX_PRINTED = 10;

export function shortLabel(token: string): string {
	return token.length > 7 ? `${token.slice(0, 6)}…` : token;
}

/** The text printed in a cell: two decimals without the leading zero (weights are in [0, 1]). */
export function cellText(value: number): string {
	return value.toFixed(2).replace(/^0/, '');
}

export function labelledViewBox(n: number): string {
	return `${-LABEL_MARGIN} ${-LABEL_MARGIN} ${n + LABEL_MARGIN} ${n + LABEL_MARGIN}`;
}

export function drawLabelledHeatmap(svg: SVGSVGElement, values: Matrix, labels: string[], colour: ColourScale, focusRow: number) {
	const n = values.length;
	svg.setAttribute('viewBox', labelledViewBox(n));
	const root = select(svg);
	const cells = heatmapCells(values, colour);
	drawCells(svg, cells);
	root
		.selectAll<SVGTextElement, HeatmapCell>('text.value')
		.data(n <= MAX_PRINTED ? cells : [])
		.join('text')
		.attr('class', 'value')
		.attr('x', (d) => d.col + 0.5)
		.attr('y', (d) => d.row + 0.62)
		.attr('fill', (d) => textOn(d.fill))
		.text((d) => cellText(d.value));
	root
		.selectAll<SVGTextElement, string>('text.row-label')
		.data(labels)
		.join('text')
		.attr('class', 'row-label')
		.attr('x', -0.2)
		.attr('y', (_, i) => i + 0.65)
		.attr('font-weight', (_, i) => (i === focusRow ? 700 : 400))
		.text(shortLabel);
	root
		.selectAll<SVGTextElement, string>('text.col-label')
		.data(labels)
		.join('text')
		.attr('class', 'col-label')
		.attr('transform', (_, j) => `translate(${j + 0.65} -0.2) rotate(-60)`)
		.text(shortLabel);
	root
		.selectAll<SVGRectElement, number>('rect.outline-focus')
		.data(focusRow >= 0 && focusRow < n ? [focusRow] : [])
		.join('rect')
		.attr('class', 'outline outline-focus')
		.attr('fill', 'none')
		.attr('vector-effect', 'non-scaling-stroke')
		.attr('x', 0)
		.attr('y', (d) => d)
		.attr('width', n)
		.attr('height', 1);
}
