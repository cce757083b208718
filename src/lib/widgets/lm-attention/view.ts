/**
 * The trained-attention widget's pure view: state + result → what to draw (src/lib/widgets/view.ts). The result's
 * attention weights and next-character distribution come from tfjs in the page (the reference on the server), the
 * selected head's q, k, v and scores from src/lib/reference; colours from src/lib/viz/colour.ts.
 */
import type { Matrix, Vector } from '../../reference/matrix';
import { template } from '../../text/template';
import { attentionRowTex } from '../../viz/attention-tex';
import { colourFor } from '../../viz/colour';
import { labelledHeatmapView, type LabelledHeatmapView } from '../../viz/labelled-heatmap';
import { tableView } from '../../viz/table';
import type { ViewStrings, WidgetView } from '../view';
import { nextCharacterBars, type LmBarView } from '../char-lm/bars';
import { aboutModel, prefixNotes, sampleReadout, type ShownModel } from '../char-lm/texts';
import { lmTokenViews, type LmTokenView } from '../char-lm/tokens';
import { tokenText } from '../char-lm/model';
import type { LmAttentionState } from './state';

export interface LmAttentionResult {
	/** Which model this is (a shipped one or the reader's). */
	shown: ShownModel;
	parameters: number;
	layers: number;
	heads: number;
	dk: number;
	/** The tokens the model read, as the vocabulary writes them: ⟨s⟩, the prefix, then any generated ones. */
	tokens: string[];
	/** How many of `tokens` are ⟨s⟩ and the reader's prefix (the rest were generated). */
	prefixTokens: number;
	/** Characters the vocabulary lacks, as the reader typed them. */
	unknown: string[];
	truncated: number;
	lowerCased: boolean;
	/** [layer][head]: T × T causal weights. */
	attention: Matrix[][];
	/** The query position the distribution and the detail are for. */
	query: number;
	/** The distribution of the character after `query`, at the state's temperature and top-k, over the vocabulary. */
	distribution: Vector;
	vocabulary: string[];
	/** The selected head's numbers for the query (from the reference); scores and weights over the keys 0 … query. */
	detail: { q: Vector; k: Vector; v: Vector; scores: Vector; weights: Vector; output: Vector };
}

export interface LmHeadView {
	layer: number;
	head: number;
	caption: string;
	label: string;
	selected: boolean;
	heatmap: LabelledHeatmapView;
}

export interface LmAttentionView extends WidgetView {
	tokens: LmTokenView[];
	heads: LmHeadView[];
	bars: LmBarView[];
}

/** Keys of the `lm.*` strings the widget uses (the view's and the element's). */
export const LM_ATTENTION_STRINGS = [
	'head',
	'weightsLabel',
	'tokenButton',
	'generatedToken',
	'unknownNote',
	'truncatedNote',
	'lowerCasedNote',
	'others',
	'nextAfter',
	'sample',
	'noSample',
	'qkvRow',
	'modelFailed',
	'aboutNames',
	'aboutVerse',
	'aboutYours',
	'aboutYoursBits',
	'modelYours',
	'modelBits',
	'noModelYet',
	'yoursDiffers',
	'storageFailed',
] as const;

export function lmAttentionView(state: LmAttentionState, result: LmAttentionResult, strings: ViewStrings): LmAttentionView {
	const { tokens, query } = result;
	const shown = tokens.map(tokenText);
	const layer = Math.min(state.layer, result.layers - 1);
	const head = Math.min(state.head, result.heads - 1);
	const colour = colourFor('unit');
	const notes = prefixNotes(result, strings);
	const selected = result.attention[layer]![head]!;
	return {
		heatmaps: {},
		formulas: {
			'lm-formula': {
				tex: attentionRowTex({ i: query, dk: result.dk, scale: true, temperature: 1, ...result.detail }),
				data: { weights: JSON.stringify(selected[query]), layer: String(layer), head: String(head), query: String(query) },
			},
		},
		tables: {
			'lm-qkv': tableView(
				[result.detail.q, result.detail.k, result.detail.v],
				['q', 'k', 'v'].map((name) => template(strings.qkvRow ?? '', { name, i: query })),
			),
			'lm-weights': tableView(selected, shown, shown),
		},
		texts: {
			'lm-about': aboutModel(result.shown, strings, {
				layers: result.layers,
				heads: result.heads,
				parameters: result.parameters.toLocaleString('en-US'),
			}),
			'lm-next-caption': template(strings.nextAfter ?? '', { token: shown[query] ?? '' }),
			'lm-sample': sampleReadout(state, shown, result.prefixTokens, strings),
		},
		notes,
		tokens: lmTokenViews(shown, tokens, result.prefixTokens, query, (i, token, generated) =>
			template((generated ? strings.generatedToken : strings.tokenButton) ?? '', { i, token }),
		),
		heads: result.attention.flatMap((heads, l) =>
			heads.map((weights, h) => ({
				layer: l,
				head: h,
				caption: template(strings.head ?? '', { l: l + 1, h: h + 1 }),
				label: template(strings.weightsLabel ?? '', { l: l + 1, h: h + 1 }),
				selected: l === layer && h === head,
				// Eight heads side by side are too small to print numbers in: the chosen head's are in the table below.
				heatmap: labelledHeatmapView(weights, shown, colour, query, { printValues: false }),
			})),
		),
		bars: nextCharacterBars(result.distribution, result.vocabulary, strings.others ?? ''),
	};
}
