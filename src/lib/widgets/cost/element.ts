import { CalculatorElement } from '../calculator-element';
import { QuantityFields, type QuantityField } from '../quantity-fields';
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
	/** The plot's markup as the server or the last update drew it. */
	private shownPlot: string | undefined;
	private readonly fields = new QuantityFields(
		this,
		FIELDS,
		() => this.strings,
		(message) => this.setControlNote(message),
	);

	protected createSpec() {
		return costSpec;
	}

	protected bindControls() {
		const on = { signal: this.signal };
		this.fields.bind(
			this.signal,
			(key, value) => this.commit({ [key]: value }, 'replace'),
			() => this.keepInHistory(),
		);
		const bits = this.q<HTMLSelectElement>('cost-bits');
		bits.addEventListener('change', () => this.commit({ bits: Number(bits.value) as CostState['bits'] }), on);
		const accelerator = this.q<HTMLSelectElement>('cost-hw');
		accelerator.addEventListener('change', () => this.commit({ accelerator: accelerator.value === 'a100' ? 'a100' : 'h100' }), on);
	}

	protected syncControls(from: 'url' | 'change') {
		if (from === 'url') this.fields.show(this.state);
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
		if (view.plot.markup === this.shownPlot) return;
		this.q<SVGSVGElement>('plot').innerHTML = view.plot.markup;
		this.shownPlot = view.plot.markup;
	}
}
