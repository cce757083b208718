import { CalculatorElement } from '../calculator-element';
import type { QuantityField } from '../quantity-fields';
import { backpropResult, parametersOf, type BackpropResult } from './result';
import { BACKPROP_LIMITS, backpropSpec, FIRST_WEIGHTS, MAX_STEPS, PARAMETERS, WEIGHT_RANGE, type BackpropState, type ParameterId, type Stage } from './state';
import { backpropView, type BackpropView } from './view';

type NumberKey = keyof typeof BACKPROP_LIMITS;

const FIELDS: readonly QuantityField<NumberKey>[] = (Object.keys(BACKPROP_LIMITS) as NumberKey[]).map((key) => ({
	key,
	role: `bp-${key}`,
	range: BACKPROP_LIMITS[key],
}));

const isParameter = (id: string | undefined): id is ParameterId => (PARAMETERS as readonly string[]).includes(id ?? '');

/**
 * `<backprop-widget>`: one step of gradient descent on a 2-3-1 network, stage by stage (forward, backward, update).
 * Plain TypeScript, so it extends CalculatorElement (no tfjs). The reader edits the input, the target, η and any of
 * the thirteen parameters; a click on an edge or a bias (or the menu) chooses whose gradient the formula works out;
 * "Take the step" makes the updated parameters the network's, and every one of these is in the URL.
 */
export class BackpropElement extends CalculatorElement<BackpropState, BackpropResult, BackpropView> {
	private tooFar = false;

	protected createSpec() {
		return backpropSpec;
	}

	protected override quantities() {
		return FIELDS;
	}

	protected bindControls() {
		const on = { signal: this.signal };
		for (const button of this.querySelectorAll<HTMLButtonElement>('[data-stage]'))
			button.addEventListener('click', () => this.commit({ stage: button.dataset.stage as Stage }), on);
		const menu = this.q<HTMLSelectElement>('bp-selected');
		menu.addEventListener('change', () => this.commit({ selected: menu.value as ParameterId }), on);
		this.q<SVGSVGElement>('bp-graph').addEventListener(
			'click',
			(event) => {
				const param = (event.target as Element).closest<SVGElement>('[data-param]')?.dataset.param;
				if (isParameter(param)) this.commit({ selected: param });
			},
			on,
		);
		this.q<HTMLButtonElement>('bp-step').addEventListener('click', () => this.takeStep(), on);
		this.q<HTMLButtonElement>('bp-reset').addEventListener(
			'click',
			() => {
				this.commit({ ...FIRST_WEIGHTS, steps: 0 });
				this.showQuantities();
			},
			on,
		);
	}

	/** The updated parameters become the network's; the URL keeps them, and Back undoes the step. */
	private takeStep() {
		if (this.tooFar || this.state.steps >= MAX_STEPS) return;
		const { next } = backpropResult(this.state);
		this.commit({ ...parametersOf(next), steps: this.state.steps + 1 });
		this.showQuantities();
	}

	protected syncControls(from: 'url' | 'change') {
		if (from === 'url') this.showQuantities();
		this.q<HTMLSelectElement>('bp-selected').value = this.state.selected;
		for (const button of this.querySelectorAll<HTMLButtonElement>('[data-stage]'))
			button.setAttribute('aria-pressed', String(button.dataset.stage === this.state.stage));
	}

	protected calculate(): BackpropResult {
		return backpropResult(this.state);
	}

	protected view(result: BackpropResult): BackpropView {
		return backpropView(result, this.strings, WEIGHT_RANGE[1]);
	}

	protected override applyExtras(view: BackpropView): void {
		this.tooFar = view.tooFar !== undefined;
		this.q<HTMLButtonElement>('bp-step').disabled = this.tooFar || this.state.steps >= MAX_STEPS;
		this.drawMarkup('bp-graph', view.graph);
	}
}
