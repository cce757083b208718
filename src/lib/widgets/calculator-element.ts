/**
 * A widget whose result is plain arithmetic (the part 5 calculators, the part 1 cost comparison): on top of what every
 * widget shares (./widget-base.ts) it loads only KaTeX, so a chapter with no tensor work never loads tfjs.
 * `calculate` is synchronous and pure; a bad input throws an InputProblem, which the base shows next to the widget.
 */
import { loadFormulaRenderer } from './formula';
import type { WidgetView } from './view';
import { WidgetBase } from './widget-base';

export { InputProblem } from './widget-base';

export abstract class CalculatorElement<State extends object, Result, View extends WidgetView = WidgetView> extends WidgetBase<State, Result, View> {
	private formulasLoaded = false;

	/** The current state's result, in plain TypeScript. */
	protected abstract calculate(): Result;

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
