import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { eagerAssets } from './eager-assets.ts';

/**
 * Gzip bytes of each built page before any interaction: its HTML, its stylesheets and the JavaScript it loads on
 * open (tests/size/eager-assets.ts says which). Used by the size-budget test (tests/e2e/size-budgets.spec.ts) and by
 * `npm run bench`, so both report the same numbers.
 */

export interface PageSize {
	/** The page's path on the site: `/en/tutorial/faq/`, `/404.html`. */
	route: string;
	html: number;
	css: number;
	js: number;
	/** Site paths of the stylesheets and scripts counted. */
	files: { css: string[]; js: string[] };
}

export type Asset = 'html' | 'css' | 'js';
export const ASSETS: readonly Asset[] = ['html', 'css', 'js'];

/** Every page of the built site in `dist`, as routes, sorted. */
export function builtRoutes(dist: string): string[] {
	if (!existsSync(join(dist, 'index.html'))) throw new Error(`no built site in ${dist}/: run \`npm run build\` first`);
	return htmlFiles(dist)
		.map((file) => routeOf(relative(dist, file)))
		.sort();
}

/**
 * Measures one page. `gzipped` can be shared between calls: many pages load the same files.
 * Gzip at zlib's default level (6), what static servers commonly use.
 */
export function measurePage(dist: string, route: string, gzipped = new Map<string, number>()): PageSize {
	const html = read(dist, fileOf(route));
	if (html === undefined) throw new Error(`no built page for ${route} in ${dist}/: run \`npm run build\` first`);
	const files = eagerAssets(html.toString('utf8'), route, (path) => read(dist, path)?.toString('utf8'));
	const size = (path: string) => {
		let bytes = gzipped.get(path);
		if (bytes === undefined) gzipped.set(path, (bytes = gzipSync(read(dist, path) ?? '').length));
		return bytes;
	};
	const total = (paths: string[]) => paths.reduce((sum, path) => sum + size(path), 0);
	return { route, html: gzipSync(html).length, css: total(files.css), js: total(files.js), files };
}

/** Every page of the built site, measured. */
export function measureSite(dist: string): PageSize[] {
	const gzipped = new Map<string, number>();
	return builtRoutes(dist).map((route) => measurePage(dist, route, gzipped));
}

/** `en/tutorial/faq/index.html` → `/en/tutorial/faq/`; `404.html` → `/404.html`. */
function routeOf(file: string): string {
	const path = `/${file.split(sep).join('/')}`;
	return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

function fileOf(route: string): string {
	return route.endsWith('/') ? `${route}index.html` : route;
}

function read(dist: string, sitePath: string): Buffer | undefined {
	const file = join(dist, ...decodeURIComponent(sitePath).split('/'));
	try {
		return readFileSync(file);
	} catch {
		return undefined;
	}
}

function htmlFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return htmlFiles(path);
		return name.endsWith('.html') ? [path] : [];
	});
}
