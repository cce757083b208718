/**
 * A two-parameter loss drawn as contour lines, with a path over it, as plain data: d3-contour traces the levels on a
 * grid of the loss, one pure function makes the markup (the server's first frame and the browser's), and the path's
 * geometry comes apart so that a step can move it without redrawing the contours.
 */
import { contours } from 'd3-contour';
import { scaleLinear } from 'd3-scale';

export interface ContourSpec {
	/** The loss at (x, y); its levels are spaced geometrically between the grid's smallest and largest values. */
	loss: (x: number, y: number) => number;
	domain: { x: [number, number]; y: [number, number] };
	levels: number;
}

export interface PathGeometry {
	/** The path as an SVG `d` attribute, in the plot's pixels. */
	d: string;
	start: [number, number];
	current: [number, number];
}

const SIZE = 360;
const GRID = 72;

export const CONTOUR_VIEWBOX = `0 0 ${SIZE} ${SIZE}`;

const f = (v: number) => Number(v.toFixed(1));

function scales(domain: ContourSpec['domain']) {
	return {
		x: scaleLinear().domain(domain.x).range([0, SIZE]),
		y: scaleLinear().domain(domain.y).range([SIZE, 0]),
	};
}

/** The contour lines' markup: one <path> per level, the lowest levels (near the minimum) drawn strongest. */
export function contourMarkup(spec: ContourSpec): string {
	const values: number[] = [];
	const [x0, x1] = spec.domain.x;
	const [y0, y1] = spec.domain.y;
	// Row by row from the top (largest y), as d3-contour reads a grid; cell centres.
	for (let j = 0; j < GRID; j++)
		for (let i = 0; i < GRID; i++) values.push(spec.loss(x0 + ((i + 0.5) / GRID) * (x1 - x0), y1 - ((j + 0.5) / GRID) * (y1 - y0)));
	const lo = Math.max(Math.min(...values), 1e-3);
	const hi = Math.max(...values);
	const thresholds = Array.from({ length: spec.levels }, (_, k) => lo * (hi / lo) ** ((k + 1) / (spec.levels + 1)));
	const cell = SIZE / GRID;
	return contours()
		.size([GRID, GRID])
		.thresholds(thresholds)(values)
		.map((level, k) => {
			const d = level.coordinates
				.flatMap((polygon) => polygon.map((ring) => `M${ring.map((point) => `${f(point[0]! * cell)} ${f(point[1]! * cell)}`).join('L')}Z`))
				.join('');
			return `<path class="contour" d="${d}" data-level="${Number(level.value.toPrecision(3))}" stroke-opacity="${f(1 - (0.7 * k) / spec.levels)}"/>`;
		})
		.join('');
}

/** A data point in the plot's pixels. */
export function toPixels(domain: ContourSpec['domain'], [x, y]: [number, number]): [number, number] {
	const s = scales(domain);
	return [f(s.x(x)), f(s.y(y))];
}

/** A pixel of the plot (a click) as a data point, to three decimals. */
export function fromPixels(domain: ContourSpec['domain'], [px, py]: [number, number]): [number, number] {
	const s = scales(domain);
	return [Number(s.x.invert(px).toFixed(3)), Number(s.y.invert(py).toFixed(3))];
}

export function pathGeometry(domain: ContourSpec['domain'], path: [number, number][]): PathGeometry {
	const points = path.map((p) => toPixels(domain, p));
	return {
		d: points.map(([px, py], i) => `${i ? 'L' : 'M'}${px} ${py}`).join(''),
		start: points[0]!,
		current: points.at(-1)!,
	};
}
