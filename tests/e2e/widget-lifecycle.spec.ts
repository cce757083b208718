import { expect, test } from './fixtures';

test('a widget moved in the page binds its controls once: one step moves the window by one', async ({ page }) => {
	await page.goto('en/tutorial/algorithms/?backend=cpu');
	const conv = page.locator('conv-widget');
	await conv.scrollIntoViewIfNeeded();
	await expect(conv).toHaveAttribute('data-status', 'ready');
	// Move the element (disconnect, connect): its listeners must be unbound and bound again, not doubled.
	await conv.evaluate((el) => {
		const parent = el.parentElement!;
		const next = el.nextSibling;
		el.remove();
		parent.insertBefore(el, next);
	});
	const formula = conv.locator('[data-role="cell-formula"]');
	const before = await formula.getAttribute('data-tex');
	expect(before).toContain('y_{12,12}');
	await conv.getByRole('button', { name: 'Step' }).click();
	await expect(formula).toHaveAttribute('data-tex', /y_\{12,13\}/);
	// The back button's history and the page's backend menu are shared by one set of listeners as well.
	await conv.getByRole('combobox', { name: 'Kernel preset' }).selectOption('blur');
	await expect(page).toHaveURL(/conv\.k=/);
	await page.goBack();
	await expect(conv.getByRole('combobox', { name: 'Kernel preset' })).toHaveValue('sobel-x');
});
