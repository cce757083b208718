/**
 * Shows a widget's live formula: KaTeX-renders its TeX into the box. An update that leaves the formula as it was
 * (the reader changed something else) writes nothing, and recent renderings are remembered, since a reader stepping
 * back and forth revisits them: KaTeX and the HTML it produces were most of an update's cost.
 */
import katex from 'katex';
import { KATEX_OPTIONS } from './katex-options';
import type { FormulaView } from './view';

const recent = new Map<string, string>();
const REMEMBERED = 64;

export function showFormula(target: HTMLElement, formula: FormulaView): void {
	for (const [key, value] of Object.entries(formula.data ?? {})) target.dataset[key] = value;
	// The server-rendered frame carries its TeX in data-tex too, so an unchanged first formula is not re-rendered.
	if (target.dataset.tex === formula.tex) return;
	let html = recent.get(formula.tex);
	if (html === undefined) {
		html = katex.renderToString(formula.tex, KATEX_OPTIONS);
		recent.set(formula.tex, html);
		if (recent.size > REMEMBERED) recent.delete(recent.keys().next().value!);
	}
	target.innerHTML = html;
	target.dataset.tex = formula.tex;
}
