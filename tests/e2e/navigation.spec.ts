import { chapters, expect, LOCALES, test } from './fixtures';

for (const locale of LOCALES) {
	test(`${locale}: prev/next links follow the six-part order`, async ({ page }) => {
		const ordered = chapters(locale);
		for (const [i, chapter] of ordered.entries()) {
			await page.goto(chapter.path);
			const next = ordered[i + 1];
			const nextLink = page.locator('.pagination-links a[rel="next"]');
			if (next) await expect(nextLink).toHaveAttribute('href', next.path);
			else await expect(nextLink).toHaveCount(0);
			const prev = ordered[i - 1];
			if (prev) await expect(page.locator('.pagination-links a[rel="prev"]')).toHaveAttribute('href', prev.path);
		}
	});
}

test('the language switch keeps the chapter and the heading', async ({ page }) => {
	await page.goto('/zh-cn/tutorial/algorithms/#attention');
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
	await page.goto('/en/tutorial/background/');
	await page.getByRole('combobox', { name: /theme/i }).first().selectOption('dark');
	await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
	await page.goto('/zh-cn/tutorial/faq/');
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
	test(`${locale}: search finds “${term}”`, async ({ page }) => {
		await page.goto(`/${locale}/tutorial/background/`);
		await page.locator('button[data-open-modal]').first().click();
		const input = page.locator('dialog[open] input.pagefind-ui__search-input');
		await input.fill(term);
		const result = page.locator('dialog[open] .pagefind-ui__result-link').first();
		await expect(result).toBeVisible({ timeout: 15_000 });
		const hrefs = await page.locator('dialog[open] .pagefind-ui__result-link').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
		expect(hrefs.some((h) => expected.test(h))).toBe(true);
		expect(hrefs.every((h) => h.startsWith(`/${locale}/`))).toBe(true);
	});
}

test('an unknown page gets the 404 page', async ({ page }) => {
	const response = await page.goto('/zh-cn/no-such-chapter/');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('404');
});

test('the root sends the reader to the Chinese home page, which says where to start', async ({ page }) => {
	await page.goto('/');
	await expect(page).toHaveURL(/\/zh-cn\/$/);
	await expect(page.getByRole('link', { name: '从第 1 部分开始' })).toHaveAttribute('href', '/zh-cn/tutorial/background/');
});

test.describe('on a phone', () => {
	test.use({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true });
	test('the sidebar folds into a menu and nothing scrolls sideways', async ({ page }) => {
		await page.goto('/en/tutorial/algorithms/');
		await expect(page.locator('#starlight__sidebar')).toBeHidden();
		await page.getByRole('button', { name: /menu/i }).click();
		await expect(page.getByRole('link', { name: 'FAQ' }).first()).toBeVisible();
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
		expect(overflow).toBeLessThanOrEqual(0);
	});
});

test('a skip link leads to the content', async ({ page }) => {
	await page.goto('/en/tutorial/concepts/');
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: /skip to content/i });
	await expect(skip).toBeFocused();
	await expect(skip).toHaveAttribute('href', '#_top');
});
