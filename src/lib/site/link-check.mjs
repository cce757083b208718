/**
 * Internal link checking over built HTML, kept free of file-system access so it can be unit-tested.
 * A link is internal when it starts with “/” (the site's links are root-relative and locale-prefixed), with “#”, or
 * has no scheme (a relative link such as a home page's `tutorial/background/`, resolved against its page).
 */

const HREF = /<a\b[^>]*?\shref="([^"]*)"/g;
const ID = /\sid="([^"]*)"/g;
// Each pattern's one group always takes part in a match: `m[1] ?? ''` below is for noUncheckedIndexedAccess only.

/** @param {string} html @returns {Set<string>} */
export function collectIds(html) {
	return new Set([...html.matchAll(ID)].map((m) => decodeEntities(m[1] ?? '')));
}

/** @param {string} html @returns {string[]} */
export function collectHrefs(html) {
	return [...html.matchAll(HREF)].map((m) => decodeEntities(m[1] ?? ''));
}

/** A relative href as a root-relative one, read from `page`; root-relative hrefs and bare anchors are kept. */
function resolve(/** @type {string} */ href, /** @type {string} */ page) {
	if (href.startsWith('/') || href.startsWith('#')) return href;
	const url = new URL(href, `http://site${page}`);
	return url.pathname + url.search + url.hash;
}

/** @param {string} s */
function decodeEntities(s) {
	// Named ones, and numeric ones in decimal or hex (the Markdown pipeline writes a link's “&” as &#x26;).
	return s
		.replaceAll('&amp;', '&')
		.replaceAll('&quot;', '"')
		.replace(/&#(x[0-9a-f]+|\d+);/gi, (_, code) => String.fromCodePoint(code[0].toLowerCase() === 'x' ? parseInt(code.slice(1), 16) : Number(code)));
}

/**
 * @param {Map<string, string>} pages route → html, routes ending in “/” for directory pages
 * @param {(path: string) => boolean} assetExists whether a non-page path (an image, a data file) is served
 * @returns {{ page: string, href: string, reason: string }[]}
 */
export function findBrokenLinks(pages, assetExists) {
	/** @type {Map<string, Set<string>>} */
	const idsByRoute = new Map();
	const idsOf = (/** @type {string} */ route) => {
		let ids = idsByRoute.get(route);
		if (!ids) idsByRoute.set(route, (ids = collectIds(pages.get(route) ?? '')));
		return ids;
	};
	const broken = [];
	for (const [page, html] of pages) {
		for (const href of collectHrefs(html)) {
			if (href.startsWith('//') || /^[a-z][a-z0-9+.-]*:/i.test(href)) continue;
			const [pathAndQuery, hash] = resolve(href, page).split('#', 2);
			const path = (pathAndQuery ?? '').split('?')[0] || page;
			const target = pages.has(path) ? path : pages.has(path + '/') ? path + '/' : undefined;
			if (!target) {
				if (!hash && assetExists(path)) continue;
				broken.push({ page, href, reason: 'no such page' });
				continue;
			}
			// “/en” and “/en/” both reach the page on any static server (Starlight's site title uses the former).
			if (hash && hash !== '_top' && !idsOf(target).has(decodeURIComponent(hash)))
				broken.push({ page, href, reason: `no element with id "${decodeURIComponent(hash)}" on ${target}` });
		}
	}
	return broken;
}
