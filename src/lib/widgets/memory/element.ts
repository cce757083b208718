import { CalculatorElement } from '../calculator-element';
import type { QuantityField } from '../quantity-fields';
import { memoryResult, type MemoryResult } from './result';
import { MEMORY_LIMITS, memorySpec, type MemoryState } from './state';
import { memoryView, type MemoryView } from './view';

type NumberKey = keyof typeof MEMORY_LIMITS;

const FIELDS: readonly QuantityField<NumberKey>[] = (Object.keys(MEMORY_LIMITS) as NumberKey[]).map((key) => ({
	key,
	role: `mem-${key}`,
	range: MEMORY_LIMITS[key],
	// every box but the parameter count takes a count of things (layers, tokens, a matrix's rows …)
	integer: key !== 'parameters',
}));

/** `<memory-calculator>`: the weights at four precisions, the KV cache of a context, and LoRA's trainable share. */
export class MemoryElement extends CalculatorElement<MemoryState, MemoryResult, MemoryView> {
	protected createSpec() {
		return memorySpec;
	}

	protected override quantities() {
		return FIELDS;
	}

	protected bindControls() {
		const on = { signal: this.signal };
		const precision = this.q<HTMLSelectElement>('mem-precision');
		precision.addEventListener('change', () => this.commit({ precision: precision.value as MemoryState['precision'] }), on);
		const kvBits = this.q<HTMLSelectElement>('mem-kvbits');
		kvBits.addEventListener('change', () => this.commit({ kvBits: kvBits.value === '8' ? 8 : 16 }), on);
	}

	protected syncControls(from: 'url' | 'change') {
		if (from === 'url') this.showQuantities();
		this.q<HTMLSelectElement>('mem-precision').value = this.state.precision;
		this.q<HTMLSelectElement>('mem-kvbits').value = String(this.state.kvBits);
	}

	protected calculate(): MemoryResult {
		return memoryResult(this.state);
	}

	protected view(result: MemoryResult): MemoryView {
		return memoryView(result, this.strings);
	}

	protected override applyExtras(view: MemoryView): void {
		this.q<SVGSVGElement>('bars').setAttribute('viewBox', view.bars.viewBox);
		this.drawMarkup('bars', view.bars.markup);
	}
}
