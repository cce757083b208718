/**
 * Colours of the series of a chart (loss and accuracy curves, the marks of a plot): the Okabe–Ito palette, designed
 * to stay distinct for the common colour-vision deficiencies, and readable on light and dark backgrounds; series are
 * also named in a legend or a label. Part of the one colour module (./colour.ts re-exports it), kept apart because
 * it needs no d3.
 */
const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9'] as const;

export function seriesColour(index: number): string {
	return OKABE_ITO[index % OKABE_ITO.length]!;
}
