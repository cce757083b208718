/**
 * The gradient-descent widget's view against the reference run it draws, and over the corners of its inputs: every
 * surface and optimizer at the smallest and the largest learning rate, before the first step and after the last
 * (never NaN or ∞ on screen; a diverging run is explained).
 */
import { describe, expect, it } from 'vitest';
import en from '../../src/content/i18n/en.json';
import zh from '../../src/content/i18n/zh-CN.json';
import { descend } from '../../src/lib/reference/descent';
import { descentResult } from '../../src/lib/widgets/descent/result';
import { DESCENT_LIMITS, descentSpec, MAX_STEPS, type DescentState } from '../../src/lib/widgets/descent/state';
import { DESCENT_STRINGS, descentView } from '../../src/lib/widgets/descent/view';
import { QUANTITY_STRINGS } from '../../src/lib/widgets/quantity-fields';
import { defaultState } from '../../src/lib/widgets/url-state';
import { widgetStrings } from '../../src/lib/widgets/view';

const strings = (locale: Record<string, string>) => {
	const t = ((key: string) => locale[key] ?? `MISSING ${key}`) as never;
	return { ...widgetStrings(t, 'calc', QUANTITY_STRINGS), ...widgetStrings(t, 'gd', DESCENT_STRINGS) };
};

describe('the view', () => {
	it('the first frame: 20 steps of SGD on the valley at η = 0.07, the numbers of the reference run', () => {
		const state = defaultState(descentSpec);
		const view = descentView(descentResult(state), strings(en));
		const run = descend('valley', { kind: 'sgd', learningRate: 0.07 }, [2.5, 2], 20, 1);
		const [x, y] = run.path.at(-1)!;
		expect(Number(view.formulas['update-formula']!.data!.x)).toBe(x);
		expect(Number(view.formulas['update-formula']!.data!.y)).toBe(y);
		// along θ₂ each step multiplies by 1 − 25η = −0.75, along θ₁ by 1 − η = 0.93
		expect(y).toBeCloseTo(2 * (-0.75) ** 20, 12);
		expect(x).toBeCloseTo(2.5 * 0.93 ** 20, 12);
		expect(view.texts.readout).toBe(`Step 20: θ = (${Number(x.toFixed(4))}, ${Number(y.toFixed(4))}), loss ${Number(run.losses.at(-1)!.toPrecision(4))}.`);
		expect(view.tables.steps!.rows).toHaveLength(10);
	});

	it('a diverging run says where and why, with the curvature bound for plain gradient descent', () => {
		const state: DescentState = { ...defaultState(descentSpec), learningRate: 0.085, steps: 500 };
		const view = descentView(descentResult(state), strings(en));
		expect(view.texts.remark).toMatch(/^The run diverged at step \d+\. On this loss the steepest curvature is λ = 25;.*η > 2\/λ = 0\.08 \(here η = 0\.085\)/);
		const adam = descentView(descentResult({ ...state, optimizer: 'adam', learningRate: 1000 }), strings(zh));
		expect(adam.texts.remark).toBe('');
	});

	it('Adam’s formula shows m, v and both bias corrections with this step’s numbers', () => {
		const state: DescentState = { ...defaultState(descentSpec), optimizer: 'adam', learningRate: 0.1, steps: 3 };
		const tex = descentView(descentResult(state), strings(en)).formulas['update-formula']!.tex;
		expect(tex).toContain('1 - 0.9^{3}');
		expect(tex).toContain('1 - 0.999^{3}');
		expect(tex).toContain('\\hat m_{3}');
	});

	it('at the corners of the inputs: finite numbers only', () => {
		const base = defaultState(descentSpec);
		for (const surface of ['bowl', 'valley', 'rosenbrock', 'noisy'] as const)
			for (const optimizer of ['sgd', 'momentum', 'adam'] as const)
				for (const learningRate of DESCENT_LIMITS.learningRate)
					for (const steps of [0, 1, MAX_STEPS])
						for (const [startX, startY] of [DESCENT_LIMITS.startX, [0, 0]] as const) {
							const state: DescentState = { ...base, surface, optimizer, learningRate, steps, startX, startY, momentum: 0.999, beta2: 0.99999 };
							const view = descentView(descentResult(state), strings(en));
							const shown = JSON.stringify([view.texts, view.formulas, view.tables, view.path, view.minimum]);
							expect(shown, JSON.stringify(state)).not.toMatch(/NaN|Infinity|\\infty|undefined|MISSING|null/);
						}
	});
});
