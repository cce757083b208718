/**
 * Shows a widget's live formula: KaTeX renders its TeX into the box. An update that leaves the formula as it was
 * writes nothing. Formulas shown before are kept as DOM (the last REMEMBERED per box) and moved back in when the
 * reader returns to them: a reader stepping back and forth revisits them, and re-parsing KaTeX's HTML for a large
 * formula (the LSTM step: thousands of elements) cost more than the rest of the update.
 */
import katex from 'katex';
import { KATEX_OPTIONS } from './katex-options';
import type { FormulaView } from './view';

const REMEMBERED = 64;
const kept = new WeakMap<HTMLElement, Map<string, Element>>();

export function showFormula(target: HTMLElement, formula: FormulaView): void {
	for (const [key, value] of Object.entries(formula.data ?? {})) target.dataset[key] = value;
	// The server-rendered frame carries its TeX in data-tex too, so an unchanged first formula is not re-rendered.
	const shown = target.dataset.tex;
	if (shown === formula.tex) return;
	let cache = kept.get(target);
	if (!cache) kept.set(target, (cache = new Map()));
	const current = target.firstElementChild;
	if (shown !== undefined && current) cache.set(shown, current);
	let next = cache.get(formula.tex);
	if (next) cache.delete(formula.tex);
	else {
		const scratch = document.createElement('div');
		katex.render(formula.tex, scratch, KATEX_OPTIONS);
		next = scratch.firstElementChild!;
	}
	if (cache.size > REMEMBERED) cache.delete(cache.keys().next().value!);
	target.replaceChildren(next);
	target.dataset.tex = formula.tex;
}
