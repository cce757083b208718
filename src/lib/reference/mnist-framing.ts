/**
 * MNIST's framing for a drawn digit, as the CNN code cell applies it before predicting (content/cells/cnn.ts,
 * `likeMnist`): the digits of the data set were scaled to fit a 20 × 20 box and placed in 28 × 28 with their centre
 * of mass in the middle. A network trained on them reads a digit drawn any size, anywhere, much better after the same
 * framing. Plain TypeScript, same steps and the same bilinear resize as tfjs' `image.resizeBilinear` (corners not
 * aligned, no half-pixel centres).
 */
import type { Matrix } from './matrix';

const SIDE = 28;
const BOX = 20;
/** Pixels at or below this are paper when finding the drawing's bounding box. */
const INK = 0.1;

/** Bilinear resize of a matrix to rows × cols, as tfjs' resizeBilinear with its defaults. */
export function resizeBilinear(input: Matrix, rows: number, cols: number): Matrix {
	const [h, w] = [input.length, input[0]?.length ?? 0];
	const axis = (out: number, size: number, inSize: number) => {
		const source = out * (inSize / size);
		const low = Math.floor(source);
		return { low, high: Math.min(low + 1, inSize - 1), t: source - low };
	};
	return Array.from({ length: rows }, (_, y) => {
		const r = axis(y, rows, h);
		return Array.from({ length: cols }, (_, x) => {
			const c = axis(x, cols, w);
			const top = input[r.low]![c.low]! + (input[r.low]![c.high]! - input[r.low]![c.low]!) * c.t;
			const bottom = input[r.high]![c.low]! + (input[r.high]![c.high]! - input[r.high]![c.low]!) * c.t;
			return top + (bottom - top) * r.t;
		});
	});
}

/** The drawing cropped to its ink, scaled so its longer side is 20 pixels, placed by its centre of mass in 28 × 28. */
export function frameLikeMnist(pixels: Matrix): Matrix {
	let [top, bottom, left, right] = [SIDE, -1, SIDE, -1];
	pixels.forEach((row, r) =>
		row.forEach((v, c) => {
			if (v < INK) return;
			[top, bottom, left, right] = [Math.min(top, r), Math.max(bottom, r), Math.min(left, c), Math.max(right, c)];
		}),
	);
	const framed = Array.from({ length: SIDE }, () => new Array<number>(SIDE).fill(0));
	if (bottom < 0) return framed; // nothing drawn
	const [h, w] = [bottom - top + 1, right - left + 1];
	const scale = BOX / Math.max(h, w);
	const [sh, sw] = [Math.max(1, Math.round(h * scale)), Math.max(1, Math.round(w * scale))];
	const crop = pixels.slice(top, bottom + 1).map((row) => row.slice(left, right + 1));
	const resized = resizeBilinear(crop, sh, sw).map((row) => row.map((v) => Math.min(1, Math.max(0, v))));
	let [mass, rowSum, colSum] = [0, 0, 0];
	resized.forEach((row, r) =>
		row.forEach((v, c) => {
			mass += v;
			rowSum += v * r;
			colSum += v * c;
		}),
	);
	const place = (centre: number, size: number) => Math.min(SIDE - size, Math.max(0, Math.round((SIDE - 1) / 2 - centre)));
	const [padTop, padLeft] = mass > 0 ? [place(rowSum / mass, sh), place(colSum / mass, sw)] : [4, 4];
	resized.forEach((row, r) => row.forEach((v, c) => (framed[padTop + r]![padLeft + c] = v)));
	return framed;
}
