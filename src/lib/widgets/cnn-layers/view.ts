/**
 * The layer-by-layer CNN widget's pure view: every layer's activations as tiles (canvas), the class probabilities as
 * bars, and the detail of one map or unit (its map, its weights, its formula with the reader's numbers, its table).
 * Maths from src/lib/reference/cnn.ts, colours from src/lib/viz/colour.ts; no DOM.
 */
import type { Matrix } from '../../reference/matrix';
import type { CnnActivations, CnnWeights, FeatureMaps } from '../../reference/cnn';
import { parameterCounts } from '../../models/cnn-weights';
import { template } from '../../text/template';
import { colourFor, type ColourScale } from '../../viz/colour';
import { tileBox, tileLayout, type TileLayout } from '../../viz/feature-tiles';
import { heatmapView } from '../../viz/heatmap';
import type { ViewStrings, WidgetView } from '../view';
import { detailOf, INPUT_OF, type DetailShape } from './detail';
import { CNN_STAGES, cnnLayersSpec, type CnnLayersState, type CnnStage } from './state';

/** Keys of the `cnn.*` strings the view and the element use. */
export const CNN_LAYERS_STRINGS = [
	'params',
	'total',
	'prediction',
	'detailConv',
	'detailPool',
	'detailFlatten',
	'detailDense',
	'detailOutput',
	'weightsConv',
	'weightsDense',
	'weightsOutput',
	'noWeights',
	'outOfRange',
	'stageLabel',
	'modelFailed',
	'model',
	'modelYours',
	'modelAccuracy',
	'noModelYet',
	'yoursDiffers',
	'storageFailed',
] as const;

export interface CnnLayersResult {
	/** Every layer's output; `activations.input` is what the network read (a strip digit, or a drawing framed like MNIST). */
	activations: CnnActivations;
	weights: CnnWeights;
	/** Why the reader's model, asked for, is not the one shown (the model trained by us is), for the reader. */
	modelNote?: string;
	/** The reader's drawing as drawn (before the framing) and the pad's keyboard cursor, in draw mode. */
	drawing: { pixels: Matrix; cursor: { row: number; col: number } } | null;
}

/** One layer's row of the overview. */
export interface StageView {
	id: CnnStage;
	/** "32 × 26 × 26": channels × height × width (a vector: its length). */
	shape: string;
	params: number;
	paramsText: string;
	layout: TileLayout;
	maps: FeatureMaps;
	colour: ColourScale;
	/** The open map's box (percent of the canvas), when the detail shows this layer. */
	selected: ReturnType<typeof tileBox> | null;
	label: string;
}

export interface ClassBarView {
	digit: number;
	p: number;
	text: string;
	/** Bar length in percent. */
	width: number;
	selected: boolean;
}

export interface CnnLayersView extends WidgetView {
	stages: StageView[];
	input: { layout: TileLayout; maps: FeatureMaps; colour: ColourScale };
	bars: ClassBarView[];
	/** The state as shown: out-of-range numbers from a link brought within the open layer. */
	shown: CnnLayersState;
	/** What the detail's map and weights are, for the element's keyboard and pointer handling. */
	detail: DetailShape;
}

type MapStage = Exclude<CnnStage, 'output'>;

const vectorMaps = (values: FeatureMaps['values']): FeatureMaps => ({ height: 1, width: 1, channels: values.length, values });

/** Each layer's values as maps, and how many tiles of them go in a row of its canvas. */
function stageMaps(a: CnnActivations): Record<MapStage, { maps: FeatureMaps; perRow: number }> {
	return {
		conv1: { maps: a.conv1, perRow: 16 },
		pool1: { maps: a.pool1, perRow: 16 },
		conv2: { maps: a.conv2, perRow: 32 },
		pool2: { maps: a.pool2, perRow: 32 },
		conv3: { maps: a.conv3, perRow: 32 },
		flatten: { maps: vectorMaps(a.flat), perRow: 64 },
		dense: { maps: vectorMaps(a.dense), perRow: 64 },
	};
}

const formatCount = (n: number) => n.toLocaleString('en-US');

function shapeText(maps: FeatureMaps, stage: CnnStage): string {
	return stage === 'flatten' || stage === 'dense' ? String(maps.channels) : `${maps.channels} × ${maps.height} × ${maps.width}`;
}

/** Brings a link's numbers within what the open layer has, with a note for each one that had to move. */
function clampToStage(state: CnnLayersState, a: CnnActivations, strings: ViewStrings): { shown: CnnLayersState; notes: string[] } {
	const notes: string[] = [];
	const shown = { ...state };
	const clamp = (name: 'unit' | 'row' | 'col' | 'inChannel', value: number, min: number, max: number) => {
		if (value >= min && value <= max) return value;
		const to = Math.max(min, Math.min(max, value));
		// A default that a smaller layer lacks (position 12 in a 5 × 5 map) moves silently: the reader never asked for it.
		const { key, fallback } = cnnLayersSpec[name];
		if (value !== fallback) notes.push(template(strings.outOfRange ?? '', { key, value, layer: state.stage, max, shown: to }));
		return to;
	};
	if (state.stage === 'output') return { shown, notes };
	const { maps } = stageMaps(a)[state.stage];
	shown.unit = clamp('unit', state.unit, 1, maps.channels);
	if (maps.height > 1) {
		shown.row = clamp('row', state.row, 0, maps.height - 1);
		shown.col = clamp('col', state.col, 0, maps.width - 1);
	}
	if (state.stage in INPUT_OF) shown.inChannel = clamp('inChannel', state.inChannel, 1, INPUT_OF[state.stage as keyof typeof INPUT_OF](a).channels);
	return { shown, notes };
}

export function cnnLayersView(state: CnnLayersState, { activations: a, weights: w, drawing, modelNote }: CnnLayersResult, strings: ViewStrings): CnnLayersView {
	const { shown, notes } = clampToStage(state, a, strings);
	const counts = parameterCounts(w);
	const paramsOf: Record<CnnStage, number> = {
		conv1: counts.conv1,
		pool1: 0,
		conv2: counts.conv2,
		pool2: 0,
		conv3: counts.conv3,
		flatten: 0,
		dense: counts.dense,
		output: counts.output,
	};
	const all = stageMaps(a);
	const stages = CNN_STAGES.filter((id): id is MapStage => id !== 'output').map((id): StageView => {
		const { maps, perRow } = all[id];
		const layout = tileLayout(maps, perRow);
		return {
			id,
			shape: shapeText(maps, id),
			params: paramsOf[id],
			paramsText: template(strings.params ?? '', { n: formatCount(paramsOf[id]) }),
			layout,
			maps,
			// One scale per layer, so its maps can be compared with each other.
			colour: colourFor('any', maps.values),
			selected: shown.stage === id ? tileBox(layout, shown.unit - 1) : null,
			label: template(strings.stageLabel ?? '', { layer: id, count: maps.channels, shape: shapeText(maps, id), unit: shown.stage === id ? shown.unit : 1 }),
		};
	});
	const probabilities = Array.from(a.probabilities);
	const best = probabilities.indexOf(Math.max(...probabilities));
	const bars = probabilities.map((p, digit) => ({
		digit,
		p,
		text: p.toFixed(3),
		width: Number((p * 100).toFixed(2)),
		selected: shown.stage === 'output' && shown.digitClass === digit,
	}));
	const detail = detailOf(shown, a, w, strings);
	const total = Object.values(paramsOf).reduce((s, n) => s + n, 0);
	return {
		heatmaps: {
			'detail-map': detail.map,
			'detail-weights': detail.weights,
			...(drawing ? { pad: heatmapView(drawing.pixels, colourFor('pixel'), [{ name: 'cursor', ...drawing.cursor, h: 1, w: 1 }]) } : {}),
		},
		formulas: { 'detail-formula': { tex: detail.tex, data: { value: String(detail.value) } } },
		tables: { 'detail-table': detail.table },
		texts: {
			'detail-title': detail.title,
			'weights-caption': detail.weightsCaption,
			'output-params': template(strings.params ?? '', { n: formatCount(paramsOf.output) }),
			'param-total': template(strings.total ?? '', { n: formatCount(total) }),
			prediction: template(strings.prediction ?? '', { digit: best, p: probabilities[best]!.toFixed(3) }),
		},
		notes: modelNote ? [modelNote, ...notes] : notes,
		stages,
		input: { layout: tileLayout(a.input, 1), maps: a.input, colour: colourFor('pixel') },
		bars,
		shown,
		detail: detail.detail,
	};
}
