/**
 * Puts the site's base path in front of the root-relative links that chapters write (`[part 3](/en/tutorial/algorithms/)`),
 * so a chapter reads the same whether the site is served at a domain's root or under a sub-path (`BASE_PATH=/dl/`).
 * Authors keep writing links from the site's root; Astro's `base` option does the same for the pages' own assets.
 * Protocol-relative links (`//host/…`) and links that already start with the base are left alone.
 */
import { visit } from 'unist-util-visit';

/** @param {{ base?: string }} [options] `base` as Astro's config has it (`/`, `/dl/` or `/dl`). */
export function rehypeBaseLinks({ base = '/' } = {}) {
	const prefix = base.replace(/\/+$/, '');
	/** @param {import('hast').Root} tree */
	return (tree) => {
		if (!prefix) return;
		visit(tree, 'element', (element) => {
			for (const name of ['href', 'src']) {
				const value = element.properties?.[name];
				if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//')) continue;
				if (value === prefix || value.startsWith(`${prefix}/`)) continue;
				element.properties[name] = prefix + value;
			}
		});
	};
}
