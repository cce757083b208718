import { acceleratorId } from '../../calculators/scaling';
import type { QuantityField } from '../quantity-fields';
import { CalculatorElement } from '../calculator-element';
import { scalingResult, type ScalingResult } from './result';
import { SCALING_LIMITS, scalingSpec, type ScalingState } from './state';
import { scalingView, type ScalingView } from './view';

type NumberKey = 'parameters' | 'tokens' | 'budget' | 'ratio' | 'count' | 'utilisation' | 'pue';

const FIELDS: readonly QuantityField<NumberKey>[] = [
	{ key: 'parameters', role: 'n', range: SCALING_LIMITS.parameters },
	{ key: 'tokens', role: 'd', range: SCALING_LIMITS.tokens },
	{ key: 'budget', role: 'c', range: SCALING_LIMITS.budget },
	{ key: 'ratio', role: 'r', range: SCALING_LIMITS.ratio },
	{ key: 'count', role: 'count', range: SCALING_LIMITS.count, integer: true },
	{ key: 'utilisation', role: 'mfu', range: SCALING_LIMITS.utilisation },
	{ key: 'pue', role: 'pue', range: SCALING_LIMITS.pue },
];

/** `<scaling-calculator>`: training compute, its compute-optimal split, time and energy for the reader's run. */
export class ScalingElement extends CalculatorElement<ScalingState, ScalingResult, ScalingView> {
	protected createSpec() {
		return scalingSpec;
	}

	protected override quantities() {
		return FIELDS;
	}

	protected bindControls() {
		const on = { signal: this.signal };
		for (const radio of this.querySelectorAll<HTMLInputElement>('input[name$="-given"]'))
			radio.addEventListener('change', () => this.commit({ given: radio.value === 'budget' ? 'budget' : 'model' }), on);
		const accelerator = this.q<HTMLSelectElement>('hw');
		accelerator.addEventListener('change', () => this.commit({ accelerator: acceleratorId(accelerator.value) }), on);
	}

	protected syncControls(from: 'url' | 'change') {
		if (from === 'url') this.showQuantities();
		for (const radio of this.querySelectorAll<HTMLInputElement>('input[name$="-given"]')) radio.checked = radio.value === this.state.given;
		this.q<HTMLSelectElement>('hw').value = this.state.accelerator;
		for (const box of this.querySelectorAll<HTMLElement>('[data-given]')) box.hidden = box.dataset.given !== this.state.given;
	}

	protected calculate(): ScalingResult {
		return scalingResult(this.state);
	}

	protected view(result: ScalingResult): ScalingView {
		return scalingView(result, this.strings);
	}

	protected override applyExtras(view: ScalingView): void {
		this.drawMarkup('plot', view.plot.markup);
	}
}
