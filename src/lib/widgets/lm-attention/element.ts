import type * as TF from '@tensorflow/tfjs-core';
import { generate, readTransformer } from '../../compute/char-lm-infer';
import { transformerForward } from '../../reference/char-transformer';
import { escapeHtml } from '../../text/template';
import { drawLabelledHeatmap } from '../../viz/labelled-heatmap';
import { moveFocus } from '../dom';
import { renderTokenButtons } from '../token-buttons';
import { WidgetElement } from '../widget-element';
import { renderBars } from '../char-lm/bars';
import { lmAttentionResult, referenceWeights, selection } from './frame';
import { loadShippedTransformer, preparePrefix, type TransformerModel } from '../char-lm/model';
import { LM_EXAMPLES, transformerId, type LmCorpus } from '../char-lm/corpora';
import { lmAttentionSpec, type LmAttentionState } from './state';
import { lmAttentionView, lmTokensKey, type LmAttentionResult, type LmAttentionView, type LmHeadView } from './view';

/** `<lm-attention-widget>`: the attention of a trained character Transformer over the reader's prefix, and what it predicts next. */
export class LmAttentionElement extends WidgetElement<LmAttentionState, LmAttentionResult, LmAttentionView> {
	/** The last generation, reused while the reader only looks around in it (query, head). */
	private generated: { key: string; ids: number[] } | undefined;

	protected createSpec() {
		return lmAttentionSpec({ text: this.dataset.defaultText ?? '', corpus: (this.dataset.defaultCorpus ?? 'names') as LmCorpus });
	}

	protected override prepareData() {
		void loadShippedTransformer(transformerId(this.state.corpus)).catch(() => {}); // compute reports the failure
	}

	protected bindControls() {
		const on = { signal: this.signal };
		const input = this.q<HTMLInputElement>('lm-text');
		input.addEventListener('input', () => this.commit({ text: input.value, query: -1, generate: false }, 'replace'), on);
		input.addEventListener('change', () => this.keepInHistory(), on);
		this.q<HTMLElement>('lm-examples').addEventListener(
			'click',
			(e) => {
				const button = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-example]');
				if (button) this.commit({ text: button.dataset.example ?? '', query: -1, generate: false });
			},
			on,
		);
		const corpus = this.q<HTMLSelectElement>('lm-model');
		corpus.addEventListener(
			'change',
			() => this.commit({ corpus: corpus.value as LmCorpus, text: LM_EXAMPLES[corpus.value as LmCorpus][0]!, query: -1, generate: false }),
			on,
		);
		const temperature = this.q<HTMLInputElement>('lm-temperature');
		temperature.addEventListener('input', () => this.commit({ temperature: Number(temperature.value) }, 'replace'), on);
		temperature.addEventListener('change', () => this.keepInHistory(), on);
		const topK = this.q<HTMLSelectElement>('lm-topk');
		topK.addEventListener('change', () => this.commit({ topK: Number(topK.value) }), on);
		this.q<HTMLButtonElement>('lm-generate').addEventListener(
			'click',
			() => this.commit({ generate: true, seed: this.state.generate ? this.state.seed + 1 : this.state.seed, query: -1 }),
			on,
		);
		this.q<HTMLButtonElement>('lm-clear').addEventListener('click', () => this.commit({ generate: false, query: -1 }), on);
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
		const s = this.state;
		const input = this.q<HTMLInputElement>('lm-text');
		if (from === 'url' || input.value !== s.text) input.value = s.text;
		this.q<HTMLSelectElement>('lm-model').value = s.corpus;
		this.q<HTMLInputElement>('lm-temperature').value = String(s.temperature);
		this.q<HTMLOutputElement>('lm-temperature-value').textContent = s.temperature.toFixed(1);
		const topK = this.q<HTMLSelectElement>('lm-topk');
		if (![...topK.options].some((o) => o.value === String(s.topK))) topK.add(new Option(String(s.topK), String(s.topK)));
		topK.value = String(s.topK);
		this.q<HTMLButtonElement>('lm-clear').hidden = !s.generate;
		const examples = this.q<HTMLElement>('lm-examples');
		if (examples.dataset.corpus !== s.corpus) {
			examples.innerHTML = LM_EXAMPLES[s.corpus].map((e) => `<button type="button" data-example="${escapeHtml(e)}">${escapeHtml(e)}</button>`).join('');
			examples.dataset.corpus = s.corpus;
		}
	}

	protected async compute(tf: typeof TF): Promise<LmAttentionResult> {
		const state = this.state;
		const modelId = transformerId(state.corpus);
		let model: TransformerModel;
		try {
			model = await loadShippedTransformer(modelId);
		} catch (error) {
			throw new Error(`${this.strings.modelFailed ?? ''} ${error instanceof Error ? error.message : String(error)}`, { cause: error });
		}
		const prefix = preparePrefix(state.text, model.config.vocabulary, model.config.context);
		const ids = [...prefix.ids, ...(state.generate ? await this.generatedIds(tf, model, modelId, prefix.ids) : [])];
		const { query } = selection(state, model, ids.length);
		const readout = await readTransformer(tf, model, ids, query);
		const trace = transformerForward(model.config, referenceWeights(model), ids.slice(0, query + 1), { logits: false });
		this.dataset.model = modelId;
		return lmAttentionResult(state, modelId, model, { prefix, ids, attention: readout.attention, logits: readout.logits, trace });
	}

	/** The seeded continuation of the prefix; computed again only when what it depends on changes. */
	private async generatedIds(tf: typeof TF, model: TransformerModel, modelId: string, ids: number[]): Promise<number[]> {
		const { seed, temperature, topK } = this.state;
		const key = JSON.stringify([modelId, ids, seed, temperature, topK]);
		if (this.generated?.key !== key) {
			const start = performance.now();
			this.generated = { key, ids: await generate(tf, model, ids, { seed, temperature, topK }) };
			// For the bench: how long the characters took (each one a forward pass over the text so far).
			performance.measure('widget:lm-attention:generate', { start, detail: { characters: this.generated.ids.length } });
		}
		return this.generated.ids;
	}

	protected view(result: LmAttentionResult) {
		return lmAttentionView(this.state, result, this.strings);
	}

	protected override applyExtras(view: LmAttentionView) {
		renderTokenButtons(this.q<HTMLElement>('lm-tokens'), view.tokens, lmTokensKey(view.tokens), (t) => [
			...(t.generated ? ['generated'] : []),
			...(t.unknown ? ['unknown'] : []),
		]);
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
