import type * as TF from '@tensorflow/tfjs-core';
import { readTransformer } from '../../compute/char-lm-infer';
import { transformerForward } from '../../reference/char-transformer';
import { drawLabelledHeatmap } from '../../viz/labelled-heatmap';
import { moveFocus } from '../dom';
import { renderTokenButtons } from '../token-buttons';
import { WidgetElement } from '../widget-element';
import { renderBars } from '../char-lm/bars';
import { lmAttentionResult, referenceWeights, selection } from './frame';
import { chooseCharModel, loadShippedTransformer, preparePrefix, readerCharModelId, shownModel, type ChosenCharModel } from '../char-lm/model';
import { bindCharLmControls, syncCharLmControls } from '../char-lm/controls';
import { GenerationCache } from '../char-lm/generation';
import { lmTokenFlags, lmTokensKey } from '../char-lm/tokens';
import { transformerId, type LmCorpus } from '../char-lm/corpora';
import { lmAttentionSpec, type LmAttentionState } from './state';
import { lmAttentionView, type LmAttentionResult, type LmAttentionView, type LmHeadView } from './view';

/** `<lm-attention-widget>`: the attention of a trained character Transformer over the reader's prefix, and what it predicts next. */
export class LmAttentionElement extends WidgetElement<LmAttentionState, LmAttentionResult, LmAttentionView> {
	/** The last generation, reused while the reader only looks around in it; each new one is measured for the bench. */
	private readonly generated = new GenerationCache('widget:lm-attention:generate');

	protected createSpec() {
		return lmAttentionSpec({ text: this.dataset.defaultText ?? '', model: this.defaultCorpus });
	}

	/** The page language's corpus: the model shown when the reader's cannot be. */
	private get defaultCorpus(): LmCorpus {
		return (this.dataset.defaultCorpus ?? 'names') as LmCorpus;
	}

	protected override prepareData() {
		const corpus = this.state.model === 'yours' ? this.defaultCorpus : this.state.model;
		void loadShippedTransformer(transformerId(corpus)).catch(() => {}); // compute reports the failure
	}

	protected bindControls() {
		const on = { signal: this.signal };
		bindCharLmControls<LmAttentionState>({
			root: this,
			role: 'lm',
			signal: this.signal,
			state: () => this.state,
			commit: (change, mode) => this.commit(change, mode),
			keepInHistory: () => this.keepInHistory(),
			reset: { query: -1 },
			reader: { id: readerCharModelId('transformer'), strings: this.strings, changed: () => this.state.model === 'yours' && this.requestUpdate() },
		});
		const tokens = this.q<HTMLElement>('lm-tokens');
		const focusToken = (e: Event) => {
			const button = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-index]');
			if (button && Number(button.dataset.index) !== this.state.query) this.commit({ query: Number(button.dataset.index) }, 'replace');
		};
		tokens.addEventListener('click', focusToken, on);
		tokens.addEventListener('focusin', focusToken, on);
		const heads = this.q<HTMLElement>('lm-heads');
		heads.addEventListener(
			'click',
			(e) => {
				const button = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-layer]');
				if (button) this.commit({ layer: Number(button.dataset.layer), head: Number(button.dataset.head) }, 'replace');
			},
			on,
		);
		heads.addEventListener(
			'keydown',
			(e) => {
				const count = this.querySelectorAll('[data-role="lm-tokens"] button').length;
				const current = this.state.query < 0 ? count - 1 : this.state.query;
				const next = moveFocus(e, { row: current, col: 0 }, count);
				if (next && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
					e.preventDefault();
					this.commit({ query: next.row }, 'replace');
				}
			},
			on,
		);
	}

	protected syncControls(from: 'url' | 'change') {
		syncCharLmControls(this, 'lm', this.state, from);
	}

	protected async compute(tf: typeof TF): Promise<LmAttentionResult> {
		const state = this.state;
		let chosen: ChosenCharModel<'transformer'>;
		try {
			chosen = await chooseCharModel('transformer', state.model, this.defaultCorpus);
		} catch (error) {
			throw new Error(`${this.strings.modelFailed ?? ''} ${error instanceof Error ? error.message : String(error)}`, { cause: error });
		}
		const { model, modelId } = chosen;
		const prefix = preparePrefix(state.text, model.config.vocabulary, model.config.context);
		const ids = [...prefix.ids, ...(state.generate ? await this.generated.continuation(tf, model, modelId, prefix.ids, state) : [])];
		const { query } = selection(state, model, ids.length);
		const readout = await readTransformer(tf, model, ids, query);
		const trace = transformerForward(model.config, referenceWeights(model), ids.slice(0, query + 1), { logits: false });
		this.dataset.model = modelId;
		return lmAttentionResult(state, shownModel(chosen, this.strings, document.documentElement.lang), model, {
			prefix,
			ids,
			attention: readout.attention,
			logits: readout.logits,
			trace,
		});
	}

	protected view(result: LmAttentionResult) {
		return lmAttentionView(this.state, result, this.strings);
	}

	protected override applyExtras(view: LmAttentionView) {
		renderTokenButtons(this.q<HTMLElement>('lm-tokens'), view.tokens, lmTokensKey(view.tokens), lmTokenFlags);
		this.renderHeads(view.heads);
		renderBars(this.q<HTMLElement>('lm-bars'), view.bars);
	}

	private renderHeads(heads: LmHeadView[]) {
		const list = this.q<HTMLElement>('lm-heads');
		const template = this.q<HTMLTemplateElement>('lm-head-template');
		while (list.children.length < heads.length) list.append(template.content.cloneNode(true));
		while (list.children.length > heads.length) list.lastElementChild!.remove();
		heads.forEach((head, i) => {
			const figure = list.children[i] as HTMLElement;
			const button = figure.querySelector('button')!;
			button.dataset.layer = String(head.layer);
			button.dataset.head = String(head.head);
			button.setAttribute('aria-pressed', String(head.selected));
			button.textContent = head.caption;
			const svg = figure.querySelector('svg')!;
			svg.setAttribute('aria-label', head.label);
			drawLabelledHeatmap(svg, head.heatmap);
		});
	}
}
