import type * as TF from '@tensorflow/tfjs-core';
import { readLstm } from '../../compute/char-lm-infer';
import { lstmForward } from '../../reference/char-lstm';
import { renderTokenButtons } from '../token-buttons';
import { WidgetElement } from '../widget-element';
import { renderBars } from '../char-lm/bars';
import { bindCharLmControls, syncCharLmControls } from '../char-lm/controls';
import { GenerationCache } from '../char-lm/generation';
import { lmTokenFlags, lmTokensKey } from '../char-lm/tokens';
import { lstmId, type LmCorpus } from '../char-lm/corpora';
import { chooseCharModel, loadShippedLstm, preparePrefix, readerCharModelId, shownModel, type ChosenCharModel } from '../char-lm/model';
import { lmLstmResult, referenceWeights, selectedStep } from './frame';
import { lmLstmSpec, type LmLstmState } from './state';
import { lmLstmView, type LmLstmResult, type LmLstmView } from './view';

/** `<lm-lstm-widget>`: a trained character LSTM stepping through the reader's text, and what it predicts next. */
export class LmLstmElement extends WidgetElement<LmLstmState, LmLstmResult, LmLstmView> {
	/** The last generation, reused while the reader only looks around in it. */
	private readonly generated = new GenerationCache();

	protected createSpec() {
		return lmLstmSpec({ text: this.dataset.defaultText ?? '', model: this.defaultCorpus });
	}

	/** The page language's corpus: the model shown when the reader's cannot be. */
	private get defaultCorpus(): LmCorpus {
		return (this.dataset.defaultCorpus ?? 'names') as LmCorpus;
	}

	protected override prepareData() {
		const corpus = this.state.model === 'yours' ? this.defaultCorpus : this.state.model;
		void loadShippedLstm(lstmId(corpus)).catch(() => {}); // compute reports the failure
	}

	protected bindControls() {
		const on = { signal: this.signal };
		bindCharLmControls<LmLstmState>({
			root: this,
			role: 'lstm',
			signal: this.signal,
			state: () => this.state,
			commit: (change, mode) => this.commit(change, mode),
			keepInHistory: () => this.keepInHistory(),
			reset: { step: -1 },
			reader: { id: readerCharModelId('lstm'), strings: this.strings, changed: () => this.state.model === 'yours' && this.requestUpdate() },
		});
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
		syncCharLmControls(this, 'lstm', this.state, from);
		const unit = this.q<HTMLInputElement>('lstm-unit');
		unit.value = String(Math.min(this.state.unit, Number(unit.max)));
		this.q<HTMLOutputElement>('lstm-unit-value').textContent = unit.value;
	}

	protected async compute(tf: typeof TF): Promise<LmLstmResult> {
		const state = this.state;
		let chosen: ChosenCharModel<'lstm'>;
		try {
			chosen = await chooseCharModel('lstm', state.model, this.defaultCorpus);
		} catch (error) {
			throw new Error(`${this.strings.modelFailed ?? ''} ${error instanceof Error ? error.message : String(error)}`, { cause: error });
		}
		const { model, modelId } = chosen;
		const prefix = preparePrefix(state.text, model.config.vocabulary, model.config.context);
		const ids = [...prefix.ids, ...(state.generate ? await this.generated.continuation(tf, model, modelId, prefix.ids, state) : [])];
		const step = selectedStep(state, ids.length);
		const readout = await readLstm(tf, model, ids, step);
		const { steps } = lstmForward(model.config, referenceWeights(model), ids);
		this.dataset.model = modelId;
		return lmLstmResult(state, shownModel(chosen, this.strings, document.documentElement.lang), model, {
			prefix,
			ids,
			h: readout.hidden,
			logits: readout.logits,
			steps,
		});
	}

	protected view(result: LmLstmResult) {
		return lmLstmView(this.state, result, this.strings);
	}

	protected override applyExtras(view: LmLstmView) {
		renderTokenButtons(this.q<HTMLElement>('lstm-steps'), view.tokens, lmTokensKey(view.tokens), lmTokenFlags);
		this.style.setProperty('--rows', String(view.tokens.length));
		const unit = this.q<HTMLInputElement>('lstm-unit');
		unit.max = String(view.units);
		renderBars(this.q<HTMLElement>('lstm-bars'), view.bars);
	}
}
