import { expect, test } from './fixtures';
import { stripDigits, tableValues } from './widget-data';
import { firstConvFilter } from '../../src/lib/models/cnn-filters';
import { loadLayersWeights } from '../../src/lib/models/layers-weights';
import { conv2d } from '../../src/lib/reference/convolution';
import { fileFetcher } from '../unit/shipped-files';

const digits = stripDigits;

test('a learned filter of the shipped CNN slides over the digit with its own weights and bias', { tag: '@subpath' }, async ({ page }) => {
	const filter = firstConvFilter(await loadLayersWeights('/models/cnn/model.json', fileFetcher()), 5);
	await page.goto('en/tutorial/algorithms/?backend=wasm');
	const conv = page.locator('conv-widget');
	await conv.scrollIntoViewIfNeeded();
	await expect(conv).toHaveAttribute('data-status', 'ready');
	await conv.getByRole('combobox', { name: 'Kernel preset' }).selectOption({ label: 'conv1 filter 5' });
	await expect(conv).toHaveAttribute('data-model', 'cnn');
	await expect(page).toHaveURL(/conv\.filter=5/);
	await expect(conv.getByRole('textbox', { name: 'Weight at row 1, column 1' })).toHaveValue(String(+filter.kernel[0]![0]!.toFixed(4)));
	const expected = conv2d(digits[6]!.pixels, filter.kernel, { stride: 1, padding: 'valid', bias: filter.bias });
	await expect.poll(async () => (await tableValues(conv.locator('[data-role="data-table"]')))[0]?.[0]).toBeCloseTo(expected[0]![0]!, 4);
	const shown = await tableValues(conv.locator('[data-role="data-table"]'));
	const worst = shown.flat().reduce((m, v, i) => Math.max(m, Math.abs(v - expected.flat()[i]!)), 0);
	expect(worst).toBeLessThan(1e-4);
	// The formula adds the filter's bias.
	await expect(conv.locator('[data-role="cell-formula"]')).toHaveAttribute(
		'data-tex',
		new RegExp(String(Math.abs(+filter.bias.toFixed(2))).replace('.', '\\.')),
	);
	// Editing a weight makes it the reader's own kernel.
	await conv.getByRole('textbox', { name: 'Weight at row 2, column 2' }).fill('1');
	await expect(conv.getByRole('combobox', { name: 'Kernel preset' })).toHaveValue('custom');
	await expect(conv).not.toHaveAttribute('data-model', 'cnn');
});

test('truncated model weights: a clear message in the widget, and the last kernel keeps working', async ({ page }) => {
	await page.route('**/models/cnn/weights.bin', (route) => route.fulfill({ status: 200, body: Buffer.alloc(100) }));
	await page.goto('en/tutorial/algorithms/?backend=cpu');
	const conv = page.locator('conv-widget');
	await conv.scrollIntoViewIfNeeded();
	await expect(conv).toHaveAttribute('data-status', 'ready');
	const before = await tableValues(conv.locator('[data-role="data-table"]'));
	await conv.getByRole('combobox', { name: 'Kernel preset' }).selectOption({ label: 'conv1 filter 3' });
	await expect(conv.locator('[data-role="message"]')).toContainText('The trained model could not be loaded');
	await expect(conv.locator('[data-role="message"]')).toContainText('truncated');
	expect(await tableValues(conv.locator('[data-role="data-table"]'))).toEqual(before);
	await conv.getByRole('combobox', { name: 'Kernel preset' }).selectOption('blur');
	await expect(conv.locator('[data-role="message"]')).toBeEmpty();
	await expect(conv).toHaveAttribute('data-status', 'ready');
});
