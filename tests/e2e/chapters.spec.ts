import { chapters, expect, LOCALES, sitePages, test } from './fixtures';

for (const page of sitePages()) {
	test(`${page.path} renders its title, headings and formulas`, async ({ page: tab }) => {
		const response = await tab.goto(page.url);
		expect(response?.status()).toBe(200);
		await expect(tab.getByRole('heading', { level: 1 })).toHaveText(page.title);
		for (const id of page.headingIds) {
			await expect(tab.locator(`main :is(h2, h3)#${id}`), `heading #${id}`).toHaveCount(1);
		}
		const main = tab.locator('main');
		if (page.hasMath) await expect(main.locator('.katex').first()).toBeAttached();
		await expect(main.locator('.katex-error')).toHaveCount(0);
		// Raw TeX delimiters in the text mean a formula was not rendered.
		const text = await main.evaluate((el) => {
			const clone = el.cloneNode(true) as HTMLElement;
			clone.querySelectorAll('pre, code, .katex').forEach((n) => n.remove());
			return clone.textContent ?? '';
		});
		expect(text).not.toContain('$$');
		expect(text).not.toMatch(/\\(frac|sum|mathbf|operatorname)\b/);
	});
}

test('both languages have the same chapters with the same heading ids', () => {
	const [zh, en] = LOCALES.map((l) => chapters(l));
	expect(zh!.map((p) => p.path.replace('/zh-cn/', '/'))).toEqual(en!.map((p) => p.path.replace('/en/', '/')));
	for (const [i, zhPage] of zh!.entries()) expect(zhPage.headingIds, zhPage.path).toEqual(en![i]!.headingIds);
	// The six parts and the references.
	expect(zh!.length).toBeGreaterThanOrEqual(7);
});

test('code blocks are highlighted at build time and have a copy button', async ({ page }) => {
	await page.goto('en/tutorial/code/');
	const block = page.locator('.expressive-code').first();
	await expect(block).toBeVisible();
	// Shiki colours tokens with inline custom properties: more than one colour means real highlighting.
	const colours = await block.locator('pre code span[style]').evaluateAll((spans) => new Set(spans.map((s) => getComputedStyle(s).color)).size);
	expect(colours).toBeGreaterThan(2);
	await expect(block.getByRole('button', { name: /copy/i })).toBeAttached();
});

test('static formulas need no KaTeX JavaScript in the page', async ({ page }) => {
	const scripts: string[] = [];
	page.on('request', (r) => {
		if (r.resourceType() === 'script') scripts.push(r.url());
	});
	await page.goto('en/tutorial/concepts/');
	await expect(page.locator('main .katex').first()).toBeVisible();
	expect(scripts.filter((s) => /katex/i.test(s))).toEqual([]);
});
