/**
 * A widget whose result is plain arithmetic (the calculators of parts 1 and 5, part 2's gradient descent): on top of
 * what every widget shares (./widget-base.ts) it loads only KaTeX, so a chapter with no tensor work never loads tfjs.
 * `calculate` is synchronous and pure; a bad input throws an InputProblem, which the base shows next to the widget.
 * It also owns the widget's number boxes (`quantities()`, parsed as typed: ./quantity-fields.ts) and the pictures
 * whose markup a view makes whole (`drawMarkup`).
 */
import { loadFormulaRenderer } from './formula';
import { QuantityFields, type QuantityField } from './quantity-fields';
import type { WidgetView } from './view';
import { WidgetBase } from './widget-base';

export { InputProblem } from './widget-base';

export abstract class CalculatorElement<State extends object, Result, View extends WidgetView = WidgetView> extends WidgetBase<State, Result, View> {
	private formulasLoaded = false;
	private boxes: QuantityFields<string> | undefined;
	/** The markup each picture shows now, by its data-role (the server's, until the first update replaces it). */
	private readonly drawn = new Map<string, string>();

	/** The current state's result, in plain TypeScript. */
	protected abstract calculate(): Result;

	/** The widget's number boxes: each binds a numeric field of the state to an <input data-role>. */
	protected quantities(): readonly QuantityField<keyof State & string>[] {
		return [];
	}

	/** The change a good number typed into the box of `key` makes (a subclass may add to it, e.g. restart a run). */
	protected quantityChange(key: keyof State & string, value: number): Partial<State> {
		return { [key]: value } as Partial<State>;
	}

	/** Made on first use: `syncControls('url')` shows the state in them before the controls are bound. */
	private get quantityBoxes(): QuantityFields<string> {
		return (this.boxes ??= new QuantityFields(
			this,
			this.quantities(),
			() => this.strings,
			(message) => this.setControlNote(message),
		));
	}

	protected override bindShared(): void {
		this.quantityBoxes.bind(
			this.signal,
			(key, value) => this.commit(this.quantityChange(key as keyof State & string, value), 'replace'),
			() => this.keepInHistory(),
		);
	}

	/** Shows the state's numbers in the boxes; call it from `syncControls('url')` (never under the reader's caret). */
	protected showQuantities(): void {
		this.quantityBoxes.show(this.state as Record<string, number>);
	}

	/** Replaces the children of the picture of `role` with `markup`, unless it shows that already. */
	protected drawMarkup(role: string, markup: string): void {
		if (this.drawn.get(role) === markup) return;
		this.q<Element>(role).innerHTML = markup;
		this.drawn.set(role, markup);
	}

	protected override async loadRuntime(): Promise<void> {
		await loadFormulaRenderer();
		this.formulasLoaded = true;
	}

	protected override runtimeReady(): boolean {
		return this.formulasLoaded;
	}

	protected override computeForUpdate(): Promise<Result> {
		return Promise.resolve(this.calculate());
	}
}
