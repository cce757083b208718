/**
 * The detail of the layer-by-layer CNN widget's open map or unit: its map, its weights, its formula with the reader's
 * numbers and its table, per kind of layer (convolution, pooling, flatten, dense, output). Part of the pure view
 * (./view.ts); maths from src/lib/reference/cnn.ts, TeX from src/lib/viz/cnn-tex.ts.
 */
import type { Matrix } from '../../reference/matrix';
import {
	channelOf,
	channelSum,
	convWeightAt,
	denseTerm,
	poolWindowValues,
	valueAt,
	type CnnActivations,
	type CnnWeights,
	type ConvWeights,
	type FeatureMaps,
} from '../../reference/cnn';
import { template } from '../../text/template';
import { colourFor } from '../../viz/colour';
import { convUnitTex, denseUnitTex, flattenTex, poolUnitTex, softmaxTex } from '../../viz/cnn-tex';
import { tileLayout, type TileLayout } from '../../viz/feature-tiles';
import { heatmapView, type HeatmapCell, type HeatmapView } from '../../viz/heatmap';
import { tableView } from '../../viz/table';
import type { ViewStrings } from '../view';
import type { CnnLayersState } from './state';

/** What the detail's map and weights are, for the element's keyboard and pointer handling. */
export interface DetailShape {
	kind: 'conv' | 'pool' | 'flatten' | 'dense' | 'output';
	/** Side of the open map (conv, pool); 0 for vectors. */
	mapSide: number;
	units: number;
	inChannels: number;
	weightsLayout: TileLayout | null;
}

export const INPUT_OF: Record<'conv1' | 'conv2' | 'conv3', (a: CnnActivations) => FeatureMaps> = {
	conv1: (a) => a.input,
	conv2: (a) => a.pool1,
	conv3: (a) => a.pool2,
};
const POOLED: Record<'pool1' | 'pool2', 'conv1' | 'conv2'> = { pool1: 'conv1', pool2: 'conv2' };

/** Tiles of 3 × 3 kernels, one per input channel, as heatmap cells (gaps of one cell), with the open one outlined. */
function kernelTiles(w: ConvWeights, o: number, open: number): { view: HeatmapView; layout: TileLayout } {
	const [kh, kw, inChannels] = w.shape;
	const layout = tileLayout({ channels: inChannels, height: kh, width: kw }, Math.min(inChannels, 16));
	const values = Array.from({ length: inChannels }, (_, c) =>
		Array.from({ length: kh }, (_, m) => Array.from({ length: kw }, (_, n) => convWeightAt(w, c, m, n, o))),
	);
	const colour = colourFor('signed', values.flat());
	const cells: HeatmapCell[] = values.flatMap((kernel, c) => {
		const x = 1 + (c % layout.perRow) * (kw + 1);
		const y = 1 + Math.floor(c / layout.perRow) * (kh + 1);
		return kernel.flatMap((row, m) => row.map((value, n) => ({ row: y + m, col: x + n, value, fill: colour(value) })));
	});
	const x = 1 + ((open - 1) % layout.perRow) * (kw + 1);
	const y = 1 + Math.floor((open - 1) / layout.perRow) * (kh + 1);
	return {
		view: { viewBox: `0 0 ${layout.width} ${layout.height}`, cells, outlines: inChannels > 1 ? [{ name: 'focus', row: y, col: x, h: kh, w: kw }] : [] },
		layout,
	};
}

/** A vector shown as a grid of `cols` columns. */
const asGrid = (values: ArrayLike<number>, cols: number): Matrix =>
	Array.from({ length: Math.ceil(values.length / cols) }, (_, r) =>
		Array.from({ length: Math.min(cols, values.length - r * cols) }, (_, c) => values[r * cols + c]!),
	);

const noWeights: HeatmapView = { viewBox: '0 0 1 1', cells: [], outlines: [] };

export interface DetailParts {
	title: string;
	map: HeatmapView;
	weights: HeatmapView;
	weightsCaption: string;
	tex: string;
	value: number;
	table: ReturnType<typeof tableView>;
	detail: DetailShape;
}

function convDetail(layer: 'conv1' | 'conv2' | 'conv3', s: CnnLayersState, a: CnnActivations, w: CnnWeights, strings: ViewStrings): DetailParts {
	const weights = w[layer];
	const x = INPUT_OF[layer](a);
	const out = a[layer];
	const [o, i, j, c] = [s.unit, s.row, s.col, s.inChannel];
	const sums = Array.from({ length: x.channels }, (_, ch) => channelSum(x, weights, o - 1, i, j, ch));
	const window = Array.from({ length: 9 }, (_, t) => ({ m: Math.floor(t / 3), n: t % 3 }));
	const value = valueAt(out, o - 1, i, j);
	const map = channelOf(out, o - 1);
	const kernels = kernelTiles(weights, o - 1, c);
	return {
		title: template(strings.detailConv ?? '', { layer, o, count: out.channels, i, j }),
		map: heatmapView(map, colourFor('any', map), [{ name: 'focus', row: i, col: j, h: 1, w: 1 }]),
		weights: kernels.view,
		weightsCaption: template(strings.weightsConv ?? '', { o, count: x.channels, c }),
		tex: convUnitTex({
			layer,
			inChannels: x.channels,
			o,
			i,
			j,
			bias: weights.bias[o - 1]!,
			sums,
			c,
			weights: window.map(({ m, n }) => convWeightAt(weights, c - 1, m, n, o - 1)),
			inputs: window.map(({ m, n }) => valueAt(x, c - 1, i + m, j + n)),
			z: sums.reduce((acc, v) => acc + v, weights.bias[o - 1]!),
			y: value,
		}),
		value,
		table: tableView(map),
		detail: { kind: 'conv', mapSide: out.height, units: out.channels, inChannels: x.channels, weightsLayout: kernels.layout },
	};
}

function poolDetail(layer: 'pool1' | 'pool2', s: CnnLayersState, a: CnnActivations, strings: ViewStrings): DetailParts {
	const out = a[layer];
	const [c, i, j] = [s.unit, s.row, s.col];
	const value = valueAt(out, c - 1, i, j);
	const map = channelOf(out, c - 1);
	return {
		title: template(strings.detailPool ?? '', { layer, o: c, count: out.channels, i, j }),
		map: heatmapView(map, colourFor('any', map), [{ name: 'focus', row: i, col: j, h: 1, w: 1 }]),
		weights: noWeights,
		weightsCaption: strings.noWeights ?? '',
		tex: poolUnitTex(c, i, j, poolWindowValues(a[POOLED[layer]], c - 1, i, j), value),
		value,
		table: tableView(map),
		detail: { kind: 'pool', mapSide: out.height, units: out.channels, inChannels: 0, weightsLayout: null },
	};
}

function flattenDetail(s: CnnLayersState, a: CnnActivations, strings: ViewStrings): DetailParts {
	const x = a.conv3;
	const t = s.unit - 1;
	const c = t % x.channels;
	const position = Math.floor(t / x.channels);
	const [i, j] = [Math.floor(position / x.width), position % x.width];
	const map = channelOf(x, c);
	const value = a.flat[t]!;
	const rows = asGrid(a.flat, x.channels);
	return {
		title: template(strings.detailFlatten ?? '', { t: s.unit, count: a.flat.length }),
		map: heatmapView(map, colourFor('any', x.values), [{ name: 'focus', row: i, col: j, h: 1, w: 1 }]),
		weights: noWeights,
		weightsCaption: strings.noWeights ?? '',
		tex: flattenTex(s.unit, c + 1, i, j, value, x.channels, x.width),
		value,
		table: tableView(
			rows,
			rows.map((_, r) => `(${Math.floor(r / x.width)}, ${r % x.width})`),
			Array.from({ length: x.channels }, (_, k) => `c=${k + 1}`),
		),
		detail: { kind: 'flatten', mapSide: 0, units: a.flat.length, inChannels: 0, weightsLayout: null },
	};
}

/** The incoming weights of dense unit u (or class u of the output layer) as a grid. */
function incomingWeights(layer: CnnWeights['dense'], u: number, cols: number): HeatmapView {
	const values = asGrid(
		Float64Array.from({ length: layer.inputs }, (_, t) => layer.kernel[t * layer.units + u]!),
		cols,
	);
	return heatmapView(values, colourFor('signed', values));
}

function denseDetail(s: CnnLayersState, a: CnnActivations, w: CnnWeights, strings: ViewStrings): DetailParts {
	const u = s.unit - 1;
	const terms = Array.from({ length: w.dense.inputs }, (_, t) => ({
		t: t + 1,
		w: w.dense.kernel[t * w.dense.units + u]!,
		a: a.flat[t]!,
		v: denseTerm(w.dense, a.flat, t, u),
	}));
	const sum = terms.reduce((acc, term) => acc + term.v, 0);
	const largest = [...terms].sort((p, q) => Math.abs(q.v) - Math.abs(p.v)).slice(0, 3);
	const grid = asGrid(a.dense, 16);
	const value = a.dense[u]!;
	return {
		title: template(strings.detailDense ?? '', { u: s.unit, count: a.dense.length }),
		map: heatmapView(grid, colourFor('any', grid), [{ name: 'focus', row: Math.floor(u / 16), col: u % 16, h: 1, w: 1 }]),
		weights: incomingWeights(w.dense, u, a.conv3.channels),
		weightsCaption: template(strings.weightsDense ?? '', { u: s.unit, count: w.dense.inputs }),
		tex: denseUnitTex(s.unit, w.dense.inputs, w.dense.bias[u]!, sum, value, largest),
		value,
		table: tableView(grid),
		detail: { kind: 'dense', mapSide: 0, units: a.dense.length, inChannels: 0, weightsLayout: null },
	};
}

function outputDetail(s: CnnLayersState, a: CnnActivations, w: CnnWeights, strings: ViewStrings): DetailParts {
	const k = s.digitClass;
	const probabilities = Array.from(a.probabilities);
	const value = probabilities[k]!;
	return {
		title: template(strings.detailOutput ?? '', { k }),
		map: heatmapView([probabilities], colourFor('unit'), [{ name: 'focus', row: 0, col: k, h: 1, w: 1 }]),
		weights: incomingWeights(w.output, k, 16),
		weightsCaption: template(strings.weightsOutput ?? '', { k, count: w.output.inputs }),
		tex: softmaxTex(k, Array.from(a.logits), value),
		value,
		table: tableView(
			[Array.from(a.logits), probabilities],
			['z', 'p'],
			probabilities.map((_, d) => String(d)),
		),
		detail: { kind: 'output', mapSide: 0, units: 10, inChannels: 0, weightsLayout: null },
	};
}

export function detailOf(s: CnnLayersState, a: CnnActivations, w: CnnWeights, strings: ViewStrings): DetailParts {
	switch (s.stage) {
		case 'conv1':
		case 'conv2':
		case 'conv3':
			return convDetail(s.stage, s, a, w, strings);
		case 'pool1':
		case 'pool2':
			return poolDetail(s.stage, s, a, strings);
		case 'flatten':
			return flattenDetail(s, a, strings);
		case 'dense':
			return denseDetail(s, a, w, strings);
		case 'output':
			return outputDetail(s, a, w, strings);
	}
}
