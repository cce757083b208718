import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';

export const LOCALES = ['zh-cn', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export interface SitePage {
	locale: Locale;
	/** Route from the site's root, e.g. `/en/tutorial/faq/` (under a sub-path the page is at `/dl/en/tutorial/faq/`). */
	path: string;
	/** The route relative to the base URL, for `page.goto` (`en/tutorial/faq/`): right at the root and under a sub-path. */
	url: string;
	title: string;
	/** Frontmatter `sidebar.order`, for prev/next. */
	order: number;
	/** Explicit heading ids (`\{#id\}`) in the source, in order. */
	headingIds: string[];
	/** Whether the source contains maths. */
	hasMath: boolean;
}

/** Every page of the site, read from content/ so a new chapter is tested without editing the tests. */
export function sitePages(): SitePage[] {
	const pages: SitePage[] = [];
	for (const locale of LOCALES) {
		const dirs = [join('content', locale), join('content', locale, 'tutorial')];
		for (const dir of dirs) {
			for (const name of readdirSync(dir).filter((n) => /\.mdx?$/.test(n))) {
				const source = readFileSync(join(dir, name), 'utf8');
				const frontmatter = source.match(/^---\n([\s\S]*?)\n---/)?.[1] ?? '';
				const slug = name.replace(/\.mdx?$/, '');
				const sub = dir.endsWith('tutorial') ? 'tutorial/' : '';
				const url = `${locale}/${sub}${slug === 'index' ? '' : slug + '/'}`;
				pages.push({
					locale,
					path: `/${url}`,
					url,
					title: (frontmatter.match(/^title:\s*(.+)$/m)?.[1] ?? '').trim().replace(/^['"]|['"]$/g, ''),
					order: Number(frontmatter.match(/^\s+order:\s*(\d+)/m)?.[1] ?? 0),
					headingIds: [...source.matchAll(/^#{2,3} .*\\\{#([a-z0-9-]+)\\\}\s*$/gm)].map((m) => m[1]!),
					hasMath: /\$[^$\s][^$]*\$|\$\$/.test(source.replace(/```[\s\S]*?```/g, '')),
				});
			}
		}
	}
	return pages;
}

/** The chapters of one locale in reading order. */
export function chapters(locale: Locale): SitePage[] {
	return sitePages()
		.filter((p) => p.locale === locale && p.path.includes('/tutorial/'))
		.sort((a, b) => a.order - b.order);
}

/**
 * A route from the site's root (`/en/tutorial/faq/`) as the site links to it, under the project's base path
 * (`/dl/en/tutorial/faq/` in the sub-path project): what `href` attributes hold.
 */
export function hrefOf(route: string, baseURL: string | undefined): string {
	return new URL(baseURL!).pathname + route.replace(/^\//, '');
}

/**
 * Every test fails if the page logged a console error, threw an uncaught exception,
 * or sent a request to another origin (the site must serve everything itself).
 */
export const test = base.extend<{ pageProblems: string[] }>({
	pageProblems: [
		async ({ page, baseURL }, use) => {
			const problems: string[] = [];
			const origin = new URL(baseURL!).origin;
			page.on('console', (msg) => {
				// Failed loads are reported with their URL by the response handler below.
				if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) problems.push(`console error: ${msg.text()}`);
			});
			page.on('response', (response) => {
				const expected404 = response.request().isNavigationRequest() && test.info().title.includes('404');
				if (response.status() >= 400 && !expected404) problems.push(`HTTP ${response.status()} for ${response.url()}`);
			});
			page.on('pageerror', (error) => problems.push(`uncaught exception: ${error.message}`));
			page.on('request', (request) => {
				const url = new URL(request.url());
				if (url.protocol.startsWith('http') && url.origin !== origin) problems.push(`request to another origin: ${url}`);
			});
			await use(problems);
			expect(problems, 'console errors, uncaught exceptions or foreign requests').toEqual([]);
		},
		{ auto: true },
	],
});

export { expect };
