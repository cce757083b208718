#!/usr/bin/env node
/**
 * Fails the build when a page of the built site links to a page or an anchor that does not exist.
 * It reads the HTML in dist/, so it also checks links that components generate (citations, cards), not only
 * the Markdown links. (starlight-links-validator assumes chapters live in src/content/docs; ours live in content/.)
 * Links are checked as served under the base path (BASE_PATH, as the build had it): a link that leaves it is broken.
 * Usage: [BASE_PATH=/dl/] node scripts/check-links.mjs [distDir]
 */
import { readdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { findBrokenLinks } from '../src/lib/site/link-check.mjs';
import { deployment } from '../src/lib/site/deployment.mjs';

const dist = process.argv[2] ?? 'dist';
const { base } = deployment(process.env);

/** @param {string} dir @returns {AsyncGenerator<string>} */
async function* htmlFiles(dir) {
	for (const entry of await readdir(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) yield* htmlFiles(path);
		else if (entry.name.endsWith('.html')) yield path;
	}
}

/** @type {Map<string, string>} route with the base in front (“/dl/en/tutorial/faq/”) → html */
const pages = new Map();
for await (const file of htmlFiles(dist)) {
	const route =
		base +
		relative(dist, file)
			.split('\\')
			.join('/')
			.replace(/index\.html$/, '')
			.replace(/\.html$/, '');
	pages.set(route, await readFile(file, 'utf8'));
}
const broken = findBrokenLinks(pages, (path) => path.startsWith(base) && existsSync(join(dist, decodeURI(path.slice(base.length)))));
for (const { page, href, reason } of broken) console.error(`${page}: broken link ${href} (${reason})`);
if (broken.length) {
	console.error(`\n${broken.length} broken internal link(s) in ${pages.size} pages.`);
	process.exit(1);
}
console.log(`Internal links: all valid across ${pages.size} pages.`);
