/**
 * Every colour scale of the widgets, in one place. Chosen to be readable in light and dark themes and by
 * colour-blind readers: a perceptually uniform sequential scale (cividis) for non-negative values and a
 * purple–orange diverging scale (distinguishable under the common colour-vision deficiencies) for signed values.
 * Values are always also available as numbers (labels, focus readout, data tables): colour is never the only channel.
 */
import { interpolateCividis, interpolateGreys, interpolatePuOr } from 'd3-scale-chromatic';

/**
 * A value → fill colour function; `pixel` gives the same colour as one RGBA pixel for a canvas' ImageData viewed as
 * Uint32 (canvas heatmaps of thousands of cells use it: no colour string per cell).
 */
export type ColourScale = ((value: number) => string) & { pixel: (value: number) => number };

/**
 * Each palette is sampled once, at LEVELS points, on first use: a heatmap of thousands of cells then costs an array
 * lookup per cell instead of an interpolation and a new colour string (measured: the colours were a third of the
 * convolution widget's update). 1,024 levels are finer than the eye separates on these palettes.
 */
const LEVELS = 1024;

/** A palette over t in [0, 1]: clamped to it; NaN takes its first colour rather than no colour. */
function sampled(interpolate: (t: number) => string): ColourScale {
	let table: string[] | undefined;
	let pixels: Uint32Array | undefined;
	const level = (t: number) => Math.round(Math.min(1, Math.max(0, t)) * (LEVELS - 1)) || 0;
	const colours = () => (table ??= Array.from({ length: LEVELS }, (_, i) => interpolate(i / (LEVELS - 1))));
	return Object.assign((t: number) => colours()[level(t)]!, {
		pixel: (t: number) => (pixels ??= Uint32Array.from(colours(), rgbaPixel))[level(t)]!,
	});
}

/** The palette read at t(v). */
const through = (palette: ColourScale, t: (v: number) => number): ColourScale =>
	Object.assign((v: number) => palette(t(v)), { pixel: (v: number) => palette.pixel(t(v)) });

const greys = sampled(interpolateGreys);
const cividis = sampled(interpolateCividis);
// d3's PuOr runs from purple (t = 0) to orange (t = 1): negative values purple, positive orange, as documented below.
const purpleOrange = sampled(interpolatePuOr);

/** Pixel intensities in [0, 1]: ink is dark on light paper, as in the data set's usual pictures. */
const pixelScale: ColourScale = greys;

/** Non-negative values in [0, max] (attention weights, pooled activations). */
function sequentialScale(max: number): ColourScale {
	const m = max > 0 ? max : 1;
	return through(cividis, (v) => v / m);
}

/** Signed values, symmetric around 0 (kernel weights, feature maps, hidden states): orange positive, purple negative. */
function divergingScale(maxAbs: number): ColourScale {
	const m = maxAbs > 0 ? maxAbs : 1;
	return through(purpleOrange, (v) => (v / m + 1) / 2);
}

/** Black or white text, whichever contrasts more with a fill colour given as rgb(…) or #rrggbb. */
export function textOn(fill: string): string {
	const rgb = fill.startsWith('#')
		? [1, 3, 5].map((i) => parseInt(fill.slice(i, i + 2), 16))
		: (fill.match(/\d+(\.\d+)?/g) ?? ['0', '0', '0']).slice(0, 3).map(Number);
	const [r, g, b] = rgb.map((v) => {
		const c = v / 255;
		return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	});
	const luminance = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
	return luminance > 0.179 ? '#000' : '#fff';
}

/**
 * The kinds of values the widgets draw. Each kind has one colour scale, chosen here and nowhere else:
 * - `pixel`: image intensities in [0, 1];
 * - `signed`: any signed values (kernels, feature maps), symmetric around 0 up to their largest magnitude;
 * - `tanh`: values in [−1, 1] (h_t, the LSTM's candidate g_t), a fixed scale comparable across steps;
 * - `unit`: values in [0, 1] (gates, attention weights, probabilities), fixed as well;
 * - `cell`: an LSTM cell state, unbounded: symmetric, at least ±1;
 * - `any`: numbers of unknown sign (a reader's matrix): `signed` if any is negative, else sequential up to the largest.
 */
export type ValueKind = 'pixel' | 'signed' | 'tanh' | 'unit' | 'cell' | 'any';

/** The colour scale for `values` of a kind (`values` sets the range of the kinds whose range is not fixed). */
export function colourFor(kind: ValueKind, values: Values = []): ColourScale {
	switch (kind) {
		case 'pixel':
			return pixelScale;
		case 'signed':
			return divergingScale(maxAbs(values));
		case 'tanh':
			return divergingScale(1);
		case 'unit':
			return sequentialScale(1);
		case 'cell':
			return divergingScale(Math.max(1, maxAbs(values)));
		case 'any':
			return hasNegative(values) ? divergingScale(maxAbs(values)) : sequentialScale(maxAbs(values));
	}
}

/** Values a scale's range is taken from: a matrix, or a flat array (a stack of feature maps). */
type Values = readonly (readonly number[])[] | Float32Array | Float64Array;

function hasNegative(values: Values): boolean {
	for (const row of values) if (typeof row === 'number' ? row < 0 : row.some((v) => v < 0)) return true;
	return false;
}

/** Largest absolute value (for symmetric scales). */
function maxAbs(values: Values): number {
	let m = 0;
	for (const row of values) {
		if (typeof row === 'number') m = Math.max(m, Math.abs(row));
		else for (const v of row) m = Math.max(m, Math.abs(v));
	}
	return m;
}

/** The series palette lives in ./series-colour.ts (no d3 import there: a page without heatmaps, e.g. a calculator's, does not download d3's colour scales). */
export { seriesColour } from './series-colour';

const packed = new Map<string, number>();

/**
 * A fill colour (rgb(…) or #rrggbb, as the scales above return) as one opaque RGBA pixel for a canvas' ImageData
 * viewed as Uint32 (little-endian: 0xAABBGGRR). Canvas heatmaps (thousands of cells) use it; each of the palettes'
 * 1,024 colours is parsed once.
 */
export function rgbaPixel(fill: string): number {
	let pixel = packed.get(fill);
	if (pixel === undefined) {
		const [r, g, b] = fill.startsWith('#')
			? [1, 3, 5].map((i) => parseInt(fill.slice(i, i + 2), 16))
			: (fill.match(/\d+(\.\d+)?/g) ?? ['0', '0', '0']).slice(0, 3).map((v) => Math.round(Number(v)));
		pixel = ((255 << 24) | (b! << 16) | (g! << 8) | r!) >>> 0;
		packed.set(fill, pixel);
	}
	return pixel;
}
