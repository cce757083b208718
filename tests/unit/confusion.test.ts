/**
 * The confusion matrix and its metrics on a case worked by hand, on a class nothing was predicted as, and on the
 * shipped CNN's 2,000 held-out digits, where they must agree with the model card's per-class counts; and the widget's
 * view of them (the counts in its formulas, no NaN on screen, both languages).
 */
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import en from '../../src/content/i18n/en.json';
import zh from '../../src/content/i18n/zh-CN.json';
import { confusionMatrix, examplesOf, largestConfusion } from '../../src/lib/reference/confusion';
import { confusionResult } from '../../src/lib/widgets/confusion/result';
import { confusionSpec } from '../../src/lib/widgets/confusion/state';
import { CONFUSION_MODEL_STRINGS, CONFUSION_STRINGS, confusionView } from '../../src/lib/widgets/confusion/view';
import { defaultState } from '../../src/lib/widgets/url-state';
import { widgetStrings } from '../../src/lib/widgets/view';

describe('confusionMatrix', () => {
	it('counts and scores a three-class example worked by hand', () => {
		// true:      0 0 0 1 1 2 2 2 2
		// predicted: 0 0 1 1 1 2 2 0 1
		const c = confusionMatrix([0, 0, 0, 1, 1, 2, 2, 2, 2], [0, 0, 1, 1, 1, 2, 2, 0, 1], 3);
		expect(c.counts).toEqual([
			[2, 1, 0],
			[0, 2, 0],
			[1, 1, 2],
		]);
		expect(c.correct).toBe(6);
		expect(c.accuracy).toBeCloseTo(6 / 9, 15);
		// class 1: TP 2, FP 2 (one 0 and one 2 read as 1), FN 0 → P = 0.5, R = 1, F₁ = 2·0.5·1/1.5 = 2/3
		expect(c.perClass[1]).toEqual({ truePositives: 2, falsePositives: 2, falseNegatives: 0, support: 2, predicted: 4, precision: 0.5, recall: 1, f1: 2 / 3 });
		// class 2: TP 2, FP 0, FN 2 → P = 1, R = 0.5
		expect(c.perClass[2]!.precision).toBe(1);
		expect(c.perClass[2]!.recall).toBe(0.5);
		expect(c.macroF1).toBeCloseTo((2 / 3 + 2 / 3 + 2 / 3) / 3, 15);
		expect(examplesOf([0, 0, 0, 1, 1, 2, 2, 2, 2], [0, 0, 1, 1, 1, 2, 2, 0, 1], 2, 1)).toEqual([8]);
		expect(largestConfusion(c.counts)).toEqual([0, 1]);
	});

	it('a class no example was predicted as has no precision (undefined, not NaN) and none of F₁', () => {
		const c = confusionMatrix([0, 1], [0, 0], 2);
		expect(c.perClass[1]!.precision).toBeUndefined();
		expect(c.perClass[1]!.recall).toBe(0);
		expect(c.perClass[1]!.f1).toBeUndefined();
		expect(c.perClass[0]!.precision).toBe(0.5);
		expect(() => confusionMatrix([0], [3], 2)).toThrow(/outside 0–1/);
	});

	it("on the shipped CNN's held-out digits: the card's per-class counts, and 2,000 digits in all", () => {
		execFileSync(process.execPath, ['scripts/prepare-data.mjs']);
		const bytes = readFileSync('public/generated/mnist-test.bin');
		const labels = bytes.subarray(bytes.length - 2000);
		const card = JSON.parse(readFileSync('public/models/cnn/card.json', 'utf8')) as {
			heldOut: { correct: number; predictions: string; perClass: { label: number; count: number; correct: number }[] };
		};
		const c = confusionMatrix(labels, [...card.heldOut.predictions].map(Number), 10);
		expect(c.total).toBe(2000);
		expect(c.correct).toBe(card.heldOut.correct);
		expect(c.perClass.map((m) => [m.support, m.truePositives])).toEqual(card.heldOut.perClass.map((m) => [m.count, m.correct]));
	});
});

describe('the confusion widget’s view', () => {
	const strings = (locale: Record<string, string>) => {
		const t = ((key: string) => locale[key] ?? `MISSING ${key}`) as never;
		return { ...widgetStrings(t, 'cnn', CONFUSION_MODEL_STRINGS), ...widgetStrings(t, 'cm', CONFUSION_STRINGS) };
	};
	const labels = [0, 0, 0, 1, 1, 2, 2, 2, 2];
	const predicted = { classes: [0, 0, 1, 1, 1, 2, 2, 0, 1], model: 'cnn' };

	it('words a cell off the diagonal for both classes, with their counts in P, R and F₁, in both languages', () => {
		for (const locale of [en, zh]) {
			const state = { ...defaultState(confusionSpec), trueClass: 2, predicted: 1 };
			const view = confusionView(
				confusionResult(state, labels, predicted, () => [[0]]),
				strings(locale),
			);
			// (the table's classes 3–9 have no digits here, so no precision: their cells are dashes, see below)
			const shown = JSON.stringify([view.texts, view.formulas, view.tables['cm-metrics']!.rows.slice(0, 3), view.matrix, view.digits]);
			expect(shown).not.toMatch(/NaN|Infinity|undefined|MISSING|null/);
			// class 2: TP 2, FP 0, FN 2; class 1: TP 2, FP 2, FN 0
			expect(view.formulas['cm-formula']!.tex).toContain('\\frac{2}{2 + 0} = 1.000');
			expect(view.formulas['cm-formula']!.tex).toContain('\\frac{2}{2 + 2} = 0.500');
			expect(view.matrix).toContain('data-t="2" data-p="1" aria-pressed="true"');
		}
	});

	it('a class nothing was predicted as shows a dash for its precision, never NaN on screen', () => {
		const view = confusionView(confusionResult(defaultState(confusionSpec), [0, 1], { classes: [0, 0], model: 'cnn' }, undefined), strings(en));
		expect(view.tables['cm-metrics']!.rows[1]!.cells.map((c) => c.text)).toEqual(['—', '0.000', '—', '1']);
		expect(view.digits).toBeUndefined();
		expect(JSON.stringify([view.texts, view.formulas['cm-formula']!.tex])).not.toMatch(/NaN|undefined/);
	});
});
