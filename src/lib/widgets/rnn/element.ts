import type * as TF from '@tensorflow/tfjs-core';
import * as kernels from '../../compute/kernels';
import { escapeHtml, template } from '../../text/template';
import { InputProblem, WidgetElement } from '../widget-element';
import { gridCellAt } from '../dom';
import { clampText, embed, lstmWeights, readSentence, rnnWeights } from './model';
import { clampStep, rnnSpec, type RnnState } from './state';
import { rnnView, stepTex, tokensKey, type RnnResult, type RnnView, type TokenButtonView } from './view';

/**
 * `<rnn-widget>`: steps a vanilla RNN or an LSTM through the reader's sentence. tfjs computes every h_t (and the
 * LSTM's gates and c_t); what to draw, including the focused step's formula, comes from ./view.ts.
 */
export class RnnElement extends WidgetElement<RnnState, RnnResult, RnnView> {
	protected createSpec() {
		return rnnSpec(this.dataset.defaultText ?? '');
	}

	protected bindControls() {
		const on = { signal: this.signal };
		const input = this.q<HTMLInputElement>('text');
		input.addEventListener('input', () => this.readText(input.value, 'replace'), on);
		for (const button of this.querySelectorAll<HTMLButtonElement>('button[data-example]'))
			button.addEventListener(
				'click',
				() => {
					input.value = button.dataset.example ?? '';
					this.readText(input.value, 'push');
				},
				on,
			);
		const mode = this.q<HTMLSelectElement>('mode');
		mode.addEventListener('change', () => this.commit({ mode: mode.value === 'lstm' ? 'lstm' : 'rnn' }), on);
		this.q<HTMLButtonElement>('prev').addEventListener('click', () => this.goTo(this.currentStep() - 1), on);
		this.q<HTMLButtonElement>('next').addEventListener('click', () => this.goTo(this.currentStep() + 1), on);
		const slider = this.q<HTMLInputElement>('step');
		slider.addEventListener('input', () => this.goTo(Number(slider.value)), on);
		this.q<HTMLElement>('tokens').addEventListener(
			'click',
			(e) => {
				const button = (e.target as Element).closest<HTMLButtonElement>('button[data-t]');
				if (button) this.goTo(Number(button.dataset.t));
			},
			on,
		);
		// Clicking a column of any heatmap focuses that step (the slider and buttons do the same from the keyboard).
		for (const svg of this.querySelectorAll<SVGSVGElement>('svg[data-map]'))
			svg.addEventListener(
				'click',
				(e) => {
					const cell = gridCellAt(svg, e as PointerEvent);
					if (cell) this.goTo(cell.col + 1);
				},
				on,
			);
	}

	protected syncControls(from: 'url' | 'change') {
		// The text box is the reader's own while they type (it may hold an empty text the state does not take).
		if (from === 'url') {
			const input = this.q<HTMLInputElement>('text');
			if (input.value !== this.state.text) input.value = this.state.text;
			input.removeAttribute('aria-invalid');
		}
		this.q<HTMLSelectElement>('mode').value = this.state.mode;
	}

	/** The reader's text: too long is clamped (with a note), empty is reported and the last result stays. */
	private readText(raw: string, mode: 'push' | 'replace') {
		const clamped = clampText(raw);
		const chars = clamped.truncated ? template(this.strings.tooLongChars ?? '', { n: clamped.length, max: clamped.text.length }) : '';
		const sentence = readSentence(clamped.text);
		const input = this.q<HTMLInputElement>('text');
		if (sentence.tokens.length === 0) {
			input.setAttribute('aria-invalid', 'true');
			this.setControlNote([this.strings.empty, chars].filter(Boolean).join(' '));
			return;
		}
		input.removeAttribute('aria-invalid');
		this.setControlNote(chars);
		this.commit({ text: clamped.text, step: clampStep(this.state.step, sentence.tokens.length) }, mode);
	}

	/** The step shown: the state's step clamped to the current sentence (the last result may be older). */
	private currentStep(): number {
		return clampStep(this.state.step, readSentence(this.state.text).tokens.length);
	}

	private goTo(step: number) {
		const next = clampStep(step, readSentence(this.state.text).tokens.length);
		if (next !== this.state.step) this.commit({ step: next }, 'replace');
	}

	protected async compute(tf: typeof TF): Promise<RnnResult> {
		const sentence = readSentence(this.state.text);
		if (sentence.tokens.length === 0) throw new InputProblem(this.strings.empty ?? '');
		const xs = sentence.tokens.map(embed);
		const base = { tokens: sentence.tokens, total: sentence.total, xs };
		if (this.state.mode === 'rnn') return { ...base, mode: 'rnn', h: await kernels.rnnSequence(tf, rnnWeights(), xs) };
		const lstm = await kernels.lstmSequence(tf, lstmWeights(), xs);
		return { ...base, mode: 'lstm', h: lstm.map((s) => s.h), lstm };
	}

	/** The steps before and after the one shown (Previous / Next, the slider's arrow keys). */
	protected override upcomingFormulas(result: RnnResult): [string, string][] {
		const t = clampStep(this.state.step, result.tokens.length);
		return [t + 1, t - 1].filter((s) => s >= 1 && s <= result.tokens.length).map((s) => ['step-formula', stepTex(result, s)]);
	}

	protected view(result: RnnResult) {
		return rnnView(this.state, result, this.strings);
	}

	protected override applyExtras(view: RnnView) {
		this.renderTokens(view.tokens);
		const slider = this.q<HTMLInputElement>('step');
		slider.max = String(view.step.max);
		slider.value = String(view.step.value);
		slider.setAttribute('aria-valuetext', view.step.readout);
		// aria-disabled, not disabled: a disabled button would drop the keyboard focus at the first or last step.
		this.q<HTMLButtonElement>('prev').setAttribute('aria-disabled', String(view.step.atStart));
		this.q<HTMLButtonElement>('next').setAttribute('aria-disabled', String(view.step.atEnd));
		this.q<HTMLSelectElement>('mode').value = view.mode;
		this.q<HTMLElement>('lstm-maps').hidden = view.mode !== 'lstm';
		for (const svg of this.querySelectorAll<SVGSVGElement>('svg[data-map]')) svg.style.setProperty('--cols', String(view.columns));
	}

	/** Token buttons are rebuilt only when the tokens change, so focus stays on the button the reader pressed. */
	private renderTokens(tokens: TokenButtonView[]) {
		const box = this.q<HTMLElement>('tokens');
		const key = tokensKey(tokens);
		if (box.dataset.tokens !== key) {
			box.dataset.tokens = key;
			box.innerHTML = tokens
				.map((token) => `<button type="button" data-t="${token.t}" aria-label="${escapeHtml(token.label)}">${escapeHtml(token.text)}</button>`)
				.join('');
		}
		for (const button of box.querySelectorAll<HTMLButtonElement>('button[data-t]')) {
			if (tokens[Number(button.dataset.t) - 1]?.current) button.setAttribute('aria-current', 'step');
			else button.removeAttribute('aria-current');
		}
	}
}
