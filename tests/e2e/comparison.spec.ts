import { expect, test } from './fixtures';

test('the model comparison filters by access, shows one dimension, and sorts', async ({ page }) => {
	await page.goto('en/tutorial/background/');
	const table = page.locator('model-comparison table');
	const rows = table.locator('tbody tr');
	const total = await rows.count();
	expect(total).toBeGreaterThanOrEqual(4);

	await page.getByLabel('Filter by access').selectOption('closed');
	const visible = table.locator('tbody tr:visible');
	const closedCount = await visible.count();
	expect(closedCount).toBeGreaterThan(0);
	expect(closedCount).toBeLessThan(total);
	for (const access of await visible.evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.access))) expect(access).toBe('closed');
	await expect(page.getByRole('status').filter({ hasText: `Showing ${closedCount} of ${total}` })).toBeVisible();

	await page.getByLabel('Dimension').selectOption('licence');
	await expect(table.locator('th[data-col="licence"]')).toBeVisible();
	await expect(table.locator('th[data-col="support"]')).toBeHidden();

	await page.getByLabel('Filter by access').selectOption('all');
	await table.getByRole('button', { name: 'Model family' }).click();
	const names = await rows.evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.name ?? ''));
	expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
	await expect(table.locator('th[data-sort="name"]')).toHaveAttribute('aria-sort', 'ascending');
});

test('every comparison fact shows its source and date', async ({ page }) => {
	await page.goto('zh-cn/tutorial/background/');
	const cells = page.locator('model-comparison td[data-col]');
	const n = await cells.count();
	expect(n).toBeGreaterThan(0);
	await expect(cells.locator('.provenance a')).toHaveCount(n);
	for (const text of await cells.locator('.provenance').allTextContents()) expect(text).toMatch(/截至 \d{4}/);
});
