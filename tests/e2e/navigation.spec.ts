import { chapters, expect, hrefOf, LOCALES, test } from './fixtures';

for (const locale of LOCALES) {
	test(`${locale}: prev/next links follow the six-part order`, { tag: '@subpath' }, async ({ page, baseURL }) => {
		const ordered = chapters(locale);
		for (const [i, chapter] of ordered.entries()) {
			await page.goto(chapter.url);
			const next = ordered[i + 1];
			const nextLink = page.locator('.pagination-links a[rel="next"]');
			if (next) await expect(nextLink).toHaveAttribute('href', hrefOf(next.path, baseURL));
			else await expect(nextLink).toHaveCount(0);
			const prev = ordered[i - 1];
			if (prev) await expect(page.locator('.pagination-links a[rel="prev"]')).toHaveAttribute('href', hrefOf(prev.path, baseURL));
		}
	});
}

test('the language switch keeps the chapter and the heading', { tag: '@subpath' }, async ({ page }) => {
	await page.goto('zh-cn/tutorial/algorithms/#attention');
	await page
		.getByRole('combobox', { name: /选择语言|language/i })
		.first()
		.selectOption({ label: 'English' });
	await expect(page).toHaveURL(/\/en\/tutorial\/algorithms\/#attention$/);
	await page.waitForLoadState('domcontentloaded');
	await expect(page.locator('h2#attention')).toBeAttached();
	await page
		.getByRole('combobox', { name: /select language/i })
		.first()
		.selectOption({ label: '简体中文' });
	await expect(page).toHaveURL(/\/zh-cn\/tutorial\/algorithms\/#attention$/);
});

test('the theme choice persists across pages and reloads, without a flash', async ({ page }) => {
	await page.goto('en/tutorial/background/');
	await page.getByRole('combobox', { name: /theme/i }).first().selectOption('dark');
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	await page.goto('zh-cn/tutorial/faq/');
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	// The theme is applied by an inline script in <head>, before first paint: check the very first state.
	const firstTheme = await page.evaluate(() => document.documentElement.dataset.theme);
	expect(firstTheme).toBe('dark');
	await page
		.getByRole('combobox', { name: /主题|theme/i })
		.first()
		.selectOption('light');
	await page.reload();
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});

for (const [locale, term, expected] of [
	['zh-cn', '卷积', /tutorial\/algorithms/],
	['en', 'convolution', /tutorial\/algorithms/],
] as const) {
	test(`${locale}: search finds “${term}”`, { tag: '@subpath' }, async ({ page, baseURL }) => {
		await page.goto(`${locale}/tutorial/background/`);
		// Starlight binds the search button from a module script: a click that lands before it has run opens nothing (seen
		// once in a full run on two busy cores), so click again until the dialog is open.
		await expect(async () => {
			await page.locator('button[data-open-modal]').first().click();
			await expect(page.locator('dialog[open]')).toBeVisible({ timeout: 2_000 });
		}).toPass({ timeout: 30_000 });
		const input = page.locator('dialog[open] input.pagefind-ui__search-input');
		await input.fill(term);
		const result = page.locator('dialog[open] .pagefind-ui__result-link').first();
		await expect(result).toBeVisible({ timeout: 15_000 });
		// Pagefind fills its results in one by one as each page's fragment arrives: wait for the expected one.
		const links = page.locator('dialog[open] .pagefind-ui__result-link');
		const hrefsNow = (): Promise<string[]> => links.evaluateAll((found) => found.map((a) => a.getAttribute('href') ?? ''));
		await expect.poll(async () => (await hrefsNow()).some((h) => expected.test(h)), { timeout: 15_000 }).toBe(true);
		expect((await hrefsNow()).every((h) => h.startsWith(hrefOf(`/${locale}/`, baseURL)))).toBe(true);
	});
}

for (const [missing, firstLanguage] of [
	['zh-cn/no-such-chapter/', 'zh-CN'],
	['en/tutorial/algorithm/', 'en'],
] as const)
	test(
		`an unknown page (${missing}) gets the 404 page in both languages, its language first, with search and the six parts`,
		{ tag: '@subpath' },
		async ({ page, baseURL }) => {
			const response = await page.goto(missing);
			expect(response?.status()).toBe(404);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('404');
			const parts = page.locator('.not-found section');
			await expect(parts).toHaveCount(2);
			await expect(parts.first()).toHaveAttribute('lang', firstLanguage);
			for (const locale of LOCALES) {
				const section = page.locator(`.not-found section[data-locale="${locale}"]`);
				const links = await section.locator('ol a').evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
				expect(links).toEqual(
					chapters(locale)
						.filter((c) => c.order <= 6)
						.map((c) => [c.title, hrefOf(c.path, baseURL)]),
				);
			}
			await page.getByRole('button', { name: 'Search the tutorial' }).click();
			await expect(page.locator('dialog[open] input.pagefind-ui__search-input')).toBeVisible();
		},
	);

test('the root sends the reader to the Chinese home page, which says where to start', { tag: '@subpath' }, async ({ page, baseURL }) => {
	await page.goto('');
	await expect(page).toHaveURL(new URL('zh-cn/', baseURL).href);
	const start = page.getByRole('link', { name: '从第 1 部分开始' });
	// Root-relative under the base, so it leads to part 1 however the home page was reached (`/zh-cn` or `/zh-cn/`).
	await expect(start).toHaveAttribute('href', hrefOf('/zh-cn/tutorial/background/', baseURL));
	await start.click();
	await expect(page).toHaveURL(new URL('zh-cn/tutorial/background/', baseURL).href);
});

test.describe('on a phone', () => {
	test.use({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true });
	test('the sidebar folds into a menu and nothing scrolls sideways', async ({ page }) => {
		await page.goto('en/tutorial/algorithms/');
		await expect(page.locator('#starlight__sidebar')).toBeHidden();
		await page.getByRole('button', { name: /menu/i }).click();
		await expect(page.getByRole('link', { name: 'FAQ' }).first()).toBeVisible();
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
		expect(overflow).toBeLessThanOrEqual(0);
	});
});

test('a skip link leads to the content', async ({ page }) => {
	await page.goto('en/tutorial/concepts/');
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: /skip to content/i });
	await expect(skip).toBeFocused();
	await expect(skip).toHaveAttribute('href', '#_top');
});
