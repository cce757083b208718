#!/usr/bin/env node
/**
 * Scaffolds a chapter in both locales:  npm run new:chapter -- <slug> "<title>" ["<English title>"]
 * Writes content/zh-cn/tutorial/<slug>.mdx and content/en/tutorial/<slug>.mdx, ordered after the existing chapters.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [slug, title, englishTitle = title] = process.argv.slice(2);
if (!slug || !title) {
	console.error('Usage: npm run new:chapter -- <slug> "<title>" ["<English title>"]');
	process.exit(2);
}
if (!/^[a-z0-9][a-z0-9-]*$/.test(slug)) {
	console.error(`The slug "${slug}" must be lower-case letters, digits and "-" (it becomes the URL).`);
	process.exit(2);
}
const locales = { 'zh-cn': title, en: englishTitle };
const targets = Object.keys(locales).map((locale) => join('content', locale, 'tutorial', `${slug}.mdx`));
const existing = targets.filter((t) => existsSync(t));
if (existing.length) {
	console.error(`Not overwriting: ${existing.join(', ')} already exist(s).`);
	process.exit(1);
}
// Place the new chapter after every existing one (contributors can then change `sidebar.order`).
const orders = readdirSync(join('content', 'en', 'tutorial'))
	.map((name) => readFileSync(join('content', 'en', 'tutorial', name), 'utf8').match(/^\s+order:\s*(\d+)/m)?.[1])
	.map(Number)
	.filter(Number.isFinite);
const order = Math.max(0, ...orders) + 1;

for (const [locale, pageTitle] of Object.entries(locales)) {
	const intro = locale === 'en' ? 'Write the introduction here.' : '在这里写引言。';
	const heading = locale === 'en' ? 'First section' : '第一节';
	const body = `---
title: ${JSON.stringify(pageTitle)}
description: ${JSON.stringify(locale === 'en' ? 'One sentence on what this chapter teaches.' : '用一句话说明本章教什么。')}
sidebar:
  order: ${order}
sources: []
---
import Cite from '@components/Cite.astro';

${intro}

## ${heading} \\{#first-section\\}

$$
y = Wx + b
$$
`;
	const file = join('content', locale, 'tutorial', `${slug}.mdx`);
	writeFileSync(file, body);
	console.log(`created ${file}`);
}
console.log('Preview with `npm run dev`, check with `node scripts/check-mdx.mjs <file>`, test with `npm test`.');
// Without a budget the size test fails on the new pages (on purpose: every page's weight is a decision).
console.log('Give it a size budget: `npm run build && npm run bench -- --only sizes --set-budgets` adds it to tests/size/budgets.json.');
