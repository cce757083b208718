/**
 * The RNN / LSTM widget's pure view: state + result → what to draw (src/lib/widgets/view.ts). The step's arithmetic
 * comes from src/lib/reference (h_t and c_t themselves from the result), colours from src/lib/viz/colour.ts.
 */
import { transpose, zeros, type Matrix, type Vector } from '../../reference/matrix';
import { lstmStep, rnnStep, type LstmStep } from '../../reference/recurrent';
import { template } from '../../text/template';
import { colourFor, type ValueKind } from '../../viz/colour';
import { heatmapView } from '../../viz/heatmap';
import { lstmStepTex, rnnStepTex } from '../../viz/rnn-tex';
import { tableView } from '../../viz/table';
import type { ViewStrings, WidgetView } from '../view';
import { D_H, displayToken, lstmWeights, rnnWeights, type MapName } from './model';
import { clampStep, type RnnMode, type RnnState } from './state';

export interface RnnResult {
	mode: RnnMode;
	tokens: string[];
	/** Tokens in the (clamped) text, before keeping the first MAX_TOKENS. */
	total: number;
	xs: Vector[];
	/** h_1 … h_T, one row per step. */
	h: Matrix;
	/** Every LSTM step (LSTM mode only). */
	lstm?: LstmStep[];
}

export interface TokenButtonView {
	/** The step t of the token, 1-based. */
	t: number;
	text: string;
	label: string;
	current: boolean;
}

/** What identifies a row of token buttons (rebuilt only when it changes). */
export const tokensKey = (tokens: TokenButtonView[]): string => JSON.stringify(tokens.map((token) => token.text));

export interface RnnView extends WidgetView {
	mode: RnnMode;
	tokens: TokenButtonView[];
	step: { value: number; max: number; readout: string; atStart: boolean; atEnd: boolean };
	/** Columns of every map (one per token), for the maps' CSS width. */
	columns: number;
}

/** Keys of the `rnn.*` strings the widget uses (the view's and the element's). */
export const RNN_STRINGS = ['empty', 'tooLong', 'tooLongChars', 'stepReadout', 'tokenButton', 'unit'] as const;

export const LSTM_MAPS = ['c', 'i', 'f', 'o', 'g'] as const satisfies readonly MapName[];

/** tanh outputs (h, g) and gates (i, f, o) have fixed ranges, comparable across steps; the cell state c does not. */
const MAP_KIND: Record<MapName, ValueKind> = { h: 'tanh', g: 'tanh', i: 'unit', f: 'unit', o: 'unit', c: 'cell' };

/** One map: rows = the d_h units, columns = tokens; the focused step's column outlined (a halo under a line). */
function mapView(name: MapName, rows: Matrix, t: number) {
	const units = transpose(rows);
	const column = { row: 0, col: t - 1, h: D_H, w: 1 };
	return heatmapView(units, colourFor(MAP_KIND[name], units), [
		{ name: 'step-halo', ...column },
		{ name: 'step', ...column },
	]);
}

/** The step's formula: intermediate sums and gates from the reference, h_t and c_t from the result. */
export function stepTex(result: RnnResult, t: number): string {
	const x = result.xs[t - 1]!;
	const hPrev = t > 1 ? result.h[t - 2]! : zeros(1, D_H)[0]!;
	if (result.mode === 'rnn' || !result.lstm) {
		const w = rnnWeights();
		return rnnStepTex({ t, x, hPrev, ...rnnStep(w, x, hPrev), bias: w.bh, h: result.h[t - 1]! });
	}
	const cPrev = t > 1 ? result.lstm[t - 2]!.c : zeros(1, D_H)[0]!;
	const gates = lstmStep(lstmWeights(), x, hPrev, cPrev);
	const now = result.lstm[t - 1]!;
	return lstmStepTex({ t, cPrev, i: gates.i, f: gates.f, o: gates.o, g: gates.g, c: now.c, h: now.h });
}

export function rnnView(state: RnnState, result: RnnResult, strings: ViewStrings): RnnView {
	const { tokens, h } = result;
	const count = tokens.length;
	const t = clampStep(state.step, count);
	const readout = template(strings.stepReadout ?? '', { t, n: count, token: displayToken(tokens[t - 1]!) });
	const heatmaps: RnnView['heatmaps'] = { 'map-h': mapView('h', h, t) };
	if (result.lstm)
		for (const name of LSTM_MAPS)
			heatmaps[`map-${name}`] = mapView(
				name,
				result.lstm.map((s) => s[name]),
				t,
			);
	return {
		mode: result.mode,
		heatmaps,
		formulas: { 'step-formula': { tex: stepTex(result, t), data: { value: h[t - 1]!.join(',') } } },
		tables: {
			'data-table': tableView(
				h,
				tokens.map((token, k) => `${k + 1} ${displayToken(token)}`),
				Array.from({ length: D_H }, (_, j) => template(strings.unit ?? '', { j: j + 1 })),
			),
		},
		texts: { 'step-readout': readout },
		notes: result.total > count ? [template(strings.tooLong ?? '', { n: result.total, max: count })] : [],
		tokens: tokens.map((token, k) => ({
			t: k + 1,
			text: displayToken(token),
			label: template(strings.tokenButton ?? '', { t: k + 1, token: displayToken(token) }),
			current: k + 1 === t,
		})),
		step: { value: t, max: count, readout, atStart: t <= 1, atEnd: t >= count },
		columns: count,
	};
}
