/**
 * Gives each display formula that overflows its column a tab stop and a name (and takes them away again when
 * a wider window makes it fit), so keyboard users can scroll it.
 */
export function markScrollableFormulas(root: Document, label: string): void {
	const update = () => {
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
	};
	update();
	new ResizeObserver(update).observe(root.documentElement);
}
