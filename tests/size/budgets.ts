import { readFileSync, writeFileSync } from 'node:fs';
import { ASSETS, type Asset, type PageSize } from './page-sizes.ts';

/**
 * Size budgets (tests/size/budgets.json): gzip bytes of HTML, CSS and JavaScript before any interaction, per
 * kind of page. A kind is a route pattern in which `*` stands for one whole path segment (the locale, usually: one
 * pattern covers a chapter in every language); a page takes the matching pattern with the fewest `*`.
 */

export const BUDGETS_FILE = 'tests/size/budgets.json';

export type Budget = Record<Asset, number>;

export interface Budgets {
	/** Pattern → ceilings in gzip bytes. */
	pages: Record<string, Budget>;
}

export function readBudgets(file = BUDGETS_FILE): Budgets {
	const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
	const pages = (parsed as Partial<Budgets> | null)?.pages;
	if (typeof pages !== 'object' || pages === null) throw new Error(`${file}: expected { "pages": { "<route pattern>": { "html", "css", "js" } } }`);
	for (const [pattern, budget] of Object.entries(pages))
		for (const asset of ASSETS)
			if (!Number.isFinite(budget?.[asset]))
				throw new Error(`${file}: "${pattern}" needs a number of gzip bytes for "${asset}", got ${JSON.stringify(budget?.[asset])}`);
	return { pages };
}

/** The room a re-measured budget leaves above the size measured. */
export const MARGIN = 0.03;

const COMMENT =
	'Ceilings in gzip bytes per page before any interaction (HTML; linked CSS; module scripts and their static imports, not lazily imported chunks), ' +
	`set from measured sizes plus ${MARGIN * 100} %, rounded up to 100 bytes. A pattern covers the pages whose route it matches, * matching one path segment (the locale). ` +
	'Checked by tests/e2e/size-budgets.spec.ts. `npm run bench -- --only sizes` prints the sizes next to these; `-- --only sizes --set-budgets` rewrites them from the build in dist/: ' +
	'do that in the commit that changes the sizes, and say why there.';

/**
 * Budgets re-measured from `sizes`: each pattern's ceiling is the largest size among its pages plus MARGIN, rounded up
 * to 100 bytes. A page that no pattern covers (a new chapter) gets one: its route with the locale as `*`. Lower sizes
 * lower the ceilings, so a gain stays.
 */
export function remeasuredBudgets(sizes: PageSize[], budgets: Budgets): Budgets {
	const pages: Record<string, Budget> = {};
	for (const size of sizes) {
		const budget = (pages[kindOf(size.route, budgets) ?? everyLocale(size.route)] ??= { html: 0, css: 0, js: 0 });
		for (const asset of ASSETS) budget[asset] = Math.max(budget[asset], Math.ceil((size[asset] * (1 + MARGIN)) / 100) * 100);
	}
	return { pages };
}

/** The route with its first segment as `*`: on this site every page in a folder starts with its locale (`/404.html` does not). */
function everyLocale(route: string): string {
	return route.endsWith('/') && route !== '/' ? route.replace(/^\/[^/]+\//, '/*/') : route;
}

/** Writes the budgets file: one line per pattern, so that a change of budget is a one-line diff. */
export function writeBudgets(budgets: Budgets, file = BUDGETS_FILE): void {
	const lines = Object.entries(budgets.pages).map(([pattern, b]) => `\t\t${JSON.stringify(pattern)}: { "html": ${b.html}, "css": ${b.css}, "js": ${b.js} }`);
	writeFileSync(file, `{\n\t"$comment": ${JSON.stringify(COMMENT)},\n\t"pages": {\n${lines.join(',\n')}\n\t}\n}\n`);
}

/** The budget pattern that covers `route`, or undefined. */
export function kindOf(route: string, budgets: Budgets): string | undefined {
	const wildcards = (pattern: string) => pattern.split('/').filter((s) => s === '*').length;
	return Object.keys(budgets.pages)
		.filter((pattern) => matches(pattern, route))
		.sort((a, b) => wildcards(a) - wildcards(b))[0];
}

function matches(pattern: string, route: string): boolean {
	const want = pattern.split('/');
	const have = route.split('/');
	return want.length === have.length && want.every((segment, i) => segment === '*' || segment === have[i]);
}

/** What is wrong with a page's size, one sentence per asset over budget; empty when it is within its budget. */
export function overBudget(size: PageSize, budgets: Budgets): string[] {
	const kind = kindOf(size.route, budgets);
	if (kind === undefined) return [`${size.route} has no size budget (measured ${describe(size)}): add a pattern that covers it to ${BUDGETS_FILE}`];
	const budget = budgets.pages[kind] as Budget;
	return ASSETS.filter((asset) => size[asset] > budget[asset]).map(
		(asset) =>
			`${asset.toUpperCase()} of ${size.route} is ${kB(size[asset])} gzip, over its budget of ${kB(budget[asset])} ("${kind}" in ${BUDGETS_FILE}) by ${kB(size[asset] - budget[asset])}` +
			(asset === 'js' ? `; scripts loaded on open: ${size.files.js.join(', ')}` : asset === 'css' ? `; stylesheets: ${size.files.css.join(', ')}` : ''),
	);
}

/** Patterns that no built page uses (a chapter renamed or removed): stale budgets hide nothing but mislead. */
export function unusedBudgets(routes: string[], budgets: Budgets): string[] {
	const used = new Set(routes.map((route) => kindOf(route, budgets)));
	return Object.keys(budgets.pages).filter((pattern) => !used.has(pattern));
}

/** A Markdown table: each page's sizes next to its budgets. */
export function sizeTable(sizes: PageSize[], budgets: Budgets): string {
	const cell = (size: PageSize, asset: Asset) => {
		const kind = kindOf(size.route, budgets);
		const budget = kind === undefined ? undefined : budgets.pages[kind]?.[asset];
		const mark = budget !== undefined && size[asset] > budget ? ' **over**' : '';
		return `${number(size[asset])} / ${budget === undefined ? '—' : number(budget)}${mark}`;
	};
	return [
		'| page | budget pattern | HTML kB gzip (measured / budget) | CSS kB | JS kB before interaction | JS files |',
		'|---|---|---|---|---|---|',
		...sizes.map(
			(size) =>
				`| ${size.route} | ${kindOf(size.route, budgets) ?? 'none'} | ${cell(size, 'html')} | ${cell(size, 'css')} | ${cell(size, 'js')} | ${size.files.js.length} |`,
		),
	].join('\n');
}

const describe = (size: PageSize) => ASSETS.map((asset) => `${asset} ${kB(size[asset])}`).join(', ');
const number = (bytes: number) => (bytes / 1024).toFixed(1);
const kB = (bytes: number) => `${number(bytes)} kB`;
