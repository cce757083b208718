/**
 * What each drawing call of `out` sends: the reader's arguments, checked and converted into a figure message (plain
 * numbers and strings, at most OUTPUT_LIMITS.cells values), or an error that says what was expected. Pure: tensors
 * are recognised by their shape (./format-tensor.ts) and read with `dataSync()`.
 */
import type { CellOutput } from './cell-api';
import { isTensorLike, type TensorLike } from './format-tensor';
import type { BarsMessage, ChartMessage, ChartPoint, ChartSpec, HeatmapMessage, ImageMessage } from './protocol';

/** Sizes the worker refuses to send (with an error that says so), so that one call cannot freeze the page. */
export const OUTPUT_LIMITS = {
	/** Values in one heatmap, image or bar chart (rows × columns): 200 × 200. */
	cells: 40_000,
} as const;

type HeatmapOptions = NonNullable<Parameters<CellOutput['heatmap']>[2]>;
type ImageOptions = NonNullable<Parameters<CellOutput['image']>[2]>;
type BarsOptions = NonNullable<Parameters<CellOutput['bars']>[3]>;

/** How an argument reads in an error message. */
const describe = (value: unknown) =>
	isTensorLike(value) ? `a tensor of shape [${value.shape.join(', ')}]` : Array.isArray(value) ? `an array of ${value.length}` : typeof value;

const isList = (value: unknown): value is ArrayLike<unknown> => Array.isArray(value) || ArrayBuffer.isView(value);
const toNumbers = (values: ArrayLike<unknown>): number[] => Array.from(values, Number);
/** Optional texts stay absent rather than becoming the string 'undefined'. */
const optionalText = (value: unknown) => (value === undefined ? undefined : String(value));
const optionalTexts = (values: ArrayLike<unknown> | undefined) => (values === undefined ? undefined : Array.from(values, String));

/** Every drawing call names its figure first. */
export function checkId(what: string, id: unknown): void {
	if (typeof id !== 'string' || !id) throw new TypeError(`${what}: the first argument must be a non-empty string id, received ${describe(id)}`);
}

export const chartPoint = (x: unknown, y: unknown): ChartPoint => [Number(x), Number(y)];

/** A tensor's dimensions other than 1 (so [1, 28, 28, 1] is an image 28 × 28). */
const squeezed = (tensor: TensorLike) => tensor.shape.filter((d) => d !== 1);

function tensorRows(tensor: TensorLike): number[][] | undefined {
	const dims = tensor.shape.length === 2 ? tensor.shape : squeezed(tensor);
	if (dims.length !== 2) return undefined;
	const [rows, cols] = dims as [number, number];
	const flat = toNumbers(tensor.dataSync());
	return Array.from({ length: rows }, (_, r) => flat.slice(r * cols, (r + 1) * cols));
}

/** Rows of numbers from an array of arrays (or typed arrays); undefined when ragged or not numbers. */
function arrayRows(value: unknown): number[][] | undefined {
	if (!Array.isArray(value) || value.length === 0) return undefined;
	const rows = value.map((row) => (isList(row) ? Array.from(row) : undefined));
	const width = rows[0]?.length ?? 0;
	if (width === 0 || !rows.every((row) => row?.length === width && row.every((v) => typeof v === 'number'))) return undefined;
	return rows as number[][];
}

const rowsOf = (value: unknown) => (isTensorLike(value) ? tensorRows(value) : arrayRows(value));

/** Refuses more values than OUTPUT_LIMITS.cells, and says how to get under the limit. */
function checkSize(what: string, rows: number, cols: number): void {
	if (rows * cols > OUTPUT_LIMITS.cells)
		throw new RangeError(
			`${what}: ${rows} × ${cols} = ${rows * cols} values, more than the ${OUTPUT_LIMITS.cells} a cell may draw; downsample first (e.g. tf.image.resizeBilinear or a slice)`,
		);
}

export function chartMessage(runId: number, id: string, spec: ChartSpec): ChartMessage {
	if (typeof spec !== 'object' || spec === null || !Array.isArray(spec.series))
		throw new TypeError(`out.chart('${id}', spec): spec must be { xLabel, series: [{ name, points: [[x, y], …] }] }`);
	const series = spec.series.map((s, i) => {
		if (!Array.isArray(s?.points)) throw new TypeError(`out.chart('${id}'): series ${i} has no points array`);
		return { name: String(s.name ?? `series ${i + 1}`), points: s.points.map((p) => chartPoint(p?.[0], p?.[1])) };
	});
	return {
		type: 'chart',
		runId,
		id,
		spec: { xLabel: String(spec.xLabel ?? ''), series, title: optionalText(spec.title), yLabel: optionalText(spec.yLabel) },
	};
}

export function heatmapMessage(runId: number, id: string, values: unknown, options: HeatmapOptions = {}): HeatmapMessage {
	const rows = rowsOf(values);
	if (!rows) throw new TypeError(`out.heatmap('${id}'): expected rows of numbers of equal length or a 2-D tensor, received ${describe(values)}`);
	checkSize(`out.heatmap('${id}')`, rows.length, rows[0]?.length ?? 0);
	return {
		type: 'heatmap',
		runId,
		id,
		values: rows,
		title: optionalText(options.title),
		rowLabels: optionalTexts(options.rowLabels),
		colLabels: optionalTexts(options.colLabels),
	};
}

/** A flat array as image rows: `width` and `height` from the options, or a square. */
function flatImageRows(id: string, pixels: ArrayLike<unknown>, options: ImageOptions): number[][] {
	const flat = toNumbers(pixels);
	const width = options.width ?? Math.round(Math.sqrt(flat.length));
	const height = options.height ?? (width > 0 ? flat.length / width : 0);
	if (Number.isInteger(width) && Number.isInteger(height) && width > 0 && width * height === flat.length)
		return Array.from({ length: height }, (_, r) => flat.slice(r * width, (r + 1) * width));
	throw new TypeError(
		`out.image('${id}'): ${flat.length} pixels do not make a ${options.width ?? '?'} × ${options.height ?? '?'} image; pass { width, height }`,
	);
}

export function imageMessage(runId: number, id: string, pixels: unknown, options: ImageOptions = {}): ImageMessage {
	const rows = rowsOf(pixels) ?? (!isTensorLike(pixels) && isList(pixels) ? flatImageRows(id, pixels, options) : undefined);
	if (!rows)
		throw new TypeError(`out.image('${id}'): expected rows of intensities, a flat array with { width, height } or a 2-D tensor, received ${describe(pixels)}`);
	const height = rows.length;
	const width = rows[0]?.length ?? 0;
	checkSize(`out.image('${id}')`, height, width);
	// Intensities in [0, 1]; NaN shows as black rather than breaking the picture.
	const flat = rows.flat().map((v) => (v > 0 ? (v < 1 ? v : 1) : 0));
	return { type: 'image', runId, id, width, height, pixels: flat, title: optionalText(options.title) };
}

export function barsMessage(runId: number, id: string, labels: unknown, values: unknown, options: BarsOptions = {}): BarsMessage {
	const numbers = isTensorLike(values) ? toNumbers(values.dataSync()) : isList(values) ? toNumbers(values) : undefined;
	if (!Array.isArray(labels) || !numbers || labels.length !== numbers.length)
		throw new TypeError(
			`out.bars('${id}', labels, values): expected as many values as labels, received ${Array.isArray(labels) ? labels.length : describe(labels)} labels and ${numbers ? numbers.length : describe(values)} values`,
		);
	checkSize(`out.bars('${id}')`, 1, numbers.length);
	return { type: 'bars', runId, id, labels: labels.map(String), values: numbers, title: optionalText(options.title) };
}
