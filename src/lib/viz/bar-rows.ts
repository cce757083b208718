/**
 * Horizontal bars as plain data: one pure function makes the SVG markup, for the server's first frame and for the
 * browser after a change (as ./log-plot.ts does). d3's linear scale places the bars; a marked limit (an accelerator's
 * memory) is drawn as a line across them.
 */
import { scaleLinear } from 'd3-scale';
import { escapeHtml } from '../text/template';
import { labelWidth } from './label-width';
import { seriesColour } from './series-colour';

export interface BarRow {
	id: string;
	label: string;
	value: number;
	/** What the bar says at its end (the value with its unit). */
	text: string;
	/** `total`: drawn in the accent series colour, apart from the parts. */
	kind: 'part' | 'total';
}

export interface BarRowsView {
	viewBox: string;
	markup: string;
}

const WIDTH = 480;
const ROW = 26;
const LABEL = 150;
const RIGHT = 96;
const TOP = 20;

export function barRowsView(rows: BarRow[], limit: { value: number; label: string }): BarRowsView {
	const height = TOP + rows.length * ROW + 6;
	const x = scaleLinear()
		.domain([0, Math.max(limit.value, ...rows.map((r) => r.value))])
		.range([LABEL, WIDTH - RIGHT]);
	const parts: string[] = [];
	rows.forEach((row, i) => {
		const y = TOP + i * ROW;
		const end = x(row.value);
		parts.push(
			`<g class="bar-row bar-row-${row.kind}" data-bar="${escapeHtml(row.id)}" data-value="${row.value}">`,
			`<text x="${LABEL - 6}" y="${y + 15}" text-anchor="end">${escapeHtml(row.label)}</text>`,
			`<rect x="${LABEL}" y="${y + 3}" width="${Math.max(1, end - LABEL).toFixed(1)}" height="${ROW - 8}" fill="${seriesColour(row.kind === 'total' ? 3 : 0)}"/>`,
			`<text x="${(end + 4).toFixed(1)}" y="${y + 15}" class="bar-value">${escapeHtml(row.text)}</text>`,
			'</g>',
		);
	});
	const lx = x(limit.value);
	// The limit's label is centred over its line unless that would run past an edge of the picture.
	const half = labelWidth(limit.label) / 2;
	const anchor = lx + half > WIDTH ? 'end' : lx - half < 0 ? 'start' : 'middle';
	parts.push(
		`<g class="bar-limit"><line x1="${lx.toFixed(1)}" x2="${lx.toFixed(1)}" y1="${TOP - 4}" y2="${height - 2}"/>`,
		`<text x="${lx.toFixed(1)}" y="${TOP - 8}" text-anchor="${anchor}">${escapeHtml(limit.label)}</text></g>`,
	);
	return { viewBox: `0 0 ${WIDTH} ${height}`, markup: parts.join('') };
}
