/**
 * The trained CNN layer by layer (`data-widget="cnn-layers"`): the numbers it shows are the plain-TypeScript
 * reference's forward pass with the shipped weights (to 1e-4), it is usable with the keyboard alone, a drawn digit is
 * read, and bad input (a broken model file, a model of another architecture, a link out of range) gives a clear
 * message in the widget and nothing else breaks (the fixtures fail a test on any page error).
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { stripDigits, tableValues } from './widget-data';
import { seedCnnWeights } from '../../src/lib/models/cnn-weights';
import { loadLayersWeights } from '../../src/lib/models/layers-weights';
import { channelOf, forwardCnn, valueAt } from '../../src/lib/reference/cnn';
import type { Matrix } from '../../src/lib/reference/matrix';
import { fileFetcher } from '../unit/shipped-files';

const weights = seedCnnWeights(await loadLayersWeights('/models/cnn/model.json', fileFetcher()));
const TOLERANCE = 1e-4;

async function openWidget(page: Page, query: string): Promise<Locator> {
	await page.goto(`en/tutorial/algorithms/?${query}`);
	const widget = page.locator('cnn-layers-widget');
	await widget.scrollIntoViewIfNeeded();
	await expect(widget).toHaveAttribute('data-status', 'ready');
	await expect(widget).toHaveAttribute('data-model', 'cnn');
	return widget;
}

function worstDifference(shown: Matrix, expected: Matrix): number {
	expect(shown.length).toBe(expected.length);
	return shown.flat().reduce((m, v, i) => Math.max(m, Math.abs(v - expected.flat()[i]!)), 0);
}

const formulaValue = async (widget: Locator) => Number(await widget.locator('[data-role="detail-formula"]').getAttribute('data-value'));

test(
	'conv1 and conv2 maps, one position of each, and the probabilities are the reference forward pass with the shipped weights',
	{ tag: '@subpath' },
	async ({ page }) => {
		const digit = 14;
		const expected = forwardCnn(weights, stripDigits[digit]!.pixels);
		const widget = await openWidget(page, `backend=wasm&cnn.digit=${digit}&cnn.layer=conv1&cnn.unit=5&cnn.row=9&cnn.col=11`);
		await expect(widget.locator('[data-role="detail-title"]')).toHaveText('conv1, map 5 of 32, at position (9, 11)');
		await expect.poll(() => formulaValue(widget)).toBeCloseTo(valueAt(expected.conv1, 4, 9, 11), 4);
		expect(worstDifference(await tableValues(widget.locator('[data-role="detail-table"]')), channelOf(expected.conv1, 4))).toBeLessThan(TOLERANCE);

		// Open conv2 map 33 by clicking its tile: 32 tiles in a row, so map 33 is the first of the second row.
		const tiles = widget.locator('[data-stage="conv2"]');
		const box = (await tiles.boundingBox())!;
		await tiles.click({ position: { x: box.width * (0.5 / 32), y: box.height * 0.75 } });
		await expect(widget.locator('[data-role="detail-title"]')).toHaveText('conv2, map 33 of 64, at position (9, 10)');
		await expect(page).toHaveURL(/cnn\.layer=conv2/);
		await expect.poll(() => formulaValue(widget)).toBeCloseTo(valueAt(expected.conv2, 32, 9, 10), 4);
		expect(worstDifference(await tableValues(widget.locator('[data-role="detail-table"]')), channelOf(expected.conv2, 32))).toBeLessThan(TOLERANCE);
		// Its kernel spans all 32 input channels of pool1.
		await expect(widget.locator('[data-role="weights-caption"]')).toContainText('Its kernel: 32 × 3 × 3 (input channels × rows × columns');

		// The class bars' softmax: p at full precision in the output table sums to 1 and is the reference's.
		await widget
			.getByRole('group', { name: /probability of each digit/ })
			.getByRole('button', { name: /^7 / })
			.click();
		await expect(widget.locator('[data-role="detail-title"]')).toHaveText('output, class 7');
		const [logits, probabilities] = await tableValues(widget.locator('[data-role="detail-table"]'));
		expect(probabilities!.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 5);
		expect(worstDifference([probabilities!], [Array.from(expected.probabilities)])).toBeLessThan(TOLERANCE);
		expect(worstDifference([logits!], [Array.from(expected.logits)])).toBeLessThan(TOLERANCE);
		const best = Array.from(expected.probabilities).indexOf(Math.max(...expected.probabilities));
		expect(best).toBe(stripDigits[digit]!.label);
		await expect(widget.locator('[data-role="prediction"]')).toContainText(`reads a ${best}`);
		expect(await widget.getAttribute('data-tensors')).toBe('0');
	},
);

test('keyboard only: choose a map, move the position and the input channel; the formula follows', async ({ page }) => {
	const expected = forwardCnn(weights, stripDigits[6]!.pixels);
	const widget = await openWidget(page, 'backend=cpu');
	const conv2 = widget.getByRole('slider', { name: /^conv2/ });
	await conv2.focus();
	await page.keyboard.press('ArrowRight'); // opens conv2 at map 2
	await page.keyboard.press('ArrowDown'); // a row of 32 tiles down: map 34
	await expect(widget.locator('[data-role="detail-title"]')).toHaveText('conv2, map 34 of 64, at position (10, 10)');
	await widget.getByRole('img', { name: 'The open map; move the position with the arrow keys' }).focus();
	await page.keyboard.press('ArrowUp');
	await page.keyboard.press('ArrowLeft');
	await page.keyboard.press('ArrowLeft');
	await expect(widget.locator('[data-role="detail-title"]')).toHaveText('conv2, map 34 of 64, at position (9, 8)');
	await expect.poll(() => formulaValue(widget)).toBeCloseTo(valueAt(expected.conv2, 33, 9, 8), 4);
	await widget.getByRole('img', { name: /^The weights of the open map/ }).focus();
	await page.keyboard.press('ArrowRight');
	await page.keyboard.press('ArrowRight');
	await expect(page).toHaveURL(/cnn\.in=3/);
	// The written-out channel is input channel 3: its nine products are labelled s_3.
	await expect(widget.locator('[data-role="detail-formula"]')).toHaveAttribute('data-tex', /s_\{3\} &=/);
	await expect(page).toHaveURL(/cnn\.unit=34/);
	// Back to the first map with Home, from the layer's tiles.
	await conv2.focus();
	await page.keyboard.press('Home');
	await expect(widget.locator('[data-role="detail-title"]')).toHaveText('conv2, map 1 of 64, at position (9, 8)');
});

test('a drawn 1 is read as a 1, after framing like MNIST', async ({ page }) => {
	const widget = await openWidget(page, 'backend=wasm');
	await widget.getByRole('button', { name: 'Draw your own' }).click();
	const pad = widget.locator('[data-role="pad"]');
	await expect(pad).toBeVisible();
	const box = (await pad.boundingBox())!;
	// A short vertical stroke off to one side: the framing scales it to 20 pixels and centres it.
	await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.2);
	await page.mouse.down();
	// Four moves, not one per pixel: the pad inks the line between two events, and each move recomputes the whole CNN
	// (a CI run once spent its 60 s on ten moves while the machine was busy).
	for (let i = 1; i <= 4; i++) await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * (0.2 + i * 0.1));
	await page.mouse.up();
	await expect(widget.locator('[data-role="prediction"]')).toContainText('reads a 1');
	await widget.getByRole('button', { name: 'Clear' }).click();
	await expect(widget).toHaveAttribute('data-status', 'ready');
});

test('a link out of range is brought within the layer, with a note saying so', async ({ page }) => {
	const widget = await openWidget(page, 'backend=cpu&cnn.layer=pool2&cnn.unit=70&cnn.row=9');
	await expect(widget.locator('[data-role="detail-title"]')).toHaveText('pool2, map 64 of 64, at position (4, 4)');
	await expect(widget.locator('[data-role="message"]')).toContainText('cnn.unit=70 is beyond what pool2 has (up to 64); showing 64.');
	await expect(widget.locator('[data-role="message"]')).toContainText('cnn.row=9');
	const other = await openWidget(page, 'backend=cpu&cnn.layer=conv9');
	await expect(other.locator('[data-role="message"]')).toContainText('cnn.layer=conv9: expected one of conv1, pool1');
	await expect(other.locator('[data-role="detail-title"]')).toHaveText(/^conv1, map 1 of 32/);
});

test('a broken model file or a model of another architecture: a clear message, nothing else breaks', async ({ page }) => {
	await page.route('**/models/cnn/weights.bin', (route) => route.fulfill({ status: 200, body: Buffer.alloc(1000) }));
	await page.goto('en/tutorial/algorithms/?backend=cpu');
	const widget = page.locator('cnn-layers-widget');
	await widget.scrollIntoViewIfNeeded();
	await expect(widget.locator('[data-role="message"]')).toContainText('The trained model could not be loaded');
	await expect(widget.locator('[data-role="message"]')).toContainText('truncated');
	await expect(widget).toHaveAttribute('data-status', 'ready');
	// The other widgets on the page still work.
	await page.locator('rnn-widget').scrollIntoViewIfNeeded();
	await expect(page.locator('rnn-widget')).toHaveAttribute('data-status', 'ready');

	const manifest = JSON.parse(readFileSync('public/models/cnn/model.json', 'utf8')) as {
		modelTopology: { config: { layers: { config: Record<string, unknown> }[] } };
	};
	manifest.modelTopology.config.layers[6]!.config.activation = 'tanh';
	await page.unroute('**/models/cnn/weights.bin');
	await page.route('**/models/cnn/model.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(manifest) }));
	await page.reload();
	await widget.scrollIntoViewIfNeeded();
	await expect(widget.locator('[data-role="message"]')).toContainText('layer 7 (Dense) has activation "tanh", the seed\'s "relu"');
});

test('axe: the widget with a conv2 map open and its table unfolded has no WCAG 2.2 AA violation, light and dark', async ({ page }) => {
	test.setTimeout(120_000);
	const widget = await openWidget(page, 'backend=cpu&cnn.layer=conv2&cnn.unit=3');
	await widget.locator('details summary').click();
	for (const theme of ['light', 'dark']) {
		// Starlight's theme is the <html> data-theme attribute: one page load serves both.
		await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
		const results = await new AxeBuilder({ page }).include('cnn-layers-widget').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
		expect(results.violations.map((v) => `${theme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
	}
});
