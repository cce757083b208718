/**
 * Gives each display formula that overflows its column a tab stop and a name (and takes them away again when
 * a wider window makes it fit), so keyboard users can scroll it.
 */
export function markScrollableFormulas(root: Document, label: string): void {
	const update = () => markOverflowing(root, label);
	update();
	new ResizeObserver(update).observe(root.documentElement);
}

/** The label for a scrollable formula in the page's language. */
export function scrollableFormulaLabel(): string {
	return document.documentElement.lang.startsWith('zh') ? '公式（可横向滚动）' : 'Formula (scrolls sideways)';
}

/** One pass over the display formulas under `root` (widgets call it after re-rendering a formula). */
export function markOverflowing(root: ParentNode, label: string = scrollableFormulaLabel()): void {
	for (const formula of root.querySelectorAll<HTMLElement>('.katex-display')) {
		const overflows = formula.scrollWidth > formula.clientWidth + 1;
		if (overflows && !formula.hasAttribute('tabindex')) {
			formula.tabIndex = 0;
			formula.setAttribute('role', 'region');
			formula.setAttribute('aria-label', label);
		} else if (!overflows && formula.getAttribute('role') === 'region') {
			formula.removeAttribute('tabindex');
			formula.removeAttribute('role');
			formula.removeAttribute('aria-label');
		}
	}
}
