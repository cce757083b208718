import AxeBuilder from '@axe-core/playwright';
import { expect, sitePages, test } from './fixtures';

/**
 * Rules switched off, each with its reason. Keep this list short and justified.
 */
const IGNORED_RULES: { id: string; reason: string }[] = [];

for (const theme of ['light', 'dark'] as const) {
	for (const page of sitePages()) {
		test(`axe: ${page.path} (${theme}) has no WCAG 2.2 AA violation`, async ({ page: tab }) => {
			await tab.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
			await tab.goto(page.path);
			await expect(tab.locator('html')).toHaveAttribute('data-theme', theme);
			const results = await new AxeBuilder({ page: tab })
				.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
				.disableRules(IGNORED_RULES.map((r) => r.id))
				.analyze();
			const summary = results.violations.map(
				(v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`,
			);
			expect(summary).toEqual([]);
		});
	}
}
