import { acceleratorId } from '../../calculators/scaling';
import { CalculatorElement } from '../calculator-element';
import type { QuantityField } from '../quantity-fields';
import { costResult, type CostResult } from './result';
import { COST_LIMITS, costSpec, type CostState } from './state';
import { costView, type CostView } from './view';

type NumberKey = keyof typeof COST_LIMITS;

const FIELDS: readonly QuantityField<NumberKey>[] = (Object.keys(COST_LIMITS) as NumberKey[]).map((key) => ({
	key,
	role: `cost-${key}`,
	range: COST_LIMITS[key],
	integer: key === 'batch',
}));

/** `<cost-calculator>`: a month of tokens through a per-token API against renting accelerators for a model of one's own. */
export class CostElement extends CalculatorElement<CostState, CostResult, CostView> {
	protected createSpec() {
		return costSpec;
	}

	protected override quantities() {
		return FIELDS;
	}

	protected bindControls() {
		const on = { signal: this.signal };
		const bits = this.q<HTMLSelectElement>('cost-bits');
		bits.addEventListener('change', () => this.commit({ bits: Number(bits.value) as CostState['bits'] }), on);
		const accelerator = this.q<HTMLSelectElement>('cost-hw');
		accelerator.addEventListener('change', () => this.commit({ accelerator: acceleratorId(accelerator.value) }), on);
	}

	protected syncControls(from: 'url' | 'change') {
		if (from === 'url') this.showQuantities();
		this.q<HTMLSelectElement>('cost-bits').value = String(this.state.bits);
		this.q<HTMLSelectElement>('cost-hw').value = this.state.accelerator;
	}

	protected calculate(): CostResult {
		return costResult(this.state, this.strings);
	}

	protected view(result: CostResult): CostView {
		return costView(result, this.strings);
	}

	protected override applyExtras(view: CostView): void {
		this.drawMarkup('plot', view.plot.markup);
	}
}
