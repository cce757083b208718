/**
 * Part 4's character language models, on a small budget (a few seconds of training instead of their default, the
 * shipped code otherwise, through its share link): each lowers its held-out bits per character and hands its model to
 * the page (`out.publish('transformer' | 'lstm', { kind, config, parameters })`). Part 3's trained-attention and
 * trained-LSTM widgets then offer it as "your model" and show those weights at work: the numbers are the reference's
 * over the kept weights. Without a kept model, or with one the widget cannot read, the widget says so and shows ours.
 */
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { largestDifference, tableValues } from './widget-data';
import { readCharModel } from '../../src/lib/models/char-model-file';
import { lstmWeights, transformerWeights } from '../../src/lib/models/char-model-weights';
import { lstmForward } from '../../src/lib/reference/char-lstm';
import { transformerForward } from '../../src/lib/reference/char-transformer';
import { preparePrefix, type LstmModel, type TransformerModel } from '../../src/lib/widgets/char-lm/model';

async function readyWidget(page: Page, query = '', name = 'lm-attention-widget') {
	await page.goto(`en/tutorial/algorithms/?backend=wasm${query}`);
	const widget = page.locator(name);
	await widget.scrollIntoViewIfNeeded();
	await expect(widget).toHaveAttribute('data-status', 'ready', { timeout: 45_000 });
	return widget;
}

/** The kept record of the reader's model `id`, as the page stored it in IndexedDB. */
function keptRecord(page: Page, id: string) {
	return page.evaluate(
		(id) =>
			new Promise<{ modelTopology: unknown; weights: number[]; card: { bitsPerCharacter?: number } }>((resolve, reject) => {
				const open = indexedDB.open('deep-learning-tutorial');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const get = open.result.transaction('reader-models').objectStore('reader-models').get(id);
					get.onsuccess = () => {
						const record = get.result as { modelTopology: unknown; weightData: ArrayBuffer; card: { bitsPerCharacter?: number } };
						resolve({ modelTopology: record.modelTopology, weights: Array.from(new Float32Array(record.weightData)), card: record.card });
					};
				};
			}),
		id,
	);
}

/**
 * The kept model's bits per character as the page writes them (two decimals), rounded from the kept figure, not from
 * the cell's printed three decimals: 3.2849 prints as 3.285, which would round again to 3.29 where the page rightly says 3.28.
 */
function shownBits(card: { bitsPerCharacter?: number }) {
	expect(card.bitsPerCharacter, 'the kept card has its bits per character').toBeDefined();
	return card.bitsPerCharacter!.toFixed(2);
}

/** Runs part 4's cell `id` with `SECONDS` set to `seconds`; returns its output and the held-out bits per character. */
async function trainCell(page: Page, id: string, seconds: number) {
	const shipped = readFileSync(`content/cells/${id}.ts`, 'utf8');
	const small = shipped.replace(/^const SECONDS = \d+;/m, `const SECONDS = ${seconds};`);
	expect(small, `content/cells/${id}.ts sets SECONDS on a line of its own`).not.toBe(shipped);
	await page.goto(`en/tutorial/code/?cell.${id}=${deflateRawSync(Buffer.from(small)).toString('base64url')}`);
	const cell = page.locator(`code-cell[data-cell="${id}"]`);
	await cell.scrollIntoViewIfNeeded();
	await expect(cell).toHaveAttribute('data-ready', 'true');
	await cell.getByRole('button', { name: /^Run/ }).click();
	await expect(cell).not.toHaveAttribute('data-status', 'running', { timeout: 240_000 });
	await expect(cell).toHaveAttribute('data-status', 'done');
	const output = cell.locator('[data-role="output"]');
	const text = await output.innerText();
	// Guessing uniformly costs log2(28) = 4.807 bits per character, and an untrained model about as much.
	const heldOut = Number(/held-out bits per character: ([\d.]+) \(guessing uniformly: 4\.807\)/.exec(text)?.[1]);
	expect(heldOut, text).toBeLessThan(4);
	return { cell, output, heldOut };
}

test('the Transformer example, on a small budget, learns, continues a prefix, and its model opens in part 3 as "your model"', async ({ page }) => {
	test.setTimeout(300_000);
	const { cell, output, heldOut } = await trainCell(page, 'transformer', 10);
	await expect(output).toContainText('Your model “transformer” (26,941 parameters, trained');
	// Predict: the next character after "mar", as bars whose probabilities sum to at most 1 (the top 8 of 29).
	await cell.getByRole('textbox', { name: 'Your text' }).fill('Mar');
	await cell.getByRole('button', { name: 'Predict' }).click();
	const next = cell.locator('figure.bars[data-id="next"]');
	await expect(next.locator('figcaption')).toHaveText('next character after "mar"');
	await expect(output).toContainText('"mar" continues as: mar');
	const values = (await next.locator('text.bar-value').allTextContents()).map(Number);
	expect(values).toHaveLength(8);
	const sum = values.reduce((a, b) => a + b, 0);
	expect(sum).toBeGreaterThan(0.3);
	expect(sum).toBeLessThanOrEqual(1.0001);

	// Part 3: the widget offers the kept model, and its weights are the reference's over exactly those weights.
	const kept = await keptRecord(page, 'transformer');
	expect(kept.card.bitsPerCharacter).toBeCloseTo(heldOut, 3);
	const model = readCharModel(kept.modelTopology, Float32Array.from(kept.weights).buffer) as TransformerModel;
	const widget = await readyWidget(page, '&lm.text=mari&lm.layer=1&lm.head=2&lm.q=3');
	const menu = widget.getByRole('combobox', { name: 'Model' });
	const yours = menu.locator('option[value="yours"]');
	await expect(yours).toBeEnabled();
	const bits = shownBits(kept.card).replace('.', '\\.');
	await expect(yours).toHaveText(new RegExp(`^your model \\(trained \\d\\d:\\d\\d, ${bits} bits/char\\)$`));
	await menu.selectOption('yours');
	await expect(widget).toHaveAttribute('data-model', 'yours:transformer');
	await expect(page).toHaveURL(/lm\.model=yours/);
	await expect(widget.locator('[data-role="lm-about"]')).toContainText('Your model, trained in part 4 at');
	await expect(widget.locator('[data-role="lm-about"]')).toContainText(`${shownBits(kept.card)} bits per character`);
	// Choosing a model starts from its first example ("mar"); the head and query stay as linked.
	await widget.locator('[data-role="lm-text"]').fill('mari');
	await expect(widget.locator('[data-role="lm-tokens"] button')).toHaveCount(5);
	await widget.locator('[data-role="lm-tokens"] button').nth(3).click();
	await widget.getByRole('button', { name: 'Layer 2 · head 3' }).click();
	const { ids } = preparePrefix('mari', model.config.vocabulary, model.config.context);
	const trace = transformerForward(model.config, transformerWeights(model.config, model.parameters), ids);
	const expected = trace.heads[1]![2]!.weights;
	await expect(widget.locator('[data-role="lm-formula"]')).toHaveAttribute('data-query', '3');
	const shown = await tableValues(widget.locator('[data-role="lm-weights"]'));
	expect(shown.length).toBe(ids.length);
	expect(largestDifference(shown, expected)).toBeLessThan(1e-4);
	// Ten seconds of training is not the shipped model: these are really the reader's weights.
	await menu.selectOption('names');
	await expect(widget).toHaveAttribute('data-model', 'names-transformer');

	// "Forget my model" removes it, and the widget goes back to ours.
	await menu.selectOption('yours');
	await expect(widget).toHaveAttribute('data-model', 'yours:transformer');
	await widget.getByRole('button', { name: 'Forget my model' }).click();
	await expect(widget).toHaveAttribute('data-model', 'names-transformer');
	await expect(yours).toBeHidden();
});

test('the LSTM example, on a small budget, learns and its model opens in part 3\'s trained-LSTM widget as "your model"', async ({ page }) => {
	test.setTimeout(300_000);
	const { output, heldOut } = await trainCell(page, 'lstm-lm', 6);
	await expect(output).toContainText('Your model “lstm” (7,693 parameters, trained');
	const kept = await keptRecord(page, 'lstm');
	expect(kept.card.bitsPerCharacter).toBeCloseTo(heldOut, 3);
	const model = readCharModel(kept.modelTopology, Float32Array.from(kept.weights).buffer) as LstmModel;
	const widget = await readyWidget(page, '&lstm.model=yours&lstm.text=mari', 'lm-lstm-widget');
	await expect(widget).toHaveAttribute('data-model', 'yours:lstm');
	await expect(widget.locator('[data-role="lstm-about"]')).toContainText(`${shownBits(kept.card)} bits per character`);
	// h_t at every step is the reference's over the kept weights.
	const { ids } = preparePrefix('mari', model.config.vocabulary, model.config.context);
	const trace = lstmForward(model.config, lstmWeights(model.config, model.parameters), ids);
	const shown = await tableValues(widget.locator('[data-role="lstm-h-table"]'));
	expect(shown.length).toBe(ids.length);
	expect(
		largestDifference(
			shown,
			trace.steps.map((s) => s.h),
		),
	).toBeLessThan(1e-4);
	await widget.getByRole('button', { name: 'Forget my model' }).click();
	await expect(widget).toHaveAttribute('data-model', 'names-lstm');
});

test('a link to "your model" with none kept, or with a kept model the widget cannot read, says why and shows ours', async ({ page }) => {
	let widget = await readyWidget(page, '&lm.model=yours');
	const message = widget.locator('[data-role="message"]');
	await expect(message).toContainText('No Transformer of yours is kept in this browser yet');
	await expect(widget).toHaveAttribute('data-model', 'names-transformer');
	// A kept record whose weights are too short for its config (as a reader's edit of the cell could produce).
	await page.evaluate(async () => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const open = indexedDB.open('deep-learning-tutorial', 1);
			open.onupgradeneeded = () => open.result.createObjectStore('reader-models', { keyPath: 'id' });
			open.onsuccess = () => resolve(open.result);
			open.onerror = () => reject(open.error);
		});
		const json = await (await fetch(new URL('../../../models/names-transformer/model.json', location.href))).json();
		await new Promise((resolve, reject) => {
			const tx = db.transaction('reader-models', 'readwrite');
			tx.objectStore('reader-models').put({
				id: 'transformer',
				card: { trainedAt: new Date().toISOString(), parameters: 10 },
				modelTopology: json,
				weightSpecs: [],
				weightData: new ArrayBuffer(40),
			});
			tx.oncomplete = resolve;
			tx.onerror = () => reject(tx.error);
		});
		db.close();
	});
	widget = await readyWidget(page, '&lm.model=yours');
	await expect(widget.locator('[data-role="message"]')).toContainText(
		"Your kept model cannot be read as this widget's Transformer (weights.bin holds 40 bytes",
	);
	await expect(widget).toHaveAttribute('data-model', 'names-transformer');
	await expect(widget.locator('[data-role="lm-bars"] li').first()).toBeVisible();
});
