/**
 * Every colour scale of the widgets, in one place. Chosen to be readable in light and dark themes and by
 * colour-blind readers: a perceptually uniform sequential scale (cividis) for non-negative values and a
 * purple–orange diverging scale (distinguishable under the common colour-vision deficiencies) for signed values.
 * Values are always also available as numbers (labels, focus readout, data tables): colour is never the only channel.
 */
import { interpolateCividis, interpolateGreys, interpolatePuOr } from 'd3-scale-chromatic';
import { scaleDiverging, scaleSequential } from 'd3-scale';

export type ColourScale = (value: number) => string;

/** Pixel intensities in [0, 1]: ink is dark on light paper, as in the data set's usual pictures. */
export const pixelScale: ColourScale = scaleSequential(interpolateGreys).domain([0, 1]).clamp(true);

/** Non-negative values in [0, max] (attention weights, pooled activations). */
export function sequentialScale(max: number): ColourScale {
	return scaleSequential(interpolateCividis).domain([0, max > 0 ? max : 1]).clamp(true);
}

/** Signed values, symmetric around 0 (kernel weights, feature maps, hidden states): orange positive, purple negative. */
export function divergingScale(maxAbs: number): ColourScale {
	const m = maxAbs > 0 ? maxAbs : 1;
	// PuOr runs orange → purple; reverse it so that positive values are orange.
	return scaleDiverging((t: number) => interpolatePuOr(1 - t)).domain([-m, 0, m]).clamp(true);
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

/** Largest absolute value of a matrix (for symmetric scales). */
export function maxAbs(values: number[][]): number {
	return values.reduce((m, row) => row.reduce((mm, v) => Math.max(mm, Math.abs(v)), m), 0);
}

/**
 * Colours of the series of a line chart (loss, accuracy, …): the Okabe–Ito palette, designed to stay distinct for
 * the common colour-vision deficiencies, and readable on light and dark backgrounds; series are also named in a legend.
 */
const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9'] as const;

export function seriesColour(index: number): string {
	return OKABE_ITO[index % OKABE_ITO.length]!;
}
