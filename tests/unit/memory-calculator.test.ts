/**
 * The memory calculator's arithmetic against the worked numbers of parts 1 and 5, and its view over the corners of
 * every input's range (never NaN or ∞ on screen; a rank no matrix can have is said, the rest still computed).
 */
import { describe, expect, it } from 'vitest';
import en from '../../src/content/i18n/en.json';
import zh from '../../src/content/i18n/zh-CN.json';
import { kvCacheBytes, loraParameters, weightBytes } from '../../src/lib/calculators/memory';
import { memoryResult } from '../../src/lib/widgets/memory/result';
import { MEMORY_LIMITS, memorySpec, type MemoryState } from '../../src/lib/widgets/memory/state';
import { MEMORY_STRINGS, memoryView } from '../../src/lib/widgets/memory/view';
import { QUANTITY_STRINGS } from '../../src/lib/widgets/quantity-fields';
import { defaultState } from '../../src/lib/widgets/url-state';
import { widgetStrings } from '../../src/lib/widgets/view';

const strings = (locale: Record<string, string>) => {
	const t = ((key: string) => locale[key] ?? `MISSING ${key}`) as never;
	return { ...widgetStrings(t, 'calc', QUANTITY_STRINGS), ...widgetStrings(t, 'mem', MEMORY_STRINGS) };
};

describe("the chapters' worked numbers", () => {
	it('part 5: 7 × 10⁹ parameters take 14 GB in 16 bits and 3.5 GB in 4 bits', () => {
		expect(weightBytes(7e9, 16)).toBe(14e9);
		expect(weightBytes(7e9, 4)).toBe(3.5e9);
	});

	it('part 1: a 70-billion-parameter model takes 140 GB in 16 bits, more than one 80 GB accelerator', () => {
		const result = memoryResult({ ...defaultState(memorySpec), parameters: 70e9, context: 1 });
		expect(result.chosenWeights).toBe(140e9);
		expect(result.devices).toBe(2);
	});

	it('part 5: LoRA on a 4096 × 4096 matrix at rank 8 trains 65,536 of 16,777,216 parameters, 0.39 %', () => {
		expect(loraParameters(4096, 4096, 8)).toBe(65_536);
		expect((100 * loraParameters(4096, 4096, 8)) / (4096 * 4096)).toBeCloseTo(0.39, 2);
	});

	it("part 5: LLaMA-7B's KV cache for 2,048 tokens in 16 bits is about 1.1 GB per sequence", () => {
		expect(kvCacheBytes(32, 2048, 4096, 2, 1)).toBe(2 * 32 * 2048 * 4096 * 2);
		expect(kvCacheBytes(32, 2048, 4096, 2, 1) / 1e9).toBeCloseTo(1.07, 2);
		expect(kvCacheBytes(32, 2048, 4096, 2, 8)).toBe(8 * kvCacheBytes(32, 2048, 4096, 2, 1));
	});
});

describe('the view', () => {
	it('the first frame is the chapter’s examples, and the total fits in one 80 GB accelerator', () => {
		const view = memoryView(memoryResult(defaultState(memorySpec)), strings(en));
		expect(Number(view.formulas['weights-formula']!.data!.bytes)).toBe(14e9);
		expect(Number(view.formulas['lora-formula']!.data!.perMatrix)).toBe(65_536);
		expect(view.formulas['lora-formula']!.tex).toContain('0.391\\%');
		expect(view.texts.fit).toContain('15.1 GB, which fits in one 80 GB accelerator');
		expect(view.texts['lora-readout']).toBe('Adapting 64 such matrices trains 4.19 × 10⁶ parameters, 0.06 % of N.');
	});

	it('a rank above min(d_out, d_in) is said where LoRA is shown; the weights and the KV cache are still computed', () => {
		const state: MemoryState = { ...defaultState(memorySpec), rank: 5000, parameters: 7e10 };
		const view = memoryView(memoryResult(state), strings(zh));
		expect(view.texts['lora-readout']).toContain('至多 4,096');
		expect(view.formulas['lora-formula']!.tex).toContain('\\min');
		expect(Number(view.formulas['weights-formula']!.data!.bytes)).toBe(140e9);
		expect(view.texts.fit).toContain('至少需要 2 块');
	});

	it('at every corner of the input ranges: finite numbers only', () => {
		const base = defaultState(memorySpec);
		const keys = Object.keys(MEMORY_LIMITS) as (keyof typeof MEMORY_LIMITS)[];
		// each input at its minimum and its maximum, the others at the first frame's, and all at their extremes together
		const states: MemoryState[] = keys.flatMap((key) => MEMORY_LIMITS[key].map((value) => ({ ...base, [key]: value })));
		for (const end of [0, 1] as const)
			states.push({ ...base, ...Object.fromEntries(keys.map((k) => [k, MEMORY_LIMITS[k][end]])), precision: 'int4', kvBits: 8 });
		for (const state of states) {
			const view = memoryView(memoryResult(state), strings(en));
			const shown = JSON.stringify([view.texts, Object.values(view.formulas).map((f) => f.tex), view.tables, view.bars.markup]);
			expect(shown, JSON.stringify(state)).not.toMatch(/NaN|Infinity|\\infty|undefined|MISSING/);
		}
	});
});
