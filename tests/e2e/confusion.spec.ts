/**
 * Part 2's confusion matrix in the browser: its counts and each class's precision, recall and F₁ are the reference's
 * (src/lib/reference/confusion.ts) over the shipped CNN's recorded predictions and the held-out labels; a click on a
 * cell shows exactly the digits in it and is kept in the URL; the chapter downloads no TensorFlow.js for any of this.
 * The reader's CNN replaces ours: kept here as the shipped weights under "your model", it is classified in the page
 * with tfjs and must give the same matrix.
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { readyWidgetAt, tableValues } from './widget-data';
import { confusionMatrix, examplesOf, largestConfusion } from '../../src/lib/reference/confusion';

const bytes = readFileSync('public/generated/mnist-test.bin');
const labels = Array.from(bytes.subarray(bytes.length - 2000));
const card = JSON.parse(readFileSync('public/models/cnn/card.json', 'utf8')) as { heldOut: { predictions: string } };
const predictions = [...card.heldOut.predictions].map(Number);
const expected = confusionMatrix(labels, predictions, 10);

const widgetAt = (page: Page, url: string) => readyWidgetAt(page, url, 'confusion-widget');

const shownCounts = (widget: Locator) =>
	widget
		.locator('[data-role="cm-matrix"] tbody tr')
		.evaluateAll((rows) => rows.map((tr) => [...tr.querySelectorAll('button')].map((b) => Number(b.textContent))));

test('the matrix and every class’s P, R and F₁ are the reference’s; a cell shows its digits; no TensorFlow.js', async ({ page }) => {
	const scripts: string[] = [];
	page.on('response', (r) => {
		if (r.request().resourceType() === 'script') scripts.push(r.url());
	});
	const widget = await widgetAt(page, 'en/tutorial/concepts/');
	expect(await shownCounts(widget)).toEqual(expected.counts);
	const metrics = await tableValues(widget.locator('[data-role="cm-metrics"]'));
	expect(metrics).toEqual(expected.perClass.map((m) => [m.precision, m.recall, m.f1, m.support]));
	await expect(widget.locator('[data-role="cm-summary"]')).toContainText(`${expected.correct.toLocaleString('en')} of 2,000`);

	// The first frame shows the most frequent confusion, with its digits.
	const [t, p] = largestConfusion(expected.counts);
	await expect(widget.locator(`button[data-t="${t}"][data-p="${p}"]`)).toHaveAttribute('aria-pressed', 'true');
	await expect(widget.locator('[data-role="cm-digits"] svg')).toHaveCount(examplesOf(labels, predictions, t, p).length);

	// A diagonal cell: its first 30 digits, each the held-out digit the reference puts there.
	await widget.locator('button[data-t="4"][data-p="4"]').click();
	const fours = examplesOf(labels, predictions, 4, 4);
	await expect(widget.locator('[data-role="cm-about"]')).toHaveText(`${fours.length} digits that are 4 were read correctly as 4. The first 30 are shown.`);
	const digits = widget.locator('[data-role="cm-digits"] svg');
	await expect(digits).toHaveCount(30);
	expect(await digits.evaluateAll((svgs) => svgs.map((s) => s.getAttribute('aria-label')))).toEqual(
		fours.slice(0, 30).map((i) => `held-out digit no. ${i + 1}`),
	);
	await expect(widget.locator('[data-role="cm-formula"]')).toHaveAttribute(
		'data-tex',
		new RegExp(`P_\\{4\\} = .*\\\\frac\\{${expected.perClass[4]!.truePositives}\\}`),
	);
	await expect.poll(() => new URL(page.url()).searchParams.get('cm.t')).toBe('4');

	// An off-diagonal cell, from a link: what it means for both classes.
	const reloaded = await widgetAt(page, 'en/tutorial/concepts/?cm.t=8&cm.p=2');
	await expect(reloaded.locator('[data-role="cm-about"]')).toHaveText(`${expected.counts[8]![2]} digits that are 8 were read as 2.`);
	await expect(reloaded.locator('[data-role="cm-roles"]')).toContainText('For class 8 they are false negatives');
	await expect(reloaded.locator('[data-role="cm-digits"] svg')).toHaveCount(expected.counts[8]![2]!);
	await page.waitForLoadState('networkidle');
	const downloaded = await Promise.all(scripts.map((url) => page.request.get(url).then((r) => r.text())));
	expect(downloaded.some((b) => b.includes('registerKernel'))).toBe(false);
});

test('"your model" is classified in the page with tfjs: the shipped weights kept as yours give the same matrix', async ({ page }) => {
	test.setTimeout(120_000);
	const scripts: string[] = [];
	page.on('response', (r) => {
		if (r.request().resourceType() === 'script') scripts.push(r.url());
	});
	let widget = await widgetAt(page, 'zh-cn/tutorial/concepts/?backend=wasm&cm.model=yours');
	await expect(widget.locator('[data-role="message"]')).toContainText('本浏览器中还没有保存你的模型');
	await expect(widget).toHaveAttribute('data-model', 'cnn');
	await page.evaluate(async () => {
		const model = await (await fetch(new URL('../../../models/cnn/model.json', location.href))).json();
		const weightData = await (await fetch(new URL('../../../models/cnn/weights.bin', location.href))).arrayBuffer();
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const open = indexedDB.open('deep-learning-tutorial', 1);
			open.onupgradeneeded = () => open.result.createObjectStore('reader-models', { keyPath: 'id' });
			open.onsuccess = () => resolve(open.result);
			open.onerror = () => reject(open.error);
		});
		await new Promise((resolve, reject) => {
			const tx = db.transaction('reader-models', 'readwrite');
			tx.objectStore('reader-models').put({
				id: 'cnn',
				card: { trainedAt: new Date().toISOString(), accuracy: 0.5, parameters: 93_322 },
				modelTopology: model.modelTopology,
				weightSpecs: model.weightsManifest[0].weights,
				weightData,
			});
			tx.oncomplete = resolve;
			tx.onerror = () => reject(tx.error);
		});
		db.close();
	});
	widget = await widgetAt(page, 'zh-cn/tutorial/concepts/?backend=wasm&cm.model=yours&cm.t=9&cm.p=9');
	await expect(widget).toHaveAttribute('data-model', 'yours:cnn', { timeout: 60_000 });
	await expect(widget).toHaveAttribute('data-backend', 'wasm');
	// Only now, for the reader's model, has the page downloaded tfjs (its kernel registry) — the check part 2's other
	// widgets must pass.
	const bodies = await Promise.all(scripts.map((url) => page.request.get(url).then((r) => r.text())));
	expect(bodies.some((b) => b.includes('registerKernel'))).toBe(true);
	expect(await shownCounts(widget)).toEqual(expected.counts);
	await expect(widget.locator('[data-role="cm-summary"]')).toContainText('你的 CNN');
	await expect(widget.locator('[data-role="cm-digits"] svg')).toHaveCount(30);

	await widget.getByRole('button', { name: '删除我的模型' }).click();
	await expect(widget).toHaveAttribute('data-model', 'cnn');
	await expect(widget.locator('[data-role="cm-summary"]')).toContainText('我们的 CNN');
});
