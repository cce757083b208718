import { parse } from 'acorn';

/**
 * What a built page makes the browser fetch as soon as it opens, read from its HTML and the JavaScript it names:
 * stylesheets, and module scripts with everything they import statically. Dynamic `import()` (tfjs, the code editor,
 * Pagefind's UI) and workers are left out on purpose: they load when a reader scrolls a widget into view or
 * interacts, so they are not part of a page's cost before any interaction. One dynamic import does run on open:
 * Starlight's search imports Pagefind's UI when the browser is idle (about 25 kB gzip, the same on every page), and it
 * is not counted either. Otherwise this list matched what Chromium fetched on opening the home page, the FAQ, the code
 * and the algorithms chapters (1280 × 400 viewport, December 2026).
 *
 * Pure: files are read through `read`, so the unit tests need no built site (tests/unit/page-size.test.ts).
 */

export interface EagerAssets {
	/** Site paths (`/_astro/x.css`) of the stylesheets, in document order. */
	css: string[];
	/** Site paths of the scripts: those the HTML names, then what they import statically, each once. */
	js: string[];
}

/** Reads a site path (`/_astro/x.js`); undefined when the built site has no such file. */
export type ReadSitePath = (path: string) => string | undefined;

const TAG_ATTRIBUTES = /([^\s=/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const LINK = /<link\b([^>]*)>/gi;
// Any origin will do: it only turns relative specifiers into site paths, and tells other origins apart.
const ORIGIN = 'https://site.invalid';

export function eagerAssets(html: string, pagePath: string, read: ReadSitePath): EagerAssets {
	const css: string[] = [];
	const roots: string[] = [];
	const inlineImports: string[] = [];
	for (const [, attributeText = '', body = ''] of html.matchAll(SCRIPT)) {
		const attributes = parseAttributes(attributeText);
		const type = (attributes.get('type') ?? '').toLowerCase();
		const isModule = type === 'module';
		if (!isModule && type !== '' && type !== 'text/javascript') continue; // JSON data, not code
		const src = attributes.get('src');
		if (src !== undefined) roots.push(sitePath(src, pagePath));
		// An inline script's own bytes are part of the HTML; what it imports is not.
		else if (isModule) inlineImports.push(...staticImports(body, pagePath, `an inline script of ${pagePath}`));
	}
	for (const [, attributeText = ''] of html.matchAll(LINK)) {
		const attributes = parseAttributes(attributeText);
		const rel = (attributes.get('rel') ?? '').toLowerCase().split(/\s+/);
		const href = attributes.get('href');
		if (href === undefined) continue;
		if (rel.includes('stylesheet')) css.push(sitePath(href, pagePath));
		else if (rel.includes('modulepreload') || (rel.includes('preload') && attributes.get('as') === 'script')) roots.push(sitePath(href, pagePath));
	}
	return { css: unique(css), js: moduleGraph([...roots, ...inlineImports], pagePath, read) };
}

/** The modules `roots` load before running, each once: a depth-first walk over static imports. */
function moduleGraph(roots: string[], pagePath: string, read: ReadSitePath): string[] {
	const seen = new Set<string>();
	const visit = (path: string, from: string) => {
		if (seen.has(path)) return;
		const code = read(path);
		if (code === undefined) throw new Error(`${from} loads ${path}, which is not in the built site`);
		seen.add(path);
		for (const imported of staticImports(code, path, path)) visit(imported, path);
	};
	for (const root of roots) visit(root, pagePath);
	return [...seen];
}

/** Site paths of a module's `import … from`, `import '…'` and `export … from` (never `import()`). */
export function staticImports(code: string, modulePath: string, name: string): string[] {
	let program;
	try {
		program = parse(code, { ecmaVersion: 'latest', sourceType: 'module' });
	} catch (error) {
		throw new Error(`cannot parse ${name} as a JavaScript module: ${(error as Error).message}`, { cause: error });
	}
	const specifiers: string[] = [];
	// Static imports and re-exports can only stand at the top level of a module.
	for (const node of program.body) {
		if ((node.type === 'ImportDeclaration' || node.type === 'ExportAllDeclaration' || node.type === 'ExportNamedDeclaration') && node.source) {
			specifiers.push(String(node.source.value));
		}
	}
	return specifiers.map((specifier) => sitePath(specifier, modulePath));
}

function sitePath(reference: string, fromPath: string): string {
	const url = new URL(reference.replaceAll('&amp;', '&'), new URL(fromPath, ORIGIN));
	// The Content-Security-Policy (astro.config.mjs) would block another origin anyway: say so instead of guessing.
	if (url.origin !== ORIGIN) throw new Error(`${fromPath} loads ${reference} from another origin; expected a path on this site`);
	return url.pathname;
}

function parseAttributes(text: string): Map<string, string> {
	const attributes = new Map<string, string>();
	for (const [, name = '', double, single, bare] of text.matchAll(TAG_ATTRIBUTES)) attributes.set(name.toLowerCase(), double ?? single ?? bare ?? '');
	return attributes;
}

const unique = (items: string[]) => [...new Set(items)];
