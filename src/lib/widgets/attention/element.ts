import type * as TF from '@tensorflow/tfjs-core';
import * as kernels from '../../compute/kernels';
import type { Matrix } from '../../reference/matrix';
import { sequentialScale } from '../../viz/colour';
import { drawLabelledHeatmap } from '../../viz/labelled-heatmap';
import { attentionRowTex } from '../../viz/attention-tex';
import { readState, writeState } from '../url-state';
import { InputProblem, WidgetElement } from '../widget-element';
import { bindBackendControl, escapeHtml, fillDataTable, moveFocus, template } from '../dom';
import { embed, MAX_CHARS, MAX_TOKENS, PROJECTIONS } from './model';
import { attentionSpec, type AttentionState } from './state';
import { headWidth, prepareSentence, referenceFrame } from './frame';
import { showFormula } from '../formula';

interface AttentionView {
	tokens: string[];
	heads: { weights: Matrix; output: Matrix }[];
}

/** `<attention-widget>`: self-attention weights between the tokens of the reader's sentence. */
export class AttentionElement extends WidgetElement<AttentionView> {
	private state!: AttentionState;
	private strings: Record<string, string> = {};
	private defaultText = '';

	private q<T extends Element>(role: string): T {
		return this.querySelector<T>(`[data-role="${role}"]`)!;
	}

	protected bindControls() {
		this.strings = JSON.parse(this.q<HTMLScriptElement>('strings').textContent ?? '{}');
		this.defaultText = this.dataset.defaultText ?? '';
		this.loadStateFromUrl();
		addEventListener('popstate', () => {
			this.loadStateFromUrl();
			this.requestUpdate();
		});
		bindBackendControl(this);
		const input = this.q<HTMLInputElement>('text');
		// The box is the source of truth: an emptied box is an empty sentence (the URL omits the default one).
		const asUrlText = () => (input.value === this.defaultText ? '' : input.value);
		input.addEventListener('input', () => this.commit({ text: asUrlText() }, 'replace'));
		input.addEventListener('change', () => writeState(attentionSpec, this.state, 'push'));
		for (const button of this.querySelectorAll<HTMLButtonElement>('button[data-example]'))
			button.addEventListener('click', () => {
				input.value = button.dataset.example ?? '';
				this.commit({ text: asUrlText(), query: 1 });
			});
		this.q<HTMLInputElement>('causal').addEventListener('change', (e) => this.commit({ causal: (e.target as HTMLInputElement).checked }));
		this.q<HTMLInputElement>('scale').addEventListener('change', (e) => this.commit({ scale: (e.target as HTMLInputElement).checked }));
		const temperature = this.q<HTMLInputElement>('temperature');
		temperature.addEventListener('input', () => this.commit({ temperature: Number(temperature.value) }, 'replace'));
		this.q<HTMLSelectElement>('heads').addEventListener('change', (e) =>
			this.commit({ heads: Number((e.target as HTMLSelectElement).value) as AttentionState['heads'] }),
		);
		this.q<HTMLElement>('tokens').addEventListener('click', (e) => {
			const button = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-index]');
			if (button) this.commit({ query: Number(button.dataset.index) }, 'replace');
		});
		this.q<HTMLElement>('tokens').addEventListener('focusin', (e) => {
			const button = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-index]');
			if (button) this.commit({ query: Number(button.dataset.index) }, 'replace');
		});
		this.q<HTMLElement>('heads-view').addEventListener('keydown', (e) => {
			const n = this.querySelectorAll('[data-role="tokens"] button').length;
			const next = moveFocus(e, { row: this.state.query, col: 0 }, n);
			if (next && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
				e.preventDefault();
				this.commit({ query: next.row }, 'replace');
			}
		});
		this.q<HTMLElement>('heads-view').addEventListener('pointermove', (e) => {
			const svg = (e.target as Element).closest('svg');
			if (!svg) return;
			const box = svg.viewBox.baseVal;
			const rect = svg.getBoundingClientRect();
			const row = Math.floor(box.y + ((e.clientY - rect.top) / rect.height) * box.height);
			const n = this.querySelectorAll('[data-role="tokens"] button').length;
			if (row >= 0 && row < n && row !== this.state.query) this.commit({ query: row }, 'replace');
		});
	}

	private loadStateFromUrl() {
		const { state, problems } = readState(attentionSpec, new URLSearchParams(location.search));
		this.state = state;
		this.q<HTMLInputElement>('text').value = state.text || this.defaultText;
		this.q<HTMLInputElement>('causal').checked = state.causal;
		this.q<HTMLInputElement>('scale').checked = state.scale;
		this.q<HTMLInputElement>('temperature').value = String(state.temperature);
		this.q<HTMLOutputElement>('temperature-value').textContent = state.temperature.toFixed(1);
		this.q<HTMLSelectElement>('heads').value = String(state.heads);
		if (problems.length) this.noteUrlProblems(template(this.strings.urlIgnored!, { list: problems.join('; ') }));
	}

	private commit(change: Partial<AttentionState>, mode: 'push' | 'replace' = 'push') {
		this.state = { ...this.state, ...change };
		this.forgetUrlProblems();
		this.q<HTMLOutputElement>('temperature-value').textContent = this.state.temperature.toFixed(1);
		writeState(attentionSpec, this.state, mode);
		this.requestUpdate();
	}

	protected async compute(tf: typeof TF): Promise<AttentionView> {
		const text = this.q<HTMLInputElement>('text').value;
		const prepared = prepareSentence(text);
		if (prepared.tokens.length === 0) throw new InputProblem(this.strings.empty!);
		const notes: string[] = [];
		if (prepared.truncatedChars) notes.push(template(this.strings.tooLongChars!, { n: prepared.truncatedChars, max: MAX_CHARS }));
		if (prepared.truncatedTokens) notes.push(template(this.strings.tooLong!, { n: prepared.truncatedTokens, max: MAX_TOKENS }));
		const heads = await kernels.multiHeadSelfAttention(tf, embed(prepared.tokens), PROJECTIONS, this.state.heads, {
			causal: this.state.causal,
			scale: this.state.scale,
			temperature: this.state.temperature,
		});
		this.clearInputProblem();
		if (notes.length) this.showInputProblem(notes.join(' '));
		return { tokens: prepared.tokens, heads };
	}

	protected render({ tokens, heads }: AttentionView) {
		const query = Math.min(this.state.query, tokens.length - 1);
		this.renderTokens(tokens, query);
		const view = this.q<HTMLElement>('heads-view');
		const template_ = this.q<HTMLTemplateElement>('head-template');
		while (view.children.length < heads.length) view.append(template_.content.cloneNode(true));
		while (view.children.length > heads.length) view.lastElementChild!.remove();
		const colour = sequentialScale(1);
		heads.forEach((head, h) => {
			const figure = view.children[h] as HTMLElement;
			figure.querySelector('figcaption')!.textContent = template(this.strings.head!, { h: h + 1 });
			const svg = figure.querySelector('svg')!;
			svg.setAttribute('aria-label', template(this.strings.weightsLabel!, { h: h + 1 }));
			drawLabelledHeatmap(svg, head.weights, tokens, colour, query);
			fillDataTable(figure.querySelector('table')!, head.weights, tokens, tokens);
		});

		// The explained row: scores from the reference (the arithmetic), weights and output from tfjs.
		const reference = referenceFrame(tokens, { ...this.state, query });
		const first = heads[0]!;
		const formula = this.q<HTMLElement>('row-formula');
		showFormula(
			formula,
			attentionRowTex({
				i: query,
				dk: headWidth(this.state.heads),
				scale: this.state.scale,
				temperature: this.state.temperature,
				scores: reference[0]!.scores[query]!,
				weights: first.weights[query]!,
				output: first.output[query]!,
			}),
		);
		formula.dataset.weights = JSON.stringify(first.weights[query]);
		const peak = Math.max(...first.weights[query]!);
		const saturation = this.q<HTMLElement>('saturation');
		saturation.textContent = !this.state.scale && peak > 0.9 ? template(this.strings.saturated!, { w: peak.toFixed(3) }) : '';
	}

	private renderTokens(tokens: string[], query: number) {
		const list = this.q<HTMLElement>('tokens');
		const html = tokens
			.map(
				(t, i) =>
					`<button type="button" data-index="${i}" ${i === query ? 'aria-current="true"' : ''} aria-label="${escapeHtml(template(this.strings.tokenButton!, { i, token: t }))}">${escapeHtml(t)}</button>`,
			)
			.join('');
		if (list.dataset.tokens !== tokens.join('\u0000')) {
			const focused = list.contains(document.activeElement) ? (document.activeElement as HTMLElement).dataset.index : undefined;
			list.innerHTML = html;
			list.dataset.tokens = tokens.join('\u0000');
			if (focused !== undefined) list.querySelector<HTMLElement>(`[data-index="${focused}"]`)?.focus();
		} else {
			for (const button of list.querySelectorAll<HTMLButtonElement>('button'))
				if (Number(button.dataset.index) === query) button.setAttribute('aria-current', 'true');
				else button.removeAttribute('aria-current');
		}
	}
}
