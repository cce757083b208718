/**
 * A stack of feature maps drawn as tiles on one canvas, one canvas pixel per value, a one-pixel gap around every tile
 * (where the selected tile's ring goes). SVG would need a <rect> per value: the CNN's layers have ~37,000 values, and
 * repainting a canvas is a fraction of a millisecond where re-joining that many rects takes tens.
 * `tileLayout` (no DOM) says where each tile goes, for the view and the server-rendered <canvas>; `paintTiles` draws.
 */
import type { FeatureMaps } from '../reference/cnn';
import type { ColourScale } from './colour';

export interface TileLayout {
	/** Number of tiles (maps, or units of a vector) and how many go in a row. */
	count: number;
	perRow: number;
	tileHeight: number;
	tileWidth: number;
	/** The canvas, in canvas pixels. */
	width: number;
	height: number;
}

export function tileLayout(maps: Pick<FeatureMaps, 'channels' | 'height' | 'width'>, perRow: number): TileLayout {
	const rows = Math.ceil(maps.channels / perRow);
	return {
		count: maps.channels,
		perRow,
		tileHeight: maps.height,
		tileWidth: maps.width,
		width: perRow * (maps.width + 1) + 1,
		height: rows * (maps.height + 1) + 1,
	};
}

/** Where tile t lies on the canvas (its values, without the gap). */
export function tileOrigin(layout: TileLayout, t: number): { x: number; y: number } {
	return { x: 1 + (t % layout.perRow) * (layout.tileWidth + 1), y: 1 + Math.floor(t / layout.perRow) * (layout.tileHeight + 1) };
}

/** Tile t with its ring, in percent of the canvas: the box a selection outline is drawn as. */
export function tileBox(layout: TileLayout, t: number): { left: number; top: number; width: number; height: number } {
	const { x, y } = tileOrigin(layout, t);
	const percent = (v: number, of: number) => Number(((v / of) * 100).toFixed(3));
	return {
		left: percent(x - 1, layout.width),
		top: percent(y - 1, layout.height),
		width: percent(layout.tileWidth + 2, layout.width),
		height: percent(layout.tileHeight + 2, layout.height),
	};
}

/** The tile under a point given as fractions (0–1) of the canvas' width and height, if any. */
export function tileAt(layout: TileLayout, fx: number, fy: number): number | undefined {
	const col = Math.floor((fx * layout.width) / (layout.tileWidth + 1));
	const row = Math.floor((fy * layout.height) / (layout.tileHeight + 1));
	const t = row * layout.perRow + col;
	return col >= 0 && col < layout.perRow && row >= 0 && t < layout.count ? t : undefined;
}

const buffers = new WeakMap<HTMLCanvasElement, { image: ImageData; pixels: Uint32Array }>();

/** Paints every map of `maps` into its tile; the gaps stay transparent (the page's background shows through). */
export function paintTiles(canvas: HTMLCanvasElement, layout: TileLayout, maps: FeatureMaps, colour: ColourScale): void {
	if (canvas.width !== layout.width) canvas.width = layout.width;
	if (canvas.height !== layout.height) canvas.height = layout.height;
	const context = canvas.getContext('2d');
	if (!context) return;
	// One pixel buffer per canvas, reused: a new one per update was ~300 KB of garbage for the layer-by-layer widget.
	let buffer = buffers.get(canvas);
	if (buffer?.image.width !== layout.width || buffer.image.height !== layout.height) {
		const image = context.createImageData(layout.width, layout.height);
		buffer = { image, pixels: new Uint32Array(image.data.buffer) };
		buffers.set(canvas, buffer);
	}
	const { image, pixels } = buffer;
	const { values, channels, width: mapWidth } = maps;
	for (let t = 0; t < layout.count; t++) {
		const { x, y } = tileOrigin(layout, t);
		for (let i = 0; i < layout.tileHeight; i++)
			for (let j = 0; j < layout.tileWidth; j++) pixels[(y + i) * layout.width + x + j] = colour.pixel(values[(i * mapWidth + j) * channels + t]!);
	}
	context.putImageData(image, 0, 0);
}
