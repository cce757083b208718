/**
 * A log–log plot as plain data: its SVG markup is made by one pure function, so the server renders the first frame
 * with it and the browser re-renders the same markup after a change (no DOM needed to build it). d3's log scales
 * place everything; power laws y = a·xˢ are straight lines on these axes and are clipped to the plotted box.
 */
import { scaleLog, type ScaleLogarithmic } from 'd3-scale';
import { superscript } from '../text/superscript';
import { escapeHtml } from '../text/template';
import { labelWidth } from './label-width';
import { seriesColour } from './series-colour';

/** A power law y = coefficient · x^exponent drawn across the plot. */
export interface PowerLine {
	id: string;
	coefficient: number;
	exponent: number;
	label: string;
	/** `guide`: thin grey (iso-compute lines); `threshold`, `ratio`, `yours`: emphasised, each in its own style. */
	kind: 'guide' | 'threshold' | 'ratio' | 'yours';
}

export interface PlotPath {
	id: string;
	points: [number, number][];
	label: string;
}

export interface PlotMark {
	id: string;
	x: number;
	y: number;
	label: string;
	/** `known`: a published run; `yours`: the reader's; `optimal`: the compute-optimal point of the reader's budget. */
	kind: 'known' | 'yours' | 'optimal';
}

export interface LogPlotSpec {
	x: { domain: [number, number]; label: string };
	y: { domain: [number, number]; label: string };
	lines: PowerLine[];
	/** Polylines through data points (a staircase of costs), clipped to the box, labelled at their last point inside. */
	paths?: PlotPath[];
	marks: PlotMark[];
}

export interface LogPlotView {
	viewBox: string;
	/** The <svg>'s children. */
	markup: string;
}

const WIDTH = 480;
const HEIGHT = 340;
const MARGIN = { top: 12, right: 12, bottom: 44, left: 56 };

/** 10 with a superscript exponent: 10²³. */
export function powerOfTen(exponent: number): string {
	return `10${superscript(exponent)}`;
}

function decades([lo, hi]: [number, number]): number[] {
	const out: number[] = [];
	for (let e = Math.ceil(Math.log10(lo) - 1e-9); e <= Math.floor(Math.log10(hi) + 1e-9); e++) out.push(e);
	return out;
}

/** The part of y = a·xˢ inside the box, as two data points, or none when it misses the box. */
function clip(line: PowerLine, [x0, x1]: [number, number], [y0, y1]: [number, number]): [[number, number], [number, number]] | undefined {
	const lx = [Math.log10(x0), Math.log10(x1)];
	const ly = [Math.log10(y0), Math.log10(y1)];
	const la = Math.log10(line.coefficient);
	const s = line.exponent;
	// In log space the line is ly = la + s·lx: intersect the x-interval with where ly lies inside the y-interval.
	let from = lx[0]!;
	let to = lx[1]!;
	if (s !== 0) {
		const a = (ly[0]! - la) / s;
		const b = (ly[1]! - la) / s;
		from = Math.max(from, Math.min(a, b));
		to = Math.min(to, Math.max(a, b));
	} else if (la < ly[0]! || la > ly[1]!) return undefined;
	if (!(to > from)) return undefined;
	const at = (l: number): [number, number] => [10 ** l, 10 ** (la + s * l)];
	return [at(from), at(to)];
}

const f = (v: number) => Number(v.toFixed(1));

function axes(x: ScaleLogarithmic<number, number>, y: ScaleLogarithmic<number, number>, spec: LogPlotSpec): string {
	const bottom = HEIGHT - MARGIN.bottom;
	const parts: string[] = [`<g class="plot-axis">`];
	for (const e of decades(spec.x.domain)) {
		const px = f(x(10 ** e));
		parts.push(`<line x1="${px}" x2="${px}" y1="${MARGIN.top}" y2="${bottom}" class="plot-grid"/>`);
		parts.push(`<text x="${px}" y="${bottom + 16}" text-anchor="middle">${powerOfTen(e)}</text>`);
	}
	for (const e of decades(spec.y.domain)) {
		const py = f(y(10 ** e));
		parts.push(`<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${py}" y2="${py}" class="plot-grid"/>`);
		parts.push(`<text x="${MARGIN.left - 6}" y="${py + 4}" text-anchor="end">${powerOfTen(e)}</text>`);
	}
	parts.push(`<rect x="${MARGIN.left}" y="${MARGIN.top}" width="${WIDTH - MARGIN.left - MARGIN.right}" height="${bottom - MARGIN.top}" class="plot-frame"/>`);
	parts.push(
		`<text x="${(MARGIN.left + WIDTH - MARGIN.right) / 2}" y="${HEIGHT - 6}" text-anchor="middle" class="plot-label">${escapeHtml(spec.x.label)}</text>`,
	);
	parts.push(
		`<text transform="translate(14 ${(MARGIN.top + bottom) / 2}) rotate(-90)" text-anchor="middle" class="plot-label">${escapeHtml(spec.y.label)}</text>`,
	);
	parts.push('</g>');
	return parts.join('');
}

const MARK_COLOUR: Record<PlotMark['kind'], string> = { known: seriesColour(0), yours: seriesColour(3), optimal: seriesColour(2) };

/** A label's box in plot units. */
interface Box {
	x0: number;
	x1: number;
	y0: number;
	y1: number;
}

function labelBox(x: number, y: number, text: string, anchor: 'start' | 'end'): Box {
	const width = labelWidth(text);
	return anchor === 'start' ? { x0: x, x1: x + width, y0: y - 11, y1: y + 3 } : { x0: x - width, x1: x, y0: y - 11, y1: y + 3 };
}

const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

function text(x: number, y: number, label: string, anchor: 'start' | 'end'): string {
	return `<text x="${f(x)}" y="${f(y)}" text-anchor="${anchor}">${escapeHtml(label)}</text>`;
}

/**
 * Labels are placed so that none covers another: the marks' first (a label that would cover an earlier one moves down
 * a line, so the labels of coinciding marks stack), then the emphasised lines' (at the right end, else the left end),
 * then the guides' (left out where there is no room: the table lists every line's value anyway).
 */
export function logPlotView(spec: LogPlotSpec): LogPlotView {
	const x = scaleLog()
		.domain(spec.x.domain)
		.range([MARGIN.left, WIDTH - MARGIN.right]);
	const y = scaleLog()
		.domain(spec.y.domain)
		.range([HEIGHT - MARGIN.bottom, MARGIN.top]);
	const placed: Box[] = [];
	const free = (box: Box) => !placed.some((other) => overlaps(box, other));
	const markParts: string[] = [];
	for (const mark of spec.marks) {
		const [px, py] = [f(x(mark.x)), f(y(mark.y))];
		const colour = MARK_COLOUR[mark.kind];
		const shape =
			mark.kind === 'yours'
				? `<path d="M${px} ${py - 7}L${px + 7} ${py}L${px} ${py + 7}L${px - 7} ${py}Z" fill="${colour}"/>`
				: mark.kind === 'optimal'
					? `<circle cx="${px}" cy="${py}" r="8" fill="none" stroke="${colour}" stroke-width="2.5"/>`
					: `<circle cx="${px}" cy="${py}" r="5" fill="${colour}"/>`;
		// Beside the mark on the roomier side, else on the other side, else a line lower each time (coinciding marks).
		const preferred = px < WIDTH - MARGIN.right - 110 ? 'start' : 'end';
		const sides: ('start' | 'end')[] = [preferred, preferred === 'start' ? 'end' : 'start'];
		const at = (anchor: 'start' | 'end', ly: number): [number, number, 'start' | 'end'] => [anchor === 'start' ? px + 11 : px - 11, ly, anchor];
		let spot = sides.map((side) => at(side, py + 4)).find(([lx, ly, anchor]) => free(labelBox(lx, ly, mark.label, anchor)));
		for (let ly = py + 19; !spot && ly < HEIGHT; ly += 15)
			if (free(labelBox(...(at(preferred, ly).slice(0, 2) as [number, number]), mark.label, preferred))) spot = at(preferred, ly);
		const [lx, ly, anchor] = spot ?? at(preferred, py + 4);
		placed.push(labelBox(lx, ly, mark.label, anchor));
		markParts.push(`<g class="plot-mark plot-mark-${mark.kind}" data-mark="${escapeHtml(mark.id)}">`, shape, text(lx, ly, mark.label, anchor), '</g>');
	}
	const lineParts: string[] = [];
	const byEmphasis = [...spec.lines].sort((a, b) => Number(a.kind === 'guide') - Number(b.kind === 'guide'));
	for (const line of byEmphasis) {
		const segment = clip(line, spec.x.domain, spec.y.domain);
		if (!segment) continue;
		const [[ax, ay], [bx, by]] = segment;
		const [x0, y0, x1, y1] = [x(ax), y(ay), x(bx), y(by)];
		// At the right end: below a rising line's end, above a falling one's. Else at the left end, on the other side.
		const candidates: [number, number, 'start' | 'end'][] = [
			[x1 - 4, line.exponent > 0 ? y1 + 14 : y1 - 4, 'end'],
			[x0 + 4, line.exponent > 0 ? y0 - 4 : y0 + 14, 'start'],
		];
		const spot = line.label ? candidates.find(([lx, ly, anchor]) => free(labelBox(lx, ly, line.label, anchor))) : undefined;
		if (spot) placed.push(labelBox(spot[0], spot[1], line.label, spot[2]));
		lineParts.push(
			`<g class="plot-line plot-line-${line.kind}" data-line="${escapeHtml(line.id)}">`,
			`<line x1="${f(x0)}" y1="${f(y0)}" x2="${f(x1)}" y2="${f(y1)}"/>`,
			spot ? text(...(spot.slice(0, 2) as [number, number]), line.label, spot[2]) : '',
			'</g>',
		);
	}
	const pathParts: string[] = [];
	const [[x0, x1], [y0, y1]] = [spec.x.domain, spec.y.domain];
	const inside = ([px, py]: [number, number]) => px >= x0 && px <= x1 && py >= y0 && py <= y1;
	for (const path of spec.paths ?? []) {
		// Points outside the box are pulled onto its edge: enough for the flat and rising steps drawn here.
		const clamp = ([px, py]: [number, number]): [number, number] => [Math.min(x1, Math.max(x0, px)), Math.min(y1, Math.max(y0, py))];
		const shown = path.points.map(clamp);
		const d = shown.map(([px, py], i) => `${i ? 'L' : 'M'}${f(x(px))} ${f(y(py))}`).join('');
		const last = [...path.points].reverse().find(inside) ?? shown.at(-1)!;
		const [lx, ly, anchor] = [x(last[0]) - 4, y(last[1]) + 16, 'end' as const];
		const labelled = path.label && free(labelBox(lx, ly, path.label, anchor));
		if (labelled) placed.push(labelBox(lx, ly, path.label, anchor));
		pathParts.push(
			`<g class="plot-path" data-path="${escapeHtml(path.id)}"><path d="${d}" fill="none" stroke="${seriesColour(3)}"/>`,
			labelled ? text(lx, ly, path.label, anchor) : '',
			'</g>',
		);
	}
	return { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, markup: [axes(x, y, spec), ...lineParts, ...pathParts, ...markParts].join('') };
}
