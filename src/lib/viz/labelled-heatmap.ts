/**
 * A square heatmap with the same labels on both axes (tokens × tokens), values printed in the cells when there is
 * room. `labelledHeatmapView` (no DOM) describes it for components/ui/LabelledHeatmap.astro (the first frame) and
 * for `drawLabelledHeatmap` (the browser).
 */
import { select } from 'd3-selection';
import type { Matrix } from '../reference/matrix';
import { textOn, type ColourScale } from './colour';
import { drawCells, drawOutlines, heatmapCells, type HeatmapView } from './heatmap';

/** Print values inside cells up to this many tokens. */
const MAX_PRINTED = 10;
/** Label font size in cell units (heatmap.css: `.widget svg text`), and a glyph's width in ems: CJK and narrow Latin. */
const LABEL_FONT = 0.42;
const WIDE_EM = 1;
const NARROW_EM = 0.6;
/** Column labels are rotated by 60°: their height is sin 60° of their width. */
const SIN_60 = Math.sqrt(3) / 2;

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

/** A label's width in cell units, estimated from its characters (the view has no DOM to measure with). */
function labelWidth(label: string): number {
	return [...label].reduce((width, char) => width + LABEL_FONT * (/[\u2e80-\uffef]/u.test(char) ? WIDE_EM : NARROW_EM), 0);
}

/**
 * The viewBox: the cells, with room for the longest label to the left and, rotated, above, so that a few short tokens
 * do not leave a band of empty space (a fixed margin for seven-letter words was most of a 4-token heatmap).
 */
function labelledViewBox(n: number, labels: string[]): string {
	const widest = Math.max(0, ...labels.map(labelWidth));
	const left = widest + 0.3;
	const top = widest * SIN_60 + 0.45;
	const right = Math.max(0, widest / 2 - 0.3);
	return `${-round(left)} ${-round(top)} ${round(n + left + right)} ${round(n + top)}`;
}

const round = (x: number) => Math.round(x * 100) / 100;

/** Options: `printValues: false` leaves the numbers out, for heatmaps drawn too small to read them. */
export function labelledHeatmapView(
	values: Matrix,
	labels: string[],
	colour: ColourScale,
	focusRow: number,
	{ printValues = true }: { printValues?: boolean } = {},
): LabelledHeatmapView {
	const n = values.length;
	const cells = heatmapCells(values, colour);
	const short = labels.map(shortLabel);
	return {
		viewBox: labelledViewBox(n, short),
		cells,
		printed: printValues && n <= MAX_PRINTED ? cells.map((c) => ({ x: c.col + 0.5, y: c.row + 0.62, text: cellText(c.value), fill: textOn(c.fill) })) : [],
		rowLabels: short.map((text, i) => ({ text, bold: i === focusRow })),
		colLabels: short,
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
