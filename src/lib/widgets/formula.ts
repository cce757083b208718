/**
 * Shows a widget's live formula: KaTeX renders its TeX into the box. An update that leaves the formula as it was
 * writes nothing. Formulas shown before are kept as DOM (the last REMEMBERED per box) and moved back in when the
 * reader returns to them: a reader stepping back and forth revisits them, and re-parsing KaTeX's HTML for a large
 * formula (the LSTM step: thousands of elements) cost more than the rest of the update.
 */
import type Katex from 'katex';
import { KATEX_OPTIONS } from './katex-options';

let katex: typeof Katex | undefined;

/**
 * KaTeX (~80 kB gzip) is loaded with tfjs when a widget hydrates, not with the page: the first frame's formulas are
 * rendered on the server, so nothing needs it before the reader changes something.
 */
export async function loadFormulaRenderer(): Promise<void> {
	katex ??= (await import('katex')).default;
}
import type { FormulaView } from './view';

const REMEMBERED = 64;
const kept = new WeakMap<HTMLElement, Map<string, Element>>();

function cacheOf(target: HTMLElement): Map<string, Element> {
	let cache = kept.get(target);
	if (!cache) kept.set(target, (cache = new Map()));
	return cache;
}

function render(tex: string): Element {
	if (!katex) throw new Error('showFormula: loadFormulaRenderer() has not finished');
	const scratch = document.createElement('div');
	katex.render(tex, scratch, KATEX_OPTIONS);
	return scratch.firstElementChild!;
}

function remember(cache: Map<string, Element>, tex: string, rendered: Element) {
	cache.delete(tex); // re-inserted last: the least recently shown formula is forgotten first
	cache.set(tex, rendered);
	if (cache.size > REMEMBERED) cache.delete(cache.keys().next().value!);
}

export function showFormula(target: HTMLElement, formula: FormulaView): void {
	for (const [key, value] of Object.entries(formula.data ?? {})) target.dataset[key] = value;
	// The server-rendered frame carries its TeX in data-tex too, so an unchanged first formula is not re-rendered.
	const shown = target.dataset.tex;
	if (shown === formula.tex) return;
	const cache = cacheOf(target);
	const current = target.firstElementChild;
	if (shown !== undefined && current) remember(cache, shown, current);
	const next = cache.get(formula.tex) ?? render(formula.tex);
	cache.delete(formula.tex);
	target.replaceChildren(next);
	target.dataset.tex = formula.tex;
}

/**
 * Renders a formula the reader is likely to ask for next (the next step, the next window position) into the box's
 * memory without showing it; called while the page is idle, so that the step itself only moves it in.
 */
export function prepareFormula(target: HTMLElement, tex: string): void {
	const cache = cacheOf(target);
	if (target.dataset.tex === tex || cache.has(tex)) return;
	remember(cache, tex, render(tex));
}
