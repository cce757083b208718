#!/usr/bin/env node
/**
 * Fast check of chapter files without a full site build: compiles each MDX file with the same maths pipeline as
 * the site (remark-math + KaTeX with throwOnError) and reports parse errors, KaTeX errors and headings without an
 * explicit `\{#id\}`. Usage: node scripts/check-mdx.mjs content/en/tutorial/algorithms.mdx [...more files]
 */
import { readFile } from 'node:fs/promises';
import { compile } from '@mdx-js/mdx';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { rehypeFailOnKatexError } from '../src/lib/markdown/rehype-fail-on-katex-error.mjs';

let failed = 0;
for (const path of process.argv.slice(2)) {
	const source = await readFile(path, 'utf8');
	try {
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
		if (bare.length) {
			failed++;
			console.error(`${path}: headings without an explicit \\{#id\\}:\n  ${bare.join('\n  ')}`);
		} else console.log(`${path}: ok`);
	} catch (error) {
		failed++;
		console.error(`${path}: ${error instanceof Error ? error.message : error}`);
	}
}
process.exit(failed ? 1 : 0);
