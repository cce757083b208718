import type * as TF from '@tensorflow/tfjs-core';
import * as kernels from '../../compute/kernels';
import { drawLabelledHeatmap } from '../../viz/labelled-heatmap';
import { showDataTable } from '../../viz/table';
import { renderTokenButtons } from '../token-buttons';
import { InputProblem, WidgetElement } from '../widget-element';
import { moveFocus } from '../dom';
import { embed, PROJECTIONS } from './model';
import { attentionSpec, type AttentionState } from './state';
import { prepareSentence } from './frame';
import { attentionView, tokensKey, type AttentionResult, type AttentionView } from './view';

/** `<attention-widget>`: self-attention weights between the tokens of the reader's sentence. */
export class AttentionElement extends WidgetElement<AttentionState, AttentionResult, AttentionView> {
	/** The page language's first example: what an empty `attn.text` means. */
	private get defaultText(): string {
		return this.dataset.defaultText ?? '';
	}

	protected createSpec() {
		return attentionSpec;
	}

	protected bindControls() {
		const on = { signal: this.signal };
		const input = this.q<HTMLInputElement>('text');
		// The box is the source of truth: an emptied box is an empty sentence (the URL omits the default one).
		const asUrlText = () => (input.value === this.defaultText ? '' : input.value);
		input.addEventListener('input', () => this.commit({ text: asUrlText() }, 'replace'), on);
		// Typing replaces the history entry; leaving the box makes the text one the back button returns to.
		input.addEventListener('change', () => this.keepInHistory(), on);
		for (const button of this.querySelectorAll<HTMLButtonElement>('button[data-example]'))
			button.addEventListener(
				'click',
				() => {
					input.value = button.dataset.example ?? '';
					this.commit({ text: asUrlText(), query: 1 });
				},
				on,
			);
		const causal = this.q<HTMLInputElement>('causal');
		causal.addEventListener('change', () => this.commit({ causal: causal.checked }), on);
		const scale = this.q<HTMLInputElement>('scale');
		scale.addEventListener('change', () => this.commit({ scale: scale.checked }), on);
		const temperature = this.q<HTMLInputElement>('temperature');
		temperature.addEventListener('input', () => this.commit({ temperature: Number(temperature.value) }, 'replace'), on);
		const heads = this.q<HTMLSelectElement>('heads');
		heads.addEventListener('change', () => this.commit({ heads: Number(heads.value) as AttentionState['heads'] }), on);
		const tokens = this.q<HTMLElement>('tokens');
		const focusToken = (e: Event) => {
			const button = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-index]');
			if (button) this.commit({ query: Number(button.dataset.index) }, 'replace');
		};
		tokens.addEventListener('click', focusToken, on);
		tokens.addEventListener('focusin', focusToken, on);
		const headsView = this.q<HTMLElement>('heads-view');
		const tokenCount = () => this.querySelectorAll('[data-role="tokens"] button').length;
		headsView.addEventListener(
			'keydown',
			(e) => {
				const next = moveFocus(e, { row: this.state.query, col: 0 }, tokenCount());
				if (next && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
					e.preventDefault();
					this.commit({ query: next.row }, 'replace');
				}
			},
			on,
		);
		headsView.addEventListener(
			'pointermove',
			(e) => {
				const svg = (e.target as Element).closest('svg');
				if (!svg) return;
				const box = svg.viewBox.baseVal;
				const rect = svg.getBoundingClientRect();
				const row = Math.floor(box.y + ((e.clientY - rect.top) / rect.height) * box.height);
				if (row >= 0 && row < tokenCount() && row !== this.state.query) this.commit({ query: row }, 'replace');
			},
			on,
		);
	}

	protected syncControls(from: 'url' | 'change') {
		const s = this.state;
		if (from === 'url') this.q<HTMLInputElement>('text').value = s.text || this.defaultText;
		this.q<HTMLInputElement>('causal').checked = s.causal;
		this.q<HTMLInputElement>('scale').checked = s.scale;
		this.q<HTMLInputElement>('temperature').value = String(s.temperature);
		this.q<HTMLOutputElement>('temperature-value').textContent = s.temperature.toFixed(1);
		this.q<HTMLSelectElement>('heads').value = String(s.heads);
	}

	protected async compute(tf: typeof TF): Promise<AttentionResult> {
		const prepared = prepareSentence(this.q<HTMLInputElement>('text').value);
		if (prepared.tokens.length === 0) throw new InputProblem(this.strings.empty ?? '');
		const heads = await kernels.multiHeadSelfAttention(tf, embed(prepared.tokens), PROJECTIONS, this.state.heads, {
			causal: this.state.causal,
			scale: this.state.scale,
			temperature: this.state.temperature,
		});
		return { ...prepared, heads };
	}

	protected view(result: AttentionResult) {
		return attentionView(this.state, result, this.strings);
	}

	protected override applyExtras(view: AttentionView) {
		renderTokenButtons(this.q<HTMLElement>('tokens'), view.tokens, tokensKey(view.tokens));
		const list = this.q<HTMLElement>('heads-view');
		const figure = this.q<HTMLTemplateElement>('head-template');
		while (list.children.length < view.heads.length) list.append(figure.content.cloneNode(true));
		while (list.children.length > view.heads.length) list.lastElementChild!.remove();
		view.heads.forEach((head, h) => {
			const element = list.children[h] as HTMLElement;
			element.querySelector('figcaption')!.textContent = head.caption;
			const svg = element.querySelector('svg')!;
			svg.setAttribute('aria-label', head.label);
			drawLabelledHeatmap(svg, head.heatmap);
			element.querySelector('.table-scroll')!.setAttribute('aria-label', head.caption);
			showDataTable(element.querySelector('table')!, head.table);
		});
	}
}
