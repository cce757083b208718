import type * as TF from '@tensorflow/tfjs-core';
import { generate, readLstm } from '../../compute/char-lm-infer';
import { lstmForward } from '../../reference/char-lstm';
import { escapeHtml } from '../../text/template';
import { renderTokenButtons } from '../token-buttons';
import { WidgetElement } from '../widget-element';
import { renderBars } from '../char-lm/bars';
import { LM_EXAMPLES, lstmId, type LmCorpus } from '../char-lm/corpora';
import { loadShippedLstm, preparePrefix, type LstmModel } from '../char-lm/model';
import { lmLstmResult, referenceWeights, selectedStep } from './frame';
import { lmLstmSpec, type LmLstmState } from './state';
import { lmLstmView, lmStepsKey, type LmLstmResult, type LmLstmView } from './view';

/** `<lm-lstm-widget>`: a trained character LSTM stepping through the reader's text, and what it predicts next. */
export class LmLstmElement extends WidgetElement<LmLstmState, LmLstmResult, LmLstmView> {
	/** The last generation, reused while the reader only looks around in it (step, unit). */
	private generated: { key: string; ids: number[] } | undefined;

	protected createSpec() {
		return lmLstmSpec({ text: this.dataset.defaultText ?? '', corpus: (this.dataset.defaultCorpus ?? 'names') as LmCorpus });
	}

	protected override prepareData() {
		void loadShippedLstm(lstmId(this.state.corpus)).catch(() => {}); // compute reports the failure
	}

	protected bindControls() {
		const on = { signal: this.signal };
		const input = this.q<HTMLInputElement>('lstm-text');
		input.addEventListener('input', () => this.commit({ text: input.value, step: -1, generate: false }, 'replace'), on);
		input.addEventListener('change', () => this.keepInHistory(), on);
		this.q<HTMLElement>('lstm-examples').addEventListener(
			'click',
			(e) => {
				const button = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-example]');
				if (button) this.commit({ text: button.dataset.example ?? '', step: -1, generate: false });
			},
			on,
		);
		const corpus = this.q<HTMLSelectElement>('lstm-model');
		corpus.addEventListener(
			'change',
			() => this.commit({ corpus: corpus.value as LmCorpus, text: LM_EXAMPLES[corpus.value as LmCorpus][0]!, step: -1, generate: false }),
			on,
		);
		const temperature = this.q<HTMLInputElement>('lstm-temperature');
		temperature.addEventListener('input', () => this.commit({ temperature: Number(temperature.value) }, 'replace'), on);
		temperature.addEventListener('change', () => this.keepInHistory(), on);
		const topK = this.q<HTMLSelectElement>('lstm-topk');
		topK.addEventListener('change', () => this.commit({ topK: Number(topK.value) }), on);
		this.q<HTMLButtonElement>('lstm-generate').addEventListener(
			'click',
			() => this.commit({ generate: true, seed: this.state.generate ? this.state.seed + 1 : this.state.seed, step: -1 }),
			on,
		);
		this.q<HTMLButtonElement>('lstm-clear').addEventListener('click', () => this.commit({ generate: false, step: -1 }), on);
		const unit = this.q<HTMLInputElement>('lstm-unit');
		unit.addEventListener('input', () => this.commit({ unit: Number(unit.value) }, 'replace'), on);
		unit.addEventListener('change', () => this.keepInHistory(), on);
		const steps = this.q<HTMLElement>('lstm-steps');
		const focusStep = (e: Event) => {
			const button = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-index]');
			if (button && Number(button.dataset.index) + 1 !== this.state.step) this.commit({ step: Number(button.dataset.index) + 1 }, 'replace');
		};
		steps.addEventListener('click', focusStep, on);
		steps.addEventListener('focusin', focusStep, on);
		steps.addEventListener(
			'keydown',
			(e) => {
				if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
				const buttons = [...steps.querySelectorAll<HTMLButtonElement>('button')];
				const current = buttons.findIndex((b) => b === document.activeElement);
				const next = buttons[current + (e.key === 'ArrowRight' ? 1 : -1)];
				if (current >= 0 && next) {
					e.preventDefault();
					next.focus();
				}
			},
			on,
		);
	}

	protected syncControls(from: 'url' | 'change') {
		const s = this.state;
		const input = this.q<HTMLInputElement>('lstm-text');
		if (from === 'url' || input.value !== s.text) input.value = s.text;
		this.q<HTMLSelectElement>('lstm-model').value = s.corpus;
		this.q<HTMLInputElement>('lstm-temperature').value = String(s.temperature);
		this.q<HTMLOutputElement>('lstm-temperature-value').textContent = s.temperature.toFixed(1);
		const topK = this.q<HTMLSelectElement>('lstm-topk');
		if (![...topK.options].some((o) => o.value === String(s.topK))) topK.add(new Option(String(s.topK), String(s.topK)));
		topK.value = String(s.topK);
		const unit = this.q<HTMLInputElement>('lstm-unit');
		unit.value = String(Math.min(s.unit, Number(unit.max)));
		this.q<HTMLOutputElement>('lstm-unit-value').textContent = unit.value;
		this.q<HTMLButtonElement>('lstm-clear').hidden = !s.generate;
		const examples = this.q<HTMLElement>('lstm-examples');
		if (examples.dataset.corpus !== s.corpus) {
			examples.innerHTML = LM_EXAMPLES[s.corpus].map((e) => `<button type="button" data-example="${escapeHtml(e)}">${escapeHtml(e)}</button>`).join('');
			examples.dataset.corpus = s.corpus;
		}
	}

	protected async compute(tf: typeof TF): Promise<LmLstmResult> {
		const state = this.state;
		const modelId = lstmId(state.corpus);
		let model: LstmModel;
		try {
			model = await loadShippedLstm(modelId);
		} catch (error) {
			throw new Error(`${this.strings.modelFailed ?? ''} ${error instanceof Error ? error.message : String(error)}`, { cause: error });
		}
		const prefix = preparePrefix(state.text, model.config.vocabulary, model.config.context);
		const ids = [...prefix.ids, ...(state.generate ? await this.generatedIds(tf, model, modelId, prefix.ids) : [])];
		const step = selectedStep(state, ids.length);
		const readout = await readLstm(tf, model, ids, step);
		const { steps } = lstmForward(model.config, referenceWeights(model), ids);
		this.dataset.model = modelId;
		return lmLstmResult(state, modelId, model, { prefix, ids, h: readout.hidden, logits: readout.logits, steps });
	}

	/** The seeded continuation of the prefix; computed again only when what it depends on changes. */
	private async generatedIds(tf: typeof TF, model: LstmModel, modelId: string, ids: number[]): Promise<number[]> {
		const { seed, temperature, topK } = this.state;
		const key = JSON.stringify([modelId, ids, seed, temperature, topK]);
		if (this.generated?.key !== key) this.generated = { key, ids: await generate(tf, model, ids, { seed, temperature, topK }) };
		return this.generated.ids;
	}

	protected view(result: LmLstmResult) {
		return lmLstmView(this.state, result, this.strings);
	}

	protected override applyExtras(view: LmLstmView) {
		renderTokenButtons(this.q<HTMLElement>('lstm-steps'), view.tokens, lmStepsKey(view.tokens), (t) => [
			...(t.generated ? ['generated'] : []),
			...(t.unknown ? ['unknown'] : []),
		]);
		this.style.setProperty('--rows', String(view.tokens.length));
		const unit = this.q<HTMLInputElement>('lstm-unit');
		unit.max = String(view.units);
		renderBars(this.q<HTMLElement>('lstm-bars'), view.bars);
	}
}
