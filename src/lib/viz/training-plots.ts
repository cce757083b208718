/**
 * The overfitting demo's two pictures as plain data: one pure function each makes the SVG markup, for the server's
 * first frame and for the browser after every step (as ./log-plot.ts does). `curvesMarkup`: training and validation
 * error against the step, on a log scale (errors span two orders of magnitude), with a floor line and a marked
 * point. `fitMarkup`: the points, the function they were drawn from, and the model's curve. d3's scales place them.
 */
import { scaleLinear, scaleLog, type ScaleLinear } from 'd3-scale';
import { escapeHtml } from '../text/template';
import { seriesColour } from './series-colour';

export const PLOT_WIDTH = 480;
export const PLOT_HEIGHT = 260;
export const PLOT_VIEWBOX = `0 0 ${PLOT_WIDTH} ${PLOT_HEIGHT}`;
const M = { top: 12, right: 86, bottom: 36, left: 52 };

const fixed = (v: number) => v.toFixed(1);
/** A dot's centre: whole units are finer than the dots (and keep 200 of them small in the page). */
const whole = (v: number) => String(Math.round(v));
/** A point less than this past the last one drawn is left out (the last is always drawn): a curve of 500 recorded
 * points is drawn with about 230, with no visible change. */
const MIN_SPACING = 1.5;

function polyline(points: [number, number][]): string {
	let lastX = -Infinity;
	const kept = points.filter(([x], i) => {
		if (x - lastX < MIN_SPACING && i !== points.length - 1) return false;
		lastX = x;
		return true;
	});
	return kept.map(([x, y]) => `${fixed(x)},${fixed(y)}`).join(' ');
}

/** Vertical grid lines with their labels under the plot. */
function xGrid(x: ScaleLinear<number, number>): string[] {
	return x
		.ticks(5)
		.map(
			(t) =>
				`<g class="tick"><line x1="${fixed(x(t))}" x2="${fixed(x(t))}" y1="${M.top}" y2="${PLOT_HEIGHT - M.bottom}"/><text x="${fixed(x(t))}" y="${PLOT_HEIGHT - M.bottom + 16}" text-anchor="middle">${t}</text></g>`,
		);
}

/** Horizontal grid lines at `ticks`, labelled on the left. */
function yGrid(y: (t: number) => number, ticks: number[], label: (t: number) => string): string[] {
	return ticks.map(
		(t) =>
			`<g class="tick"><line x1="${M.left}" x2="${PLOT_WIDTH - M.right}" y1="${fixed(y(t))}" y2="${fixed(y(t))}"/><text x="${M.left - 6}" y="${fixed(y(t) + 4)}" text-anchor="end">${label(t)}</text></g>`,
	);
}

export interface CurvesSpec {
	/** [step, value] for each series. */
	series: { id: string; label: string; points: [number, number][] }[];
	/** The steps the x axis spans (at least). */
	steps: number;
	/** A horizontal line (the noise's variance, below which validation cannot go on average). */
	floor: { value: number; label: string };
	/** A marked point (the lowest validation error). */
	mark: { step: number; value: number; label: string };
	xLabel: string;
	yLabel: string;
}

export function curvesMarkup(spec: CurvesSpec): string {
	const values = spec.series.flatMap((s) => s.points.map((p) => p[1])).filter((v) => v > 0 && Number.isFinite(v));
	const low = Math.min(spec.floor.value, ...values) / 1.5;
	const high = Math.max(spec.floor.value, ...values) * 1.5;
	const x = scaleLinear()
		.domain([0, Math.max(1, spec.steps)])
		.range([M.left, PLOT_WIDTH - M.right]);
	const y = scaleLog()
		.domain([low, high])
		.range([PLOT_HEIGHT - M.bottom, M.top])
		.clamp(true);
	const parts: string[] = [];
	parts.push(...xGrid(x));
	const yTicks = y.ticks(4).filter((t) => [1, 2, 5].includes(Math.round(t / 10 ** Math.floor(Math.log10(t) + 1e-9))));
	parts.push(...yGrid(y, yTicks, (t) => String(Number(t.toPrecision(2)))));
	parts.push(
		`<text class="axis-label" x="${(M.left + PLOT_WIDTH - M.right) / 2}" y="${PLOT_HEIGHT - 4}" text-anchor="middle">${escapeHtml(spec.xLabel)}</text>`,
		`<text class="axis-label" x="12" y="${M.top + 4}" text-anchor="start" transform="rotate(0)">${escapeHtml(spec.yLabel)}</text>`,
	);
	const fy = y(spec.floor.value);
	parts.push(
		`<g class="floor"><line x1="${M.left}" x2="${PLOT_WIDTH - M.right}" y1="${fixed(fy)}" y2="${fixed(fy)}"/><text x="${PLOT_WIDTH - M.right - 4}" y="${fixed(fy + 15)}" text-anchor="end">${escapeHtml(spec.floor.label)}</text></g>`,
	);
	spec.series.forEach((series, i) => {
		const points = series.points.map(([s, v]) => [x(s), y(Math.max(low, v))] as [number, number]);
		const colour = seriesColour(i === 0 ? 0 : 3);
		const last = points.at(-1);
		parts.push(
			`<g class="series" data-series="${escapeHtml(series.id)}"><polyline fill="none" stroke="${colour}" stroke-width="2" points="${polyline(points)}"/>`,
			last ? `<text x="${fixed(last[0] + 4)}" y="${fixed(last[1] + 4 + (i === 0 ? 6 : -6))}">${escapeHtml(series.label)}</text>` : '',
			'</g>',
		);
	});
	const mx = x(spec.mark.step);
	const my = y(Math.max(low, spec.mark.value));
	parts.push(
		`<g class="mark"><circle cx="${fixed(mx)}" cy="${fixed(my)}" r="4.5"/><text x="${fixed(mx)}" y="${fixed(my - 9)}" text-anchor="${mx > PLOT_WIDTH / 2 ? 'end' : 'start'}">${escapeHtml(spec.mark.label)}</text></g>`,
	);
	return parts.join('');
}

export interface FitSpec {
	train: { x: number[]; y: number[] };
	validation: { x: number[]; y: number[] };
	truth: (x: number) => number;
	model: (x: number) => number;
	labels: { truth: string; model: string };
}

const FIT_RANGE = [-2.5, 2.5] as const;

export function fitMarkup(spec: FitSpec): string {
	const x = scaleLinear()
		.domain([0, 1])
		.range([M.left, PLOT_WIDTH - M.right]);
	const y = scaleLinear()
		.domain(FIT_RANGE)
		.range([PLOT_HEIGHT - M.bottom, M.top])
		.clamp(true);
	const parts: string[] = [];
	parts.push(...xGrid(x));
	parts.push(...yGrid(y, y.ticks(5), String));
	const curve = (f: (x: number) => number) => polyline(Array.from({ length: 121 }, (_, i) => i / 120).map((u) => [x(u), y(f(u))] as [number, number]));
	parts.push(
		`<g class="validation-points">${spec.validation.x.map((u, i) => `<circle cx="${whole(x(u))}" cy="${whole(y(spec.validation.y[i]!))}" r="1.6"/>`).join('')}</g>`,
		`<polyline class="truth" fill="none" points="${curve(spec.truth)}"/>`,
		`<polyline class="model" fill="none" stroke="${seriesColour(2)}" stroke-width="2.5" points="${curve(spec.model)}"/>`,
		`<g class="train-points">${spec.train.x.map((u, i) => `<circle cx="${fixed(x(u))}" cy="${fixed(y(spec.train.y[i]!))}" r="4" fill="${seriesColour(0)}"/>`).join('')}</g>`,
		`<text class="legend truth-label" x="${PLOT_WIDTH - M.right + 4}" y="${fixed(y(spec.truth(1)) + 4)}">${escapeHtml(spec.labels.truth)}</text>`,
		`<text class="legend" x="${PLOT_WIDTH - M.right + 4}" y="${fixed(y(spec.model(1)) + 4 + (Math.abs(spec.model(1) - spec.truth(1)) < 0.3 ? 14 : 0))}">${escapeHtml(spec.labels.model)}</text>`,
	);
	return parts.join('');
}
