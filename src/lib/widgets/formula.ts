/**
 * Shows a widget's live formula: KaTeX-renders `tex` into `target`. An update that leaves the formula as it was
 * (the reader changed something else) writes nothing, and recent renderings are remembered, since a reader stepping
 * back and forth revisits them: KaTeX and the HTML it produces were most of an update's cost.
 */
import katex from 'katex';

const shown = new WeakMap<HTMLElement, string>();
const recent = new Map<string, string>();
const REMEMBERED = 64;

export function showFormula(target: HTMLElement, tex: string): void {
	if (shown.get(target) === tex) return;
	let html = recent.get(tex);
	if (html === undefined) {
		html = katex.renderToString(tex, { displayMode: true, throwOnError: false });
		recent.set(tex, html);
		if (recent.size > REMEMBERED) recent.delete(recent.keys().next().value!);
	}
	target.innerHTML = html;
	shown.set(target, tex);
}
