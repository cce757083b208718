/**
 * Starlight route middleware: the home pages' hero buttons link with the site's base path in front. Frontmatter links
 * are written from the site's root (`link: /en/tutorial/background/`), like the chapters' Markdown links, which
 * src/lib/markdown/rehype-base-links.mjs prefixes; frontmatter is not Markdown, so its links are prefixed here.
 */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { sitePath } from './lib/site/base-path';

const rootRelative = (link: string) => link.startsWith('/') && !link.startsWith('//');

export const onRequest = defineRouteMiddleware((context) => {
	const route = context.locals.starlightRoute;
	const hero = route.entry.data.hero;
	if (!hero?.actions.some((action) => rootRelative(action.link))) return;
	// A copy for this page: the collection's entry is shared, and prefixing it in place would prefix twice.
	const actions = hero.actions.map((action) => (rootRelative(action.link) ? { ...action, link: sitePath(action.link) } : action));
	route.entry = { ...route.entry, data: { ...route.entry.data, hero: { ...hero, actions } } };
});
