import { CalculatorElement } from '../calculator-element';
import { QuantityFields, type QuantityField } from '../quantity-fields';
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
	/** The bars' markup as the server or the last update drew it. */
	private shownBars: string | undefined;
	private readonly fields = new QuantityFields(
		this,
		FIELDS,
		() => this.strings,
		(message) => this.setControlNote(message),
	);

	protected createSpec() {
		return memorySpec;
	}

	protected bindControls() {
		const on = { signal: this.signal };
		this.fields.bind(
			this.signal,
			(key, value) => this.commit({ [key]: value }, 'replace'),
			() => this.keepInHistory(),
		);
		const precision = this.q<HTMLSelectElement>('mem-precision');
		precision.addEventListener('change', () => this.commit({ precision: precision.value as MemoryState['precision'] }), on);
		const kvBits = this.q<HTMLSelectElement>('mem-kvbits');
		kvBits.addEventListener('change', () => this.commit({ kvBits: kvBits.value === '8' ? 8 : 16 }), on);
	}

	protected syncControls(from: 'url' | 'change') {
		if (from === 'url') this.fields.show(this.state);
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
		if (view.bars.markup === this.shownBars) return;
		const svg = this.q<SVGSVGElement>('bars');
		svg.setAttribute('viewBox', view.bars.viewBox);
		svg.innerHTML = view.bars.markup;
		this.shownBars = view.bars.markup;
	}
}
