/**
 * The backpropagation widget's view against the reference it draws (src/lib/reference/tiny-network.ts, itself checked
 * against tf.grads in tiny-network.test.ts): every number in the graph, the tables and the formula is the reference's;
 * the chain rule's factors multiply to the gradient; and at the corners of the inputs nothing on screen is NaN or ∞.
 */
import { describe, expect, it } from 'vitest';
import en from '../../src/content/i18n/en.json';
import zh from '../../src/content/i18n/zh-CN.json';
import { backward, forward, updated } from '../../src/lib/reference/tiny-network';
import { backpropResult, networkOf, parametersOf, placeOf, valueAt } from '../../src/lib/widgets/backprop/result';
import { BACKPROP_LIMITS, backpropSpec, FIRST_WEIGHTS, PARAMETERS, WEIGHT_RANGE, type BackpropState } from '../../src/lib/widgets/backprop/state';
import { BACKPROP_STRINGS, backpropView, chainFactors, parameterText, short } from '../../src/lib/widgets/backprop/view';
import { QUANTITY_STRINGS } from '../../src/lib/widgets/quantity-fields';
import { defaultState } from '../../src/lib/widgets/url-state';
import { widgetStrings } from '../../src/lib/widgets/view';

const strings = (locale: Record<string, string>) => {
	const t = ((key: string) => locale[key] ?? `MISSING ${key}`) as never;
	return { ...widgetStrings(t, 'calc', QUANTITY_STRINGS), ...widgetStrings(t, 'bp', BACKPROP_STRINGS) };
};
const LIMIT = WEIGHT_RANGE[1];

describe('the state', () => {
	it('holds the thirteen parameters of a 2-3-1 network, and reads them back', () => {
		expect(PARAMETERS).toHaveLength(2 * 3 + 3 + 3 + 1);
		const state = defaultState(backpropSpec);
		const net = networkOf(state);
		expect(net.w1).toEqual([
			[0.5, -0.4],
			[0.3, 0.8],
			[-0.6, 0.2],
		]);
		expect(parametersOf(net)).toEqual(FIRST_WEIGHTS);
		expect(PARAMETERS.map(parameterText)).toContain('W⁽¹⁾₃₂');
	});
});

describe('the view', () => {
	const state = defaultState(backpropSpec);
	const result = backpropResult(state);
	const net = networkOf(state);
	const f = forward(net, [1, 0.5], 1);
	const g = backward(net, [1, 0.5], 1);

	it('every parameter row is the reference: value, gradient, the factors that multiply to it, and the update', () => {
		const view = backpropView(result, strings(en), LIMIT);
		const rows = view.tables['bp-parameters']!.rows;
		const next = updated(net, g, 0.5);
		PARAMETERS.forEach((id, r) => {
			const p = placeOf(id);
			const [value, factors, gradient, after] = rows[r]!.cells;
			expect(rows[r]!.label).toBe(parameterText(id));
			expect(value!.value).toBe(valueAt(net, p));
			expect(gradient!.value).toBe(valueAt(g, p));
			expect(after!.value).toBe(valueAt(next, p));
			const product = chainFactors(result, p).reduce((a, [, , v]) => a * v, 1);
			expect(product).toBeCloseTo(valueAt(g, p), 15);
			expect(factors!.text.split(' × ')).toHaveLength(id === 'b2' ? 1 : id.startsWith('w2') ? 2 : id.startsWith('b1') ? 3 : 4);
		});
		const units = view.tables['bp-units']!.rows;
		expect(units.map((row) => row.cells.map((c) => c.value))).toEqual([0, 1, 2].map((j) => [f.z[j], f.h[j], g.slope[j], g.dZ[j]]));
	});

	it('the formula follows the stage: the forward pass, the chosen gradient as a product, the update', () => {
		const forwardTex = backpropView({ ...result, state: { ...state, stage: 'forward' } }, strings(en), LIMIT).formulas['bp-formula']!.tex;
		expect(forwardTex).toContain('\\hat y &= W^{(2)} h + b^{(2)}');
		expect(forwardTex).toContain(`= ${Number(f.loss.toPrecision(4))}`);
		const backward21 = backpropView(backpropResult({ ...state, selected: 'w1_21' }), strings(en), LIMIT).formulas['bp-formula']!;
		expect(backward21.data!.gradient).toBe(String(g.w1[1]![0]));
		// (ŷ − y) · W⁽²⁾₂ · h₂(1 − h₂) · x₁
		expect(backward21.tex).toContain(`(${Number(g.dOutput.toPrecision(4))}) \\cdot (-0.5) \\cdot ${Number(g.slope[1]!.toPrecision(4))} \\cdot 1 =`);
		const update = backpropView(backpropResult({ ...state, stage: 'update', selected: 'b2' }), strings(zh), LIMIT);
		expect(update.formulas['bp-formula']!.tex).toContain(`b^{(2)} &\\leftarrow b^{(2)} - \\eta`);
		expect(Number(update.formulas['bp-formula']!.data!.after)).toBe(forward(updated(net, g, 0.5), [1, 0.5], 1).loss);
		expect(update.texts['bp-readout']).toContain('损失从');
	});

	it('the graph shows the stage’s numbers: forward values, the gradients on the way back, the weights after the step', () => {
		const at = (stage: BackpropState['stage']) => backpropView(backpropResult({ ...state, stage }), strings(en), LIMIT).graph;
		expect(at('forward')).toContain(`>${short(f.output)}</text>`);
		expect(at('forward')).toContain(`>${short(net.w1[0]![1]!)}</text>`);
		expect(at('backward')).toContain(`>${short(g.w1[0]![1]!)}</text>`);
		expect(at('backward')).toContain(`>${short(g.dZ[2]!)}</text>`);
		expect(at('update')).toContain(`>${short(updated(net, g, 0.5).w2[1]!)}</text>`);
		// one edge for each of the nine weights, each choosable by a click
		expect(at('forward').match(/<g class="edge[^"]*" data-param="w/g)).toHaveLength(9);
		expect(at('forward')).toMatch(/class="node-caption" data-param="b1_3"/);
	});

	it('a step too long for this point says that the loss rises; one that would leave the range is refused', () => {
		const rising = backpropView(backpropResult({ ...state, stage: 'update', learningRate: 30 }), strings(en), LIMIT);
		expect(Number(rising.formulas['bp-formula']!.data!.after)).toBeGreaterThan(Number(rising.formulas['bp-formula']!.data!.loss));
		expect(rising.texts['bp-readout']).toContain('It rises');
		const far = backpropView(backpropResult({ ...state, w2_1: 900, x1: 10, target: -10, learningRate: 100 }), strings(en), LIMIT);
		expect(far.tooFar).toBeDefined();
		expect(far.texts['bp-remark']).toContain('The step is not taken');
		expect(backpropView(result, strings(en), LIMIT).tooFar).toBeUndefined();
	});

	it('at the corners of the inputs: finite numbers only, in both languages', () => {
		const base = defaultState(backpropSpec);
		for (const locale of [en, zh])
			for (const stage of ['forward', 'backward', 'update'] as const)
				for (const weight of [...WEIGHT_RANGE, 0])
					for (const x of BACKPROP_LIMITS.x1)
						for (const learningRate of BACKPROP_LIMITS.learningRate) {
							const state: BackpropState = {
								...base,
								...Object.fromEntries(PARAMETERS.map((id) => [id, weight])),
								x1: x,
								x2: -x,
								target: x,
								learningRate,
								stage,
							};
							const view = backpropView(backpropResult(state), strings(locale), LIMIT);
							const shown = JSON.stringify([view.texts, view.formulas, view.tables, view.graph]);
							expect(shown, JSON.stringify(state)).not.toMatch(/NaN|Infinity|\\infty|undefined|MISSING|null/);
						}
	});
});
