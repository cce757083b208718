/**
 * Gives each display formula and each Markdown table that overflows its column a tab stop (formulas also a name; a
 * table keeps its own semantics), and takes them away again when a wider window makes it fit, so keyboard users can
 * scroll it (WCAG 2.1.1). At 390 px the chapters' parameter and comparison tables scroll sideways.
 */
export function markScrollableFormulas(root: Document, label: string): void {
	const update = () => {
		markOverflowing(root, label);
		markOverflowingTables(root);
	};
	update();
	new ResizeObserver(update).observe(root.documentElement);
}

/** Starlight's Markdown tables (display: block; overflow: auto), not those of widgets, which have their own scroll region. */
const MARKDOWN_TABLES = '.sl-markdown-content table:not(.not-content table)';

export function markOverflowingTables(root: ParentNode): void {
	const tables = [...root.querySelectorAll<HTMLTableElement>(MARKDOWN_TABLES)];
	const overflowing = tables.map((table) => table.scrollWidth > table.clientWidth + 1);
	tables.forEach((table, i) => {
		// Written only when it changes: a write invalidates the layout the next measurement needs.
		if (overflowing[i] && !table.hasAttribute('tabindex')) table.tabIndex = 0;
		else if (!overflowing[i] && table.hasAttribute('tabindex')) table.removeAttribute('tabindex');
	});
}

/** The label for a scrollable formula in the page's language. */
export function scrollableFormulaLabel(): string {
	return document.documentElement.lang.startsWith('zh') ? '公式（可横向滚动）' : 'Formula (scrolls sideways)';
}

/**
 * One pass over the display formulas under `root` (widgets call it after re-rendering a formula). All measurements
 * come first, then all changes: interleaving them would make the browser lay the page out again for every formula.
 */
export function markOverflowing(root: ParentNode, label: string = scrollableFormulaLabel()): void {
	const formulas = [...root.querySelectorAll<HTMLElement>('.katex-display')];
	const overflowing = formulas.map((formula) => formula.scrollWidth > formula.clientWidth + 1);
	formulas.forEach((formula, i) => {
		if (overflowing[i] && !formula.hasAttribute('tabindex')) {
			formula.tabIndex = 0;
			formula.setAttribute('role', 'region');
			formula.setAttribute('aria-label', label);
		} else if (!overflowing[i] && formula.getAttribute('role') === 'region') {
			formula.removeAttribute('tabindex');
			formula.removeAttribute('role');
			formula.removeAttribute('aria-label');
		}
	});
}
