/**
 * The number boxes of a calculator: what the reader types is parsed (src/lib/calculators/quantity.ts) as they type;
 * a good number goes into the widget's state, a bad one marks its box invalid and says why in the widget's message
 * line, and the last good result stays on screen. Boxes are only rewritten from the state when it comes from the URL,
 * never under the reader's caret.
 */
import { isQuantityProblem, parseQuantity, sciText, type QuantityProblem } from '../calculators/quantity';
import { template } from '../text/template';
import { compactNumber } from './url-state';
import type { ViewStrings } from './view';

/** The messages every calculator's boxes share (`calc.*` in the locale files). */
export const QUANTITY_STRINGS = ['empty', 'notNumber', 'outOfRange', 'notWhole'] as const;

export interface QuantityField<Key extends string> {
	key: Key;
	/** data-role of the <input>. */
	role: string;
	range: readonly [number, number];
	/** Whole numbers only (a count of accelerators). */
	integer?: boolean;
}

/** The message for a problem with the box labelled `what`, from the widget's `empty`, `notNumber` and `outOfRange`. */
export function quantityMessage(problem: QuantityProblem | { kind: 'notWhole' }, what: string, raw: string, strings: ViewStrings): string {
	if (problem.kind === 'outOfRange') return template(strings.outOfRange ?? '', { what, min: sciText(problem.min), max: sciText(problem.max) });
	return template(strings[problem.kind] ?? '', { what, raw: raw.slice(0, 40) });
}

export class QuantityFields<Key extends string> {
	private readonly problems = new Map<Key, string>();

	constructor(
		private readonly root: HTMLElement,
		private readonly fields: readonly QuantityField<Key>[],
		private readonly strings: () => ViewStrings,
		private readonly report: (message: string) => void,
	) {}

	private input(field: QuantityField<Key>): HTMLInputElement {
		const input = this.root.querySelector<HTMLInputElement>(`input[data-role="${field.role}"]`);
		if (!input) throw new Error(`QuantityFields: no input[data-role="${field.role}"]`);
		return input;
	}

	/** Calls `onValue` with each good number typed, `onSettled` when a box is left (the value's own history entry). */
	bind(signal: AbortSignal, onValue: (key: Key, value: number) => void, onSettled: () => void): void {
		for (const field of this.fields) {
			const input = this.input(field);
			input.addEventListener(
				'input',
				() => {
					const value = this.read(field, input);
					if (value !== undefined) onValue(field.key, value);
				},
				{ signal },
			);
			input.addEventListener('change', onSettled, { signal });
		}
	}

	/** Shows the state's values in the boxes (after reading the URL) and forgets the problems typed before. */
	show(values: Record<Key, number>): void {
		this.problems.clear();
		for (const field of this.fields) {
			const input = this.input(field);
			input.value = compactNumber(values[field.key]);
			input.removeAttribute('aria-invalid');
		}
		this.report('');
	}

	private read(field: QuantityField<Key>, input: HTMLInputElement): number | undefined {
		const parsed = parseQuantity(input.value, ...field.range);
		const problem = isQuantityProblem(parsed) ? parsed : field.integer && !Number.isInteger(parsed) ? ({ kind: 'notWhole' } as const) : undefined;
		const label = input.closest('label')?.dataset.what ?? field.key;
		if (problem) {
			this.problems.set(field.key, quantityMessage(problem, label, input.value, this.strings()));
			input.setAttribute('aria-invalid', 'true');
		} else {
			this.problems.delete(field.key);
			input.removeAttribute('aria-invalid');
		}
		this.report([...this.problems.values()].join(' '));
		return problem ? undefined : (parsed as number);
	}
}
