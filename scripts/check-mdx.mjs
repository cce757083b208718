#!/usr/bin/env node
/**
 * Fast check of chapter files without a full site build: compiles each MDX file with the same maths pipeline as
 * the site (remark-math + KaTeX with throwOnError) and reports parse errors, KaTeX errors and headings without an
 * explicit `\{#id\}`.
 *
 * Usage: node scripts/check-mdx.mjs                  checks every page, content/<locale>/**\/*.mdx
 *        node scripts/check-mdx.mjs FILE [FILE ...]  checks only the files named
 * Paths are relative to the working directory (run it from the repository root). It prints one line per file and a
 * summary naming how many files it checked; the exit status is 1 if any file failed or there was nothing to check.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { compile } from '@mdx-js/mdx';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { rehypeFailOnKatexError } from '../src/lib/markdown/rehype-fail-on-katex-error.mjs';

/** Every `.mdx` file at least one folder below `content/` (the locale folders), sorted, with `/` separators. */
async function allPages(root = 'content') {
	let entries;
	try {
		entries = await readdir(root, { recursive: true });
	} catch {
		return [];
	}
	return entries
		.filter((entry) => entry.endsWith('.mdx') && entry.includes(sep))
		.map((entry) => join(root, entry).split(sep).join('/'))
		.sort();
}

/**
 * Compiles one file; returns an error message, or null when the file is fine.
 * @param {string} path
 * @returns {Promise<string | null>}
 */
async function check(path) {
	try {
		const source = await readFile(path, 'utf8');
		// Frontmatter is YAML, not MDX: blank it out (keeping line numbers) before compiling.
		const body = source.replace(/^---\n[\s\S]*?\n---\n/, (fm) => fm.replace(/[^\n]/g, ''));
		await compile(
			{ path, value: body },
			{
				remarkPlugins: [remarkMath],
				rehypePlugins: [[rehypeKatex, { strict: 'error' }], rehypeFailOnKatexError],
			},
		);
		const bare = source.split('\n').filter((line) => /^#{2,4} /.test(line) && !/\\\{#[a-z0-9-]+\\\}\s*$/.test(line));
		return bare.length ? `headings without an explicit \\{#id\\}:\n  ${bare.join('\n  ')}` : null;
	} catch (error) {
		return error instanceof Error ? error.message : String(error);
	}
}

const named = process.argv.slice(2);
const paths = named.length ? named : await allPages();
if (!paths.length) {
	console.error('check-mdx: no .mdx files found under content/*/ (run it from the repository root, or name the files).');
	process.exit(1);
}

let failed = 0;
for (const path of paths) {
	const problem = await check(path);
	if (problem) {
		failed++;
		console.error(`${path}: ${problem}`);
	} else console.log(`${path}: ok`);
}
const what = named.length ? 'named' : 'under content/*/';
const summary = `check-mdx: checked ${paths.length} MDX file${paths.length === 1 ? '' : 's'} ${what}: ${paths.length - failed} ok, ${failed} failed.`;
if (failed) console.error(summary);
else console.log(summary);
process.exit(failed ? 1 : 0);
