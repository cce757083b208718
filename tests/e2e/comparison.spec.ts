import { readFileSync } from 'node:fs';
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

test('each family says whether it is current, superseded or retired, with source and date, or that this was not verified', async ({ page }) => {
	const families: { name: string; status?: { kind: string } }[] = JSON.parse(readFileSync('content/data/models.json', 'utf8'));
	await page.goto('en/tutorial/background/');
	const rows = page.locator('model-comparison tbody tr');
	const shown = await rows.evaluateAll((trs) =>
		trs.map((tr) => [(tr as HTMLElement).dataset.name, tr.querySelector<HTMLElement>('[data-role="status"]')?.dataset.status]),
	);
	const byName = (a: unknown[], b: unknown[]) => String(a[0]).localeCompare(String(b[0]));
	expect(shown.sort(byName)).toEqual(families.map((f) => [f.name, f.status?.kind ?? 'unverified']).sort(byName));
	const checked = page.locator('model-comparison td[data-role="status"]:not([data-status="unverified"])');
	await expect(checked.locator('.provenance a')).toHaveCount(families.filter((f) => f.status).length);
	for (const text of await checked.locator('.provenance').allTextContents()) expect(text).toMatch(/as of \d/);
	for (const text of await page.locator('model-comparison td[data-status="unverified"]').allTextContents()) expect(text).toContain('not verified');
});
