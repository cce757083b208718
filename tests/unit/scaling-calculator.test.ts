/**
 * The scaling calculator's arithmetic against the worked numbers of parts 1 and 5, the reader's typed numbers, and
 * its view over the corners of every input's range (never NaN or ∞ on screen).
 */
import { describe, expect, it } from 'vitest';
import en from '../../src/content/i18n/en.json';
import zh from '../../src/content/i18n/zh-CN.json';
import { isQuantityProblem, parseQuantity, sciTex, sciText, typedTex } from '../../src/lib/calculators/quantity';
import { ACCELERATORS, computeOptimal, KNOWN_RUNS, trainingCompute, trainingEnergy, trainingSeconds } from '../../src/lib/calculators/scaling';
import { QUANTITY_STRINGS } from '../../src/lib/widgets/quantity-fields';
import { scalingResult } from '../../src/lib/widgets/scaling/result';
import { SCALING_LIMITS, scalingSpec, type ScalingState } from '../../src/lib/widgets/scaling/state';
import { SCALING_STRINGS, scalingView } from '../../src/lib/widgets/scaling/view';
import { defaultState } from '../../src/lib/widgets/url-state';
import { widgetStrings } from '../../src/lib/widgets/view';

const strings = (locale: Record<string, string>) => {
	const t = ((key: string) => locale[key] ?? `MISSING ${key}`) as never;
	return { ...widgetStrings(t, 'calc', QUANTITY_STRINGS), ...widgetStrings(t, 'scale', SCALING_STRINGS) };
};

const run = (id: string) => KNOWN_RUNS.find((r) => r.id === id)!;

describe("the chapters' worked numbers", () => {
	it('part 5: Chinchilla is 20 tokens per parameter and C ≈ 5.9 × 10²³ FLOPs', () => {
		const chinchilla = run('chinchilla');
		expect(chinchilla.tokens / chinchilla.parameters).toBe(20);
		expect(trainingCompute(chinchilla.parameters, chinchilla.tokens)).toBeCloseTo(5.88e23, -20);
	});

	it('part 5: Llama 3 405B is about 38 tokens per parameter and about 3.8 × 10²⁵ FLOPs, above the EU threshold', () => {
		const llama = run('llama3-405b');
		expect(Math.round(llama.tokens / llama.parameters)).toBe(39); // 38.5: the chapter says "about 38"
		expect(llama.tokens / llama.parameters).toBeGreaterThan(38);
		expect(trainingCompute(llama.parameters, llama.tokens) / 1e25).toBeCloseTo(3.79, 2);
	});

	it("part 5: GPT-3 is under 2 tokens per parameter, about 3.2 × 10²³ FLOPs, a little over half of Chinchilla's", () => {
		const gpt3 = run('gpt3');
		expect(gpt3.tokens / gpt3.parameters).toBeLessThan(2);
		const c = trainingCompute(gpt3.parameters, gpt3.tokens);
		expect(c / 1e23).toBeCloseTo(3.15, 2);
		const half = c / trainingCompute(run('chinchilla').parameters, run('chinchilla').tokens);
		expect(half).toBeGreaterThan(0.5);
		expect(half).toBeLessThan(0.6);
	});

	it('part 1: 7 × 10⁹ parameters on 2 × 10¹² tokens; 2.1 × 10⁸ s on one accelerator at 4 × 10¹⁴ FLOP/s, over two days on 1,000', () => {
		const c = trainingCompute(7e9, 2e12);
		expect(c).toBeCloseTo(8.4e22, -19);
		expect(trainingSeconds(c, 1, 4e14, 1)).toBeCloseTo(2.1e8, -5);
		expect(trainingSeconds(c, 1, 4e14, 1) / (365.25 * 86400)).toBeGreaterThan(6);
		expect(trainingSeconds(c, 1000, 4e14, 1) / 86400).toBeGreaterThan(2);
	});

	it('the compute-optimal split of a budget spends exactly the budget at the ratio asked', () => {
		for (const [c, r] of [
			[5.88e23, 20],
			[1e25, 20],
			[3.8e25, 38.5],
			[1e18, 0.5],
		] as const) {
			const { parameters, tokens } = computeOptimal(c, r);
			expect(trainingCompute(parameters, tokens) / c).toBeCloseTo(1, 12);
			expect(tokens / parameters).toBeCloseTo(r, 12);
		}
		const chinchilla = computeOptimal(trainingCompute(70e9, 1.4e12), 20);
		expect(chinchilla.parameters / 70e9).toBeCloseTo(1, 12);
	});

	it('time and energy: t = C/(nFu), E = PUE·P·t', () => {
		const h100 = ACCELERATORS.h100;
		const t = trainingSeconds(5.88e23, 1024, h100.peakFlops, 0.4);
		expect(t).toBeCloseTo(5.88e23 / (1024 * 989e12 * 0.4), 6);
		expect(trainingEnergy(1024, 700, t, 1.2)).toBeCloseTo(1.2 * 1024 * 700 * t, 0);
	});
});

describe('numbers the reader types', () => {
	it.each([
		['7e10', 7e10],
		['70000000000', 7e10],
		['70,000,000,000', 7e10],
		['70 000 000 000', 7e10],
		['1,4e12', 1.4e12],
		['1.4×10^12', 1.4e12],
		['1.4 × 10¹²', 1.4e12],
		['1.4*10**12', 1.4e12],
		['2e-3', 2e-3],
		['1.4x1012', undefined],
		['7 billion', undefined],
		['  40 ', 40],
	])('%s', (raw, expected) => {
		const parsed = parseQuantity(raw, 0, 1e15);
		if (expected === undefined) expect(isQuantityProblem(parsed)).toBe(true);
		else expect(parsed).toBe(expected);
	});

	it('says what is wrong: empty, not a number, out of range (a negative, a huge or an overflowing number)', () => {
		expect(parseQuantity('', 1, 10)).toEqual({ kind: 'empty' });
		expect(parseQuantity('   ', 1, 10)).toEqual({ kind: 'empty' });
		expect(parseQuantity('abc', 1, 10)).toEqual({ kind: 'notNumber' });
		expect(parseQuantity('NaN', 1, 10)).toEqual({ kind: 'notNumber' });
		expect(parseQuantity('Infinity', 1, 10)).toEqual({ kind: 'notNumber' });
		expect(parseQuantity('-5', 1, 10)).toEqual({ kind: 'outOfRange', min: 1, max: 10 });
		expect(parseQuantity('1e9', 1, 10)).toEqual({ kind: 'outOfRange', min: 1, max: 10 });
		expect(parseQuantity('1e999', 1, 10)).toEqual({ kind: 'outOfRange', min: 1, max: 10 });
	});

	it('writes numbers back: three significant digits for results, a typed number in full', () => {
		expect(sciTex(5.88e23)).toBe('5.88\\times10^{23}');
		expect(sciTex(7e10)).toBe('7\\times10^{10}');
		expect(sciTex(1.073741824)).toBe('1.07');
		expect(sciTex(0.390625)).toBe('0.391');
		expect(typedTex(1024)).toBe('1{,}024');
		expect(typedTex(0.4)).toBe('0.4');
		expect(typedTex(1.15)).toBe('1.15');
		expect(typedTex(16384)).toBe('16{,}384');
		expect(typedTex(6.7134e9)).toBe('6.713\\times10^{9}');
		expect(sciText(2.89e5)).toBe('289,000');
		expect(sciText(3.79e25)).toBe('3.79 × 10²⁵');
	});
});

describe('the view', () => {
	it('the first frame is Chinchilla: C = 6ND, the split that gives it back, 16.8 days on 1,024 H100s at 40 %', () => {
		const view = scalingView(scalingResult(defaultState(scalingSpec)), strings(en));
		expect(Number(view.formulas['compute-formula']!.data!.compute)).toBeCloseTo(5.88e23, -20);
		expect(Number(view.formulas['optimal-formula']!.data!.parameters) / 70e9).toBeCloseTo(1, 9);
		expect(view.texts['time-readout']).toBe('About 16.8 days on 1,024 × NVIDIA H100 SXM: 413,000 accelerator-hours.');
		expect(view.texts['eu-remark']).toBe('');
		expect(view.tables.runs!.rows.map((r) => r.label)).toEqual(['GPT-3', 'Chinchilla', 'Llama 3 405B', 'your run', 'compute-optimal']);
	});

	it('says when a run is above the EU threshold, in both languages', () => {
		const state: ScalingState = { ...defaultState(scalingSpec), parameters: 405e9, tokens: 15.6e12 };
		expect(scalingView(scalingResult(state), strings(en)).texts['eu-remark']).toContain('3.79 × 10²⁵ FLOPs is more than 10²⁵');
		expect(scalingView(scalingResult(state), strings(zh)).texts['eu-remark']).toContain('系统性风险');
	});

	it('at every corner of the input ranges: finite numbers only, and the plot keeps its labels', () => {
		const base = defaultState(scalingSpec);
		const corners = (key: keyof typeof SCALING_LIMITS) => SCALING_LIMITS[key].map((v) => ({ [key]: v }));
		const states: ScalingState[] = [];
		for (const given of ['model', 'budget'] as const)
			for (const n of corners('parameters'))
				for (const d of corners('tokens'))
					for (const c of corners('budget'))
						for (const r of corners('ratio'))
							for (const u of corners('utilisation'))
								states.push(
									{ ...base, given, ...n, ...d, ...c, ...r, ...u, count: 1, pue: 3, accelerator: 'a100' },
									{ ...base, given, ...n, ...d, ...c, ...r, ...u, count: 1e7 },
								);
		for (const state of states) {
			const view = scalingView(scalingResult(state), strings(zh));
			const shown = JSON.stringify([view.texts, Object.values(view.formulas).map((f) => f.tex), view.tables, view.plot.markup]);
			expect(shown, JSON.stringify(state)).not.toMatch(/NaN|Infinity|\\infty|undefined|MISSING/);
			const labels = [...view.plot.markup.matchAll(/<text x="([\d.-]+)" y="([\d.-]+)" text-anchor="(start|end)">([^<]*)<\/text>/g)];
			expect(labels.length).toBeGreaterThan(4);
		}
	});
});
