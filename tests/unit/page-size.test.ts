import { describe, expect, it } from 'vitest';
import { kindOf, overBudget, remeasuredBudgets, unusedBudgets, type Budgets } from '../size/budgets';
import { eagerAssets } from '../size/eager-assets';
import type { PageSize } from '../size/page-sizes';

/** A tiny built site: site path → file contents. */
const site = new Map([
	['/_astro/page.js', 'import{a}from"./shared.js";export*from"./reexported.js";import("./lazy.js");'],
	['/_astro/shared.js', 'import "./leaf.js"; export const a = 1;'],
	['/_astro/reexported.js', 'export const b = 2;'],
	['/_astro/leaf.js', 'new Worker(new URL("./worker.js", import.meta.url));'],
	['/_astro/inline-dep.js', 'export const c = 3;'],
	['/_astro/preloaded.js', 'export const d = 4;'],
	['/_astro/lazy.js', 'throw new Error("loaded lazily, never counted");'],
]);
const read = (path: string) => site.get(path);

describe('eagerAssets', () => {
	it('follows static imports and re-exports from module scripts, and leaves dynamic imports and workers out', () => {
		const html = `<link rel="stylesheet" href="/_astro/a.css"><link rel=stylesheet href="/_astro/print.css" media="print">
			<script type="module" src="/_astro/page.js"></script>
			<script type="module">import { c } from '/_astro/inline-dep.js'; console.log(c);</script>
			<script type="application/json">{"import": "not code"}</script>
			<link rel="modulepreload" href="../_astro/preloaded.js">`;
		expect(eagerAssets(html, '/en/', read)).toEqual({
			css: ['/_astro/a.css', '/_astro/print.css'],
			js: ['/_astro/page.js', '/_astro/shared.js', '/_astro/leaf.js', '/_astro/reexported.js', '/_astro/preloaded.js', '/_astro/inline-dep.js'],
		});
	});

	it('counts a module imported by two scripts once', () => {
		const html = '<script type="module" src="/_astro/page.js"></script><script type="module" src="/_astro/shared.js"></script>';
		expect(eagerAssets(html, '/', read).js).toEqual(['/_astro/page.js', '/_astro/shared.js', '/_astro/leaf.js', '/_astro/reexported.js']);
	});

	it('says which page loads a file that the build does not have', () => {
		expect(() => eagerAssets('<script type="module" src="/_astro/gone.js"></script>', '/en/faq/', read)).toThrow('/en/faq/ loads /_astro/gone.js');
	});
});

describe('budgets', () => {
	const budgets: Budgets = {
		pages: {
			'/*/tutorial/code/': { html: 100, css: 100, js: 100 },
			'/en/tutorial/code/': { html: 200, css: 200, js: 200 },
			'/*/': { html: 50, css: 50, js: 50 },
		},
	};
	const size = (route: string, js: number): PageSize => ({ route, html: 10, css: 10, js, files: { css: [], js: ['/_astro/x.js'] } });

	it('takes the most specific pattern', () => {
		expect(kindOf('/en/tutorial/code/', budgets)).toBe('/en/tutorial/code/');
		expect(kindOf('/zh-cn/tutorial/code/', budgets)).toBe('/*/tutorial/code/');
		expect(kindOf('/zh-cn/', budgets)).toBe('/*/');
		expect(kindOf('/zh-cn/tutorial/faq/', budgets)).toBeUndefined();
	});

	it('reports what is over budget, by how much, and a page without a budget', () => {
		expect(overBudget(size('/zh-cn/tutorial/code/', 100), budgets)).toEqual([]);
		expect(overBudget(size('/zh-cn/tutorial/code/', 1124), budgets)).toEqual([
			'JS of /zh-cn/tutorial/code/ is 1.1 kB gzip, over its budget of 0.1 kB ("/*/tutorial/code/" in tests/size/budgets.json) by 1.0 kB; scripts loaded on open: /_astro/x.js',
		]);
		expect(overBudget(size('/zh-cn/tutorial/faq/', 1), budgets)[0]).toMatch(/^\/zh-cn\/tutorial\/faq\/ has no size budget/);
	});

	it('re-measures: the largest page of each pattern plus 3 %, rounded up to 100 bytes; new pages get a pattern', () => {
		const sizes = [
			size('/en/tutorial/code/', 1000),
			size('/zh-cn/tutorial/code/', 2000),
			size('/ja/tutorial/code/', 1900),
			size('/en/tutorial/new/', 300),
			size('/zh-cn/tutorial/new/', 400),
			size('/404.html', 5),
		];
		expect(remeasuredBudgets(sizes, budgets).pages).toEqual({
			'/en/tutorial/code/': { html: 100, css: 100, js: 1100 },
			'/*/tutorial/code/': { html: 100, css: 100, js: 2100 },
			'/*/tutorial/new/': { html: 100, css: 100, js: 500 },
			'/404.html': { html: 100, css: 100, js: 100 },
		});
	});

	it('finds patterns that no page uses', () => {
		expect(unusedBudgets(['/en/', '/en/tutorial/code/'], budgets)).toEqual(['/*/tutorial/code/']);
	});
});
