/**
 * A square heatmap with the same labels on both axes (tokens × tokens), values printed in the cells when there is
 * room. `labelledHeatmapView` (no DOM) describes it for components/ui/LabelledHeatmap.astro (the first frame) and
 * for `drawLabelledHeatmap` (the browser).
 */
import { select } from 'd3-selection';
import type { Matrix } from '../reference/matrix';
import { textOn, type ColourScale } from './colour';
import { drawCells, drawOutlines, heatmapCells, type HeatmapView } from './heatmap';

/** Space for labels, in cell units. */
const LABEL_MARGIN = 3.2;
/** Print values inside cells up to this many tokens. */
const MAX_PRINTED = 10;

export interface PrintedValue {
	x: number;
	y: number;
	text: string;
	fill: string;
}

export interface AxisLabel {
	text: string;
	/** The row in focus is set in bold. */
	bold: boolean;
}

export interface LabelledHeatmapView extends HeatmapView {
	printed: PrintedValue[];
	rowLabels: AxisLabel[];
	colLabels: string[];
}

function shortLabel(token: string): string {
	return token.length > 7 ? `${token.slice(0, 6)}…` : token;
}

/** The text printed in a cell: two decimals without the leading zero (weights are in [0, 1]). */
function cellText(value: number): string {
	return value.toFixed(2).replace(/^0/, '');
}

/** Where a column label stands: rotated so that long tokens fit above narrow columns. */
export function colLabelTransform(col: number): string {
	return `translate(${col + 0.65} -0.2) rotate(-60)`;
}

export function labelledHeatmapView(values: Matrix, labels: string[], colour: ColourScale, focusRow: number): LabelledHeatmapView {
	const n = values.length;
	const cells = heatmapCells(values, colour);
	return {
		viewBox: `${-LABEL_MARGIN} ${-LABEL_MARGIN} ${n + LABEL_MARGIN} ${n + LABEL_MARGIN}`,
		cells,
		printed: n <= MAX_PRINTED ? cells.map((c) => ({ x: c.col + 0.5, y: c.row + 0.62, text: cellText(c.value), fill: textOn(c.fill) })) : [],
		rowLabels: labels.map((label, i) => ({ text: shortLabel(label), bold: i === focusRow })),
		colLabels: labels.map(shortLabel),
		outlines: focusRow >= 0 && focusRow < n ? [{ name: 'focus', row: focusRow, col: 0, h: 1, w: n }] : [],
	};
}

export function drawLabelledHeatmap(svg: SVGSVGElement, view: LabelledHeatmapView): void {
	if (svg.getAttribute('viewBox') !== view.viewBox) svg.setAttribute('viewBox', view.viewBox);
	drawCells(svg, view.cells);
	drawTexts(
		svg,
		'value',
		view.printed,
		(d) => ({ x: String(d.x), y: String(d.y), fill: d.fill }),
		(d) => d.text,
	);
	drawTexts(
		svg,
		'row-label',
		view.rowLabels,
		(d, i) => ({ x: '-0.2', y: String(i + 0.65), 'font-weight': d.bold ? '700' : '400' }),
		(d) => d.text,
	);
	drawTexts(
		svg,
		'col-label',
		view.colLabels,
		(_, j) => ({ transform: colLabelTransform(j) }),
		(d) => d,
	);
	drawOutlines(svg, view.outlines);
}

/** A <text> remembers what was last written to it, so an update writes only what changed (most labels stay). */
type DrawnText = SVGTextElement & { drawn?: Record<string, string> };

function drawTexts<D>(svg: SVGSVGElement, kind: string, data: D[], attributes: (d: D, i: number) => Record<string, string>, text: (d: D) => string) {
	select(svg)
		.selectAll<DrawnText, D>(`text.${kind}`)
		// New texts go beneath the outlines, which stay on top.
		.data(data)
		.join((enter) => enter.insert<DrawnText>('text', 'rect.outline').attr('class', kind))
		.each(function (d, i) {
			const next = { ...attributes(d, i), '#text': text(d) };
			const drawn = this.drawn ?? {};
			for (const [name, value] of Object.entries(next))
				if (drawn[name] !== value) {
					if (name === '#text') this.textContent = value;
					else this.setAttribute(name, value);
				}
			this.drawn = next;
		});
}
