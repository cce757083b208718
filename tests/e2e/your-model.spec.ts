/**
 * The reader's own CNN in part 3: part 4's CNN cell, trained with a small budget, hands its model to the page
 * (`out.publish`); the layer-by-layer widget then offers "your model", computes with those weights (its probabilities
 * for a strip digit are what the cell's model predicts for it), and "Forget my model" removes it. Without IndexedDB
 * (as in some private windows) both sides say so and go on with the model trained by us.
 */
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { stripDigits, tableValues } from './widget-data';

const DIGIT = 6; // the widget's default strip digit

/** The shipped CNN cell with a small budget, printing its model's probabilities for the strip digit at the end. */
function smallCnnCell(train: number, edit: (source: string) => string = (source) => source): string {
	const source = edit(readFileSync('content/cells/cnn.ts', 'utf8'));
	const small = source.replace('const TRAIN = 8000;', `const TRAIN = ${train};`).replace('const EPOCHS = 2;', 'const EPOCHS = 1;');
	expect(small).not.toBe(source);
	const pixels = JSON.stringify(stripDigits[DIGIT]!.pixels.flat());
	return `${small}\nconst probe = (shared.model as tf.LayersModel).predict(tf.tensor4d(${pixels}, [1, 28, 28, 1])) as tf.Tensor;\nconsole.log('probe ' + JSON.stringify(Array.from(probe.dataSync())));\n`;
}

async function trainCell(page: Page, train: number, edit?: (source: string) => string) {
	await page.goto(`en/tutorial/code/?backend=wasm&cell.cnn=${deflateRawSync(Buffer.from(smallCnnCell(train, edit))).toString('base64url')}`);
	const cell = page.locator('code-cell[data-cell="cnn"]');
	await cell.scrollIntoViewIfNeeded();
	await expect(cell).toHaveAttribute('data-ready', 'true');
	await cell.getByRole('button', { name: /^Run/ }).click();
	await expect(cell).toHaveAttribute('data-status', 'done', { timeout: 240_000 });
	return cell.locator('[data-role="output"]');
}

async function openLayers(page: Page, query = '') {
	await page.goto(`en/tutorial/algorithms/?backend=cpu${query}`);
	const widget = page.locator('cnn-layers-widget');
	await widget.scrollIntoViewIfNeeded();
	await expect(widget).toHaveAttribute('data-status', 'ready');
	return widget;
}

test('a CNN trained in part 4 opens in part 3 as "your model", with the probabilities the cell computed; "Forget" removes it', async ({ page }) => {
	test.setTimeout(300_000);
	const output = await trainCell(page, 1000);
	await expect(output).toContainText('Your model “cnn” (93,322 parameters, trained');
	const probe = JSON.parse(/probe (\[.*\])/.exec(await output.innerText())![1]!) as number[];
	const accuracy = Number(/held-out accuracy: ([\d.]+)%/.exec(await output.innerText())![1]);

	const widget = await openLayers(page);
	const model = widget.getByRole('combobox', { name: 'Model' });
	const yours = model.locator('option[value="yours"]');
	await expect(yours).toBeEnabled();
	await expect(yours).toHaveText(new RegExp(`^your model \\(trained \\d\\d:\\d\\d, ${accuracy.toFixed(1).replace('.', '\\.')} %\\)$`));
	await model.selectOption('yours');
	await expect(widget).toHaveAttribute('data-model', 'yours:cnn');
	await expect(page).toHaveURL(/cnn\.model=yours/);
	await widget
		.getByRole('group', { name: /probability of each digit/ })
		.getByRole('button', { name: /^3 / })
		.click();
	await expect(widget.locator('[data-role="detail-title"]')).toHaveText('output, class 3');
	const [, probabilities] = await tableValues(widget.locator('[data-role="detail-table"]'));
	expect(probabilities).toHaveLength(10);
	probabilities!.forEach((p, k) => expect(Math.abs(p - probe[k]!), `class ${k}: ${p} vs the cell's ${probe[k]}`).toBeLessThan(1e-4));
	// A model trained on 1,000 digits for one epoch is not the shipped one: the numbers are really the reader's.
	await model.selectOption('ours');
	await expect(widget).toHaveAttribute('data-model', 'cnn');
	const [, shipped] = await tableValues(widget.locator('[data-role="detail-table"]'));
	expect(Math.max(...shipped!.map((p, k) => Math.abs(p - probe[k]!)))).toBeGreaterThan(1e-3);

	// The convolution widget offers the learned filters of your model too: filter 5's weights are the kept model's.
	const kept = await page.evaluate(
		() =>
			new Promise<number[]>((resolve, reject) => {
				const open = indexedDB.open('deep-learning-tutorial');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const get = open.result.transaction('reader-models').objectStore('reader-models').get('cnn');
					get.onsuccess = () => resolve(Array.from(new Float32Array((get.result as { weightData: ArrayBuffer }).weightData, 0, 3 * 3 * 32)));
				};
			}),
	);
	const conv = page.locator('conv-widget');
	await conv.scrollIntoViewIfNeeded();
	await expect(conv).toHaveAttribute('data-status', 'ready');
	await conv.getByRole('combobox', { name: 'Kernel preset' }).selectOption({ label: 'conv1 filter 5' });
	await expect(conv).toHaveAttribute('data-model', 'cnn');
	const ours = Number(await conv.getByRole('textbox', { name: 'Weight at row 1, column 1' }).inputValue());
	await conv.getByRole('combobox', { name: 'Model' }).selectOption('yours');
	await expect(conv).toHaveAttribute('data-model', 'yours:cnn');
	// Kernel [3, 3, 1, 32] in tfjs' layout: weight (0, 0) of filter 5 is element 4.
	await expect(conv.getByRole('textbox', { name: 'Weight at row 1, column 1' })).toHaveValue(String(+kept[4]!.toFixed(4)));
	expect(Math.abs(kept[4]! - ours)).toBeGreaterThan(1e-3);

	await widget.scrollIntoViewIfNeeded();
	await model.selectOption('yours');
	await expect(widget).toHaveAttribute('data-model', 'yours:cnn');
	await widget.getByRole('button', { name: 'Forget my model' }).click();
	await expect(widget).toHaveAttribute('data-model', 'cnn');
	await expect(yours).toBeHidden();
	await expect(widget.getByRole('button', { name: 'Forget my model' })).toBeHidden();
	// A link that asks for it now says there is none, and shows ours.
	const again = await openLayers(page, '&cnn.model=yours');
	await expect(again.locator('[data-role="message"]')).toContainText('No model of yours is kept in this browser yet');
	await expect(again).toHaveAttribute('data-model', 'cnn');
});

test('without IndexedDB the cell says the model could not be kept, and the widget says why it shows ours', async ({ page }) => {
	test.setTimeout(240_000);
	await page.addInitScript(() => Object.defineProperty(window, 'indexedDB', { value: undefined }));
	const output = await trainCell(page, 200);
	await expect(output).toContainText('Your model could not be kept in this browser: this browser keeps no data for the site (IndexedDB is unavailable');
	const widget = await openLayers(page, '&cnn.model=yours');
	await expect(widget.locator('[data-role="message"]')).toContainText('Your model could not be read from this browser (this browser keeps no data');
	await expect(widget).toHaveAttribute('data-model', 'cnn');
	await expect(widget.locator('[data-role="prediction"]')).toContainText('reads a');
});

test('a model whose layers the reader changed is kept, and the widget says what differs and shows ours', async ({ page }) => {
	test.setTimeout(240_000);
	const fewerUnits = (source: string) =>
		source.replace("tf.layers.dense({ units: 64, activation: 'relu' })", "tf.layers.dense({ units: 32, activation: 'relu' })");
	expect(fewerUnits(readFileSync('content/cells/cnn.ts', 'utf8'))).toContain('units: 32');
	const output = await trainCell(page, 200, fewerUnits);
	await expect(output).toContainText('Your model “cnn” (74,538 parameters');
	const widget = await openLayers(page, '&cnn.model=yours');
	await expect(widget.locator('[data-role="message"]')).toContainText('Your model has other layers than the seed CNN of part 4');
	await expect(widget.locator('[data-role="message"]')).toContainText("layer 7 (Dense) has a kernel of [576,32], the seed's is [576,64]");
	await expect(widget).toHaveAttribute('data-model', 'cnn');
	await expect(widget.locator('[data-role="prediction"]')).toContainText('reads a');
});
