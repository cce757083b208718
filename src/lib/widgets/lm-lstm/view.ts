/**
 * The trained-LSTM widget's pure view: state + result → what to draw (src/lib/widgets/view.ts). h_t and the
 * next-character distribution come from tfjs in the page (the reference on the server), the gates and c_t from
 * src/lib/reference/char-lstm.ts; colours from src/lib/viz/colour.ts.
 */
import type { Matrix, Vector } from '../../reference/matrix';
import type { LstmStep } from '../../reference/recurrent';
import { template } from '../../text/template';
import { colourFor, type ValueKind } from '../../viz/colour';
import { heatmapView } from '../../viz/heatmap';
import { lstmUnitTex } from '../../viz/rnn-tex';
import { tableView } from '../../viz/table';
import { nextCharacterBars, type LmBarView } from '../char-lm/bars';
import { aboutModel, prefixNotes, sampleReadout, type ShownModel } from '../char-lm/texts';
import { lmTokenViews, type LmTokenView } from '../char-lm/tokens';
import { tokenText } from '../char-lm/model';
import type { ViewStrings, WidgetView } from '../view';
import type { LmLstmState } from './state';

export interface LmLstmResult {
	/** Which model this is. */
	shown: ShownModel;
	parameters: number;
	units: number;
	/** ⟨s⟩, the prefix, then any generated tokens, as the vocabulary writes them. */
	tokens: string[];
	prefixTokens: number;
	unknown: string[];
	truncated: number;
	lowerCased: boolean;
	/** h_1 … h_T (T × units), from tfjs. */
	h: Matrix;
	/** Every step's gates, c_t and h_t, from the reference. */
	steps: LstmStep[];
	/** The step in focus, 0-based. */
	step: number;
	/** The distribution of the character after the step in focus, at the state's temperature and top-k. */
	distribution: Vector;
	vocabulary: string[];
}

export interface LmLstmView extends WidgetView {
	tokens: LmTokenView[];
	bars: LmBarView[];
	units: number;
}

export const LSTM_MAPS = ['h', 'c', 'i', 'f', 'o', 'g'] as const;
export type LstmMap = (typeof LSTM_MAPS)[number];
const MAP_KIND: Record<LstmMap, ValueKind> = { h: 'tanh', g: 'tanh', i: 'unit', f: 'unit', o: 'unit', c: 'cell' };

/** Keys of the widget's own `lstm.*` strings (the view's and the element's). */
export const LM_LSTM_STRINGS = [
	'aboutNames',
	'aboutVerse',
	'aboutYours',
	'noModelYet',
	'yoursDiffers',
	'stepButton',
	'generatedStep',
	'stepReadout',
	'unit',
] as const;
/** Keys of the `lm.*` strings it shares with the trained-attention widget. */
export const LM_SHARED_STRINGS = [
	'nextAfter',
	'sample',
	'noSample',
	'unknownNote',
	'truncatedNote',
	'lowerCasedNote',
	'others',
	'modelFailed',
	'aboutYoursBits',
	'modelYours',
	'modelBits',
	'storageFailed',
] as const;

export function lmLstmView(state: LmLstmState, result: LmLstmResult, strings: ViewStrings): LmLstmView {
	const { tokens, step } = result;
	const shown = tokens.map(tokenText);
	const unit = Math.min(state.unit, result.units);
	const heatmaps: WidgetView['heatmaps'] = {};
	// Rows are the steps and columns the units: 32 units side by side fit a page's width, and the rows follow the text.
	for (const name of LSTM_MAPS) {
		const values = name === 'h' ? result.h : result.steps.map((s) => s[name]);
		heatmaps[`lstm-map-${name}`] = heatmapView(values, colourFor(MAP_KIND[name], values), [
			{ name: 'unit', row: 0, col: unit - 1, h: tokens.length, w: 1 },
			{ name: 'step-halo', row: step, col: 0, h: 1, w: result.units },
			{ name: 'step', row: step, col: 0, h: 1, w: result.units },
		]);
	}
	const now = result.steps[step]!;
	const j = unit - 1;
	const notes = prefixNotes(result, strings);
	return {
		heatmaps,
		formulas: {
			'lstm-formula': {
				tex: lstmUnitTex({
					t: step + 1,
					j: unit,
					f: now.f[j]!,
					i: now.i[j]!,
					o: now.o[j]!,
					g: now.g[j]!,
					cPrev: step > 0 ? result.steps[step - 1]!.c[j]! : 0,
					c: now.c[j]!,
					h: result.h[step]![j]!,
				}),
				data: { step: String(step + 1), unit: String(unit), h: String(result.h[step]![j]) },
			},
		},
		tables: {
			'lstm-h-table': tableView(
				result.h,
				shown.map((token, k) => `${k + 1} ${token}`),
				Array.from({ length: result.units }, (_, k) => template(strings.unit ?? '', { j: k + 1 })),
			),
		},
		texts: {
			'lstm-about': aboutModel(result.shown, strings, {
				units: result.units,
				parameters: result.parameters.toLocaleString('en-US'),
			}),
			'lstm-step-readout': template(strings.stepReadout ?? '', { t: step + 1, n: tokens.length, token: shown[step] ?? '', j: unit }),
			'lstm-next-caption': template(strings.nextAfter ?? '', { token: shown[step] ?? '' }),
			'lstm-sample': sampleReadout(state, shown, result.prefixTokens, strings),
		},
		notes,
		tokens: lmTokenViews(shown, tokens, result.prefixTokens, step, (i, token, generated) =>
			template((generated ? strings.generatedStep : strings.stepButton) ?? '', { t: i + 1, token }),
		),
		bars: nextCharacterBars(result.distribution, result.vocabulary, strings.others ?? ''),
		units: result.units,
	};
}
