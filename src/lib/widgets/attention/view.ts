/**
 * The attention widget's pure view: state + result → what to draw (src/lib/widgets/view.ts). The explained row's
 * scores come from src/lib/reference (its weights and output from the result), colours from src/lib/viz/colour.ts.
 */
import type { Matrix } from '../../reference/matrix';
import type { PreparedText } from '../../text/tokenize';
import { template } from '../../text/template';
import { attentionRowTex } from '../../viz/attention-tex';
import { colourFor } from '../../viz/colour';
import { labelledHeatmapView, type LabelledHeatmapView } from '../../viz/labelled-heatmap';
import { tableView, type TableView } from '../../viz/table';
import type { ViewStrings, WidgetView } from '../view';
import { headWidth, referenceFrame } from './frame';
import { MAX_CHARS, MAX_TOKENS } from './model';
import type { AttentionState } from './state';

export interface AttentionResult extends PreparedText {
	heads: { weights: Matrix; output: Matrix }[];
}

export interface AttentionTokenView {
	index: number;
	text: string;
	label: string;
	current: boolean;
}

export interface AttentionHeadView {
	caption: string;
	/** The heatmap's accessible name. */
	label: string;
	heatmap: LabelledHeatmapView;
	table: TableView;
}

export interface AttentionView extends WidgetView {
	tokens: AttentionTokenView[];
	heads: AttentionHeadView[];
}

/** Keys of the `attn.*` strings the widget uses (the view's and the element's). */
export const ATTENTION_STRINGS = ['empty', 'tooLong', 'tooLongChars', 'saturated', 'head', 'weightsLabel', 'tokenButton'] as const;

/** Without √d_k scaling, a row this peaked shows the saturated softmax the scaling prevents. */
const SATURATED = 0.9;

export function attentionView(state: AttentionState, result: AttentionResult, strings: ViewStrings): AttentionView {
	const { tokens, heads } = result;
	const query = Math.min(state.query, tokens.length - 1);
	const colour = colourFor('unit');
	const reference = referenceFrame(tokens, { ...state, query });
	const first = heads[0]!;
	const weights = first.weights[query]!;
	const peak = Math.max(...weights);
	const notes: string[] = [];
	if (result.truncatedChars) notes.push(template(strings.tooLongChars ?? '', { n: result.truncatedChars, max: MAX_CHARS }));
	if (result.truncatedTokens) notes.push(template(strings.tooLong ?? '', { n: result.truncatedTokens, max: MAX_TOKENS }));
	return {
		heatmaps: {},
		formulas: {
			'row-formula': {
				tex: attentionRowTex({
					i: query,
					dk: headWidth(state.heads),
					scale: state.scale,
					temperature: state.temperature,
					scores: reference[0]!.scores[query]!,
					weights,
					output: first.output[query]!,
				}),
				data: { weights: JSON.stringify(weights) },
			},
		},
		tables: {},
		texts: { saturation: !state.scale && peak > SATURATED ? template(strings.saturated ?? '', { w: peak.toFixed(3) }) : '' },
		notes,
		tokens: tokens.map((text, index) => ({ index, text, label: template(strings.tokenButton ?? '', { i: index, token: text }), current: index === query })),
		heads: heads.map((head, h) => ({
			caption: template(strings.head ?? '', { h: h + 1 }),
			label: template(strings.weightsLabel ?? '', { h: h + 1 }),
			heatmap: labelledHeatmapView(head.weights, tokens, colour, query),
			table: tableView(head.weights, tokens, tokens),
		})),
	};
}

/** What identifies a row of token buttons (rebuilt only when it changes). */
export const tokensKey = (tokens: AttentionTokenView[]): string => tokens.map((t) => t.text).join('\u0000');
