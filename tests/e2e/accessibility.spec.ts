import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, sitePages, test } from './fixtures';

/**
 * Findings accepted on one element only, each with its reason (no rule is switched off for the whole page).
 */
const ACCEPTED: { rule: string; target: string; reason: string }[] = [
	{
		rule: 'label-content-name-mismatch',
		target: 'button[data-open-modal=""]',
		reason:
			'Starlight’s search button shows the shortcut hint “Ctrl K” next to its label “Search”/“搜索”. The label itself ' +
			'is the accessible name, so speech users can say what they see (WCAG 2.5.3); axe counts the hint as label text.',
	},
];

// axe takes ~16 s on the algorithms chapter alone on this 2-core machine, and twice that while another test runs
// beside it; the 390 px tests run it twice. The default 60 s was exceeded on a clean clone.
test.describe.configure({ timeout: 180_000 });

/**
 * The rules whose result can change with the theme: a theme only changes colours (Starlight's themes are CSS custom
 * properties switched by <html data-theme>; the DOM and the layout stay the same). The second theme of a page is
 * checked with these alone, which takes about two thirds of the time of every rule.
 */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/** What axe finds on the page as it is now, less the accepted findings, one line per rule. */
async function axeFindings(tab: Page, { colourOnly = false } = {}): Promise<string[]> {
	// Expressive Code and our formula script give overflowing blocks a tab stop after layout: let them finish
	// (if they never do, axe reports it below).
	await tab
		.waitForFunction(
			() =>
				[...document.querySelectorAll<HTMLElement>('.expressive-code pre, .katex-display, .sl-markdown-content table')].every(
					(el) => el.scrollWidth <= el.clientWidth + 1 || el.hasAttribute('tabindex'),
				),
			undefined,
			{ timeout: 5_000 },
		)
		.catch(() => {});
	// KaTeX's HTML rendering is left out: it is aria-hidden (assistive technology reads the MathML beside it), it sets no
	// colour of its own (the site's TeX uses no \color) and no formula box has a background, so its text has the colour
	// and background of the text around it, which axe checks. It is three quarters of the algorithms chapter's DOM
	// (24,000 of 32,500 elements) and about 40 % of axe's time there (measured: 27 s → 16 s for every rule).
	const builder = new AxeBuilder({ page: tab }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).exclude('.katex-html');
	const results = await (colourOnly ? builder.withRules(COLOUR_RULES) : builder).analyze();
	return results.violations
		.map((v) => ({ ...v, nodes: v.nodes.filter((n) => !ACCEPTED.some((a) => a.rule === v.id && n.target.join(' ') === a.target)) }))
		.filter((v) => v.nodes.length > 0)
		.map(
			(v) =>
				`${v.id} (${v.impact}): ${v.help} — ${v.nodes
					.slice(0, 3)
					.map((n) => n.target.join(' '))
					.join(' | ')}`,
		);
}

/**
 * Every page at a desktop width and at a phone's (390 px: tables and formulas scroll sideways, controls wrap): every
 * rule in the light theme, then, at the desktop width, the colour rules in the dark theme on the same page load. The
 * dark pass is not repeated at 390 px: the theme changes only colours, the width only the layout, and the colour
 * rules already run at 390 px in the light theme (this saved about a minute of CI on two cores).
 */
for (const [width, label] of [
	[1280, 'axe'],
	[390, 'axe at 390 px'],
] as const)
	for (const page of sitePages()) {
		const dark = width === 1280;
		test(`${label}: ${page.path} (light${dark ? ', and dark for colour' : ''}) has no WCAG 2.2 AA violation`, async ({ page: tab }) => {
			await tab.setViewportSize({ width, height: 844 });
			await tab.addInitScript(() => localStorage.setItem('starlight-theme', 'light'));
			await tab.goto(page.url);
			await expect(tab.locator('html')).toHaveAttribute('data-theme', 'light');
			expect(await axeFindings(tab), 'light').toEqual([]);
			if (!dark) return;
			await tab.evaluate(() => {
				localStorage.setItem('starlight-theme', 'dark');
				document.documentElement.dataset.theme = 'dark';
			});
			expect(await axeFindings(tab, { colourOnly: true }), 'dark').toEqual([]);
		});
	}

for (const [width, theme] of [
	[1280, 'light'],
	[390, 'dark'],
] as const)
	test(`axe: the 404 page (${width} px, ${theme}) has no WCAG 2.2 AA violation`, async ({ page: tab }) => {
		await tab.setViewportSize({ width, height: 844 });
		await tab.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
		await tab.goto('en/no-such-page/');
		await expect(tab.locator('.not-found section').first()).toHaveAttribute('lang', 'en');
		expect(await axeFindings(tab)).toEqual([]);
	});

test('token buttons of the RNN and attention widgets are at least 24 × 24 px, one-character Chinese tokens included (390 px)', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await page.goto('zh-cn/tutorial/algorithms/');
	for (const widgetName of ['rnn-widget', 'attention-widget']) {
		// Measured once the widget has hydrated: it may rebuild its token buttons then (a detached button measures 0 × 0).
		const widget = page.locator(widgetName);
		await widget.scrollIntoViewIfNeeded();
		await expect(widget).toHaveAttribute('data-status', 'ready');
		await widget.evaluate((el) => (el as HTMLElement & { settled(): Promise<void> }).settled());
		const selector = `${widgetName} [data-role="tokens"] button`;
		const buttons = page.locator(selector);
		const sizes = await buttons.evaluateAll((all) => all.map((b) => ({ text: b.textContent?.trim() ?? '', ...b.getBoundingClientRect().toJSON() })));
		expect(sizes.length, selector).toBeGreaterThan(3);
		expect(
			sizes.some((s) => [...s.text].length === 1 && /\p{Script=Han}/u.test(s.text)),
			`${selector}: a one-character Chinese token is among them`,
		).toBe(true);
		const small = sizes.filter((s) => s.width < 24 || s.height < 24).map((s) => `${s.text} ${s.width.toFixed(1)}×${s.height.toFixed(1)}`);
		expect(small, selector).toEqual([]);
	}
});
