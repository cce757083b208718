/**
 * Part 1's cost comparison: the roofline rates and the two bills against hand-worked numbers for the defaults the
 * chapter states, the break-even volume against its definition, and the view over the corners of every input's range
 * (never NaN or ∞ on screen).
 */
import { describe, expect, it } from 'vitest';
import en from '../../src/content/i18n/en.json';
import zh from '../../src/content/i18n/zh-CN.json';
import { ACCELERATORS } from '../../src/lib/calculators/scaling';
import { HOURS_PER_MONTH, selfHostedAt, servingCost, type ServingCase } from '../../src/lib/calculators/serving-cost';
import { costResult } from '../../src/lib/widgets/cost/result';
import { COST_LIMITS, costSpec, type CostState } from '../../src/lib/widgets/cost/state';
import { COST_STRINGS, costView } from '../../src/lib/widgets/cost/view';
import { InputProblem } from '../../src/lib/widgets/input-problem';
import { QUANTITY_STRINGS } from '../../src/lib/widgets/quantity-fields';
import { defaultState } from '../../src/lib/widgets/url-state';
import { widgetStrings } from '../../src/lib/widgets/view';

const strings = (locale: Record<string, string>) => {
	const t = ((key: string) => locale[key] ?? `MISSING ${key}`) as never;
	return { ...widgetStrings(t, 'calc', QUANTITY_STRINGS), ...widgetStrings(t, 'cost', COST_STRINGS) };
};

const base: ServingCase = {
	inputTokens: 1e8,
	outputTokens: 2.5e7,
	apiInputPrice: 2.5,
	apiOutputPrice: 10,
	parameters: 70e9,
	bits: 16,
	accelerator: ACCELERATORS.h100,
	hourlyPrice: 2,
	batch: 32,
	utilisation: 0.4,
};

describe('the arithmetic', () => {
	it("the chapter's defaults: 140 GB of weights on two 80 GB H100s, US$500 through the API, one copy's month US$2,922", () => {
		const cost = servingCost(base);
		expect(cost.perReplica).toBe(2);
		expect(cost.api).toBeCloseTo(1e8 * 2.5e-6 + 2.5e7 * 10e-6, 9);
		expect(cost.replicaMonth).toBe(2 * HOURS_PER_MONTH * 2);
		expect(cost.replicas).toBe(1);
		expect(cost.selfHosted).toBeCloseTo(2922, 0);
	});

	it('reading is compute-bound at G·F·u/2N; writing at small batches is bound by reading the weights', () => {
		const cost = servingCost(base);
		expect(cost.readRate).toBeCloseTo((2 * 989e12 * 0.4) / (2 * 70e9), 6);
		// a step reads 140 GB from two accelerators at 3.35 TB/s each: 20.9 ms for 32 tokens
		expect(cost.writeBoundBy).toBe('memory');
		expect(cost.writeRate).toBeCloseTo(32 / (140e9 / (2 * 3.35e12)), 6);
		// a big enough batch makes the arithmetic the limit, and then the rate no longer grows with the batch
		const big = servingCost({ ...base, batch: 4096 });
		expect(big.writeBoundBy).toBe('compute');
		expect(big.writeRate).toBeCloseTo(big.readRate, 6);
	});

	it('the break-even volume is where the API bill reaches one copy’s month, and one copy can serve it', () => {
		const cost = servingCost(base);
		expect(cost.breakEvenTokens).toBeDefined();
		const apiThere = (cost.apiPerMillion * cost.breakEvenTokens!) / 1e6;
		expect(apiThere).toBeCloseTo(cost.replicaMonth, 6);
		expect(selfHostedAt(cost.breakEvenTokens!, cost)).toBeCloseTo(cost.replicaMonth, 6);
		expect(selfHostedAt(cost.breakEvenTokens! * 0.5, cost)).toBeGreaterThan(apiThere * 0.5);
	});

	it('never cheaper when even a fully busy copy costs more per token than the API', () => {
		const cost = servingCost({ ...base, apiInputPrice: 0.01, apiOutputPrice: 0.01, hourlyPrice: 50, batch: 1 });
		expect(cost.selfPerMillionBusy).toBeGreaterThan(cost.apiPerMillion);
		expect(cost.breakEvenTokens).toBeUndefined();
	});

	it('more tokens than one copy serves in a month rent more copies', () => {
		const cost = servingCost({ ...base, inputTokens: 1e12, outputTokens: 2.5e11 });
		expect(cost.replicas).toBe(Math.ceil(cost.busySeconds / (HOURS_PER_MONTH * 3600)));
		expect(cost.replicas).toBeGreaterThan(1);
		expect(cost.busyShare).toBeLessThanOrEqual(1);
	});
});

describe('the view', () => {
	it('the first frame says which is cheaper this month and from what volume, in both languages', () => {
		const view = costView(costResult(defaultState(costSpec), strings(en)), strings(en));
		expect(view.texts.verdict).toContain('This month the API costs US$500 and self-hosting US$2,922');
		expect(view.texts.verdict).toContain('one rented copy costs less than the API from about 7.31 × 10⁸ tokens a month');
		expect(view.texts['write-bound']).toContain('all 140 GB of weights');
		const zhView = costView(costResult(defaultState(costSpec), strings(zh)), strings(zh));
		expect(zhView.texts.verdict).toContain('这个月 API 花费 US$500');
	});

	it('a month without tokens is a message, not a division by zero', () => {
		const state: CostState = { ...defaultState(costSpec), inputTokens: 0, outputTokens: 0 };
		expect(() => costResult(state, strings(en))).toThrow(InputProblem);
		expect(() => costResult(state, strings(en))).toThrow('Enter some tokens a month');
	});

	it('at every corner of the input ranges: finite numbers only', () => {
		const start = defaultState(costSpec);
		const keys = Object.keys(COST_LIMITS) as (keyof typeof COST_LIMITS)[];
		const states: CostState[] = keys.flatMap((key) => COST_LIMITS[key].map((value) => ({ ...start, [key]: value })));
		for (const end of [0, 1] as const)
			states.push({ ...start, ...Object.fromEntries(keys.map((k) => [k, COST_LIMITS[k][end]])), inputTokens: end ? 1e15 : 1, bits: 4, accelerator: 'a100' });
		for (const state of states) {
			const view = costView(costResult(state, strings(en)), strings(en));
			const shown = JSON.stringify([view.texts, Object.values(view.formulas).map((f) => f.tex), view.tables, view.plot.markup]);
			expect(shown, JSON.stringify(state)).not.toMatch(/NaN|Infinity|\\infty|undefined|MISSING|null/);
		}
	});
});
