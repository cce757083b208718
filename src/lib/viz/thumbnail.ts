/**
 * A digit's picture for a button: its inked pixels in a few grey levels, one SVG path per level with one rectangle per
 * run of equal pixels in a row. A <rect> per pixel made the ten digit buttons 127 kB of HTML (8 kB gzip) per widget;
 * this is a tenth of that, and at 2 rem a button shows no more than four greys.
 */
import type { Matrix } from '../reference/matrix';
import { colourFor } from './colour';

const LEVELS = 4;
/** Pixels fainter than this are paper. */
const INK = 0.05;

export interface ThumbnailPath {
	fill: string;
	d: string;
}

export function thumbnailPaths(pixels: Matrix): ThumbnailPath[] {
	const paths = Array.from({ length: LEVELS }, () => [] as string[]);
	const level = (v: number) => (v > INK ? Math.min(LEVELS, Math.ceil(v * LEVELS)) : 0);
	pixels.forEach((row, r) => {
		for (let c = 0; c < row.length;) {
			const l = level(row[c]!);
			let end = c + 1;
			while (end < row.length && level(row[end]!) === l) end++;
			if (l > 0) paths[l - 1]!.push(`M${c} ${r}h${end - c}v1h-${end - c}z`);
			c = end;
		}
	});
	const ink = colourFor('pixel');
	return paths.flatMap((runs, i) => (runs.length ? [{ fill: ink((i + 1) / LEVELS), d: runs.join('') }] : []));
}
