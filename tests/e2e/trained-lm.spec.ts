/**
 * The trained character Transformer behind part 3's attention widget (public/models/{names,verse}-transformer/):
 * in both languages, the weights the widget shows for a linked prefix, head and query are the reference's, computed
 * here from the same files; the next-character bars sum to 1; a seeded Generate link writes the same text twice;
 * the trained LSTM's h_t, one unit's arithmetic and its distribution are the reference's too;
 * bad input and a corrupt model file get a message in the widget and no page error.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { largestDifference, tableValues } from './widget-data';
import { readCharModel } from '../../src/lib/models/char-model-file';
import { lstmWeights, transformerWeights } from '../../src/lib/models/char-model-weights';
import { samplingDistribution } from '../../src/lib/reference/char-lm';
import { lstmForward } from '../../src/lib/reference/char-lstm';
import { transformerForward } from '../../src/lib/reference/char-transformer';
import { preparePrefix, type LstmModel, type TransformerModel } from '../../src/lib/widgets/char-lm/model';

function shipped<M extends TransformerModel | LstmModel = TransformerModel>(id: string): M {
	const weights = readFileSync(`public/models/${id}/weights.bin`);
	return readCharModel(JSON.parse(readFileSync(`public/models/${id}/model.json`, 'utf8')), new Uint8Array(weights).buffer) as M;
}

async function readyWidget(page: Page, name = 'lm-attention-widget') {
	const widget = page.locator(name);
	await widget.scrollIntoViewIfNeeded();
	await expect(widget).toHaveAttribute('data-status', 'ready', { timeout: 45_000 });
	return widget;
}

for (const [locale, id, prefix] of [
	['en', 'names-transformer', 'mari'],
	['zh-cn', 'verse-transformer', '床前明月光，疑是'],
] as const) {
	test(
		`${locale}: the trained model's attention for a linked prefix, head and query is the reference's, and its bars sum to 1`,
		{ tag: '@subpath' },
		async ({ page }) => {
			await page.goto(`${locale}/tutorial/algorithms/?backend=wasm&lm.text=${encodeURIComponent(prefix)}&lm.layer=1&lm.head=2&lm.q=3`);
			const widget = await readyWidget(page);
			await expect(widget).toHaveAttribute('data-model', id);
			const model = shipped(id);
			const { ids } = preparePrefix(prefix, model.config.vocabulary, model.config.context);
			const trace = transformerForward(model.config, transformerWeights(model.config, model.parameters), ids);
			const expected = trace.heads[1]![2]!.weights;
			const shown = await tableValues(widget.locator('[data-role="lm-weights"]'));
			expect(shown.length).toBe(ids.length);
			expect(largestDifference(shown, expected)).toBeLessThan(1e-4);
			expect(
				shown[0]!.slice(1).every((w) => w === 0),
				'causal: the first token sees only itself',
			).toBe(true);
			await expect(widget.locator('[data-role="lm-formula"]')).toHaveAttribute('data-query', '3');
			const bars = await widget.locator('[data-role="lm-bars"] li').evaluateAll((items) => items.map((li) => Number(li.getAttribute('data-p'))));
			expect(Math.abs(bars.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-5);
			// The highest bar is the reference's most probable next character after token 3.
			const logits = trace.logits[3]!;
			const best = model.config.vocabulary[logits.indexOf(Math.max(...logits))]!;
			await expect(widget.locator('[data-role="lm-bars"] li .char').first()).toHaveText(best === ' ' ? '␣' : best);
		},
	);
}

test('a seeded Generate link writes the same text twice; Generate again takes the next seed', async ({ page }) => {
	const url = 'en/tutorial/algorithms/?lm.text=el&lm.gen=1&lm.seed=7';
	const sampleText = async () => {
		await page.goto(url);
		const widget = await readyWidget(page);
		const sample = widget.locator('[data-role="lm-sample"]');
		await expect(sample).toContainText('seed 7');
		return (await sample.textContent()) ?? '';
	};
	const first = await sampleText();
	expect(first).toMatch(/el\|/);
	expect(await sampleText()).toBe(first);
	const widget = page.locator('lm-attention-widget');
	await widget.locator('[data-role="lm-generate"]').click();
	await expect(widget.locator('[data-role="lm-sample"]')).toContainText('seed 8');
	await expect(page).toHaveURL(/lm\.seed=8/);
	// The generated tokens are marked as such.
	expect(await widget.locator('[data-role="lm-tokens"] button[data-generated]').count()).toBeGreaterThan(0);
});

test('unknown characters, a prefix longer than the context, an empty prefix and a corrupt model file get a message in the widget', async ({ page }) => {
	await page.goto('zh-cn/tutorial/algorithms/');
	let widget = await readyWidget(page);
	const input = widget.locator('[data-role="lm-text"]');
	const message = widget.locator('[data-role="message"]');
	await input.fill('床前AB😀');
	await expect(message).toContainText('不在模型词表中：A B 😀');
	await expect(widget.locator('[data-role="lm-tokens"] button[data-unknown]')).toHaveCount(3);
	await input.fill('床前明月光，疑是地上霜。举头望明月，低头思故乡。床前明月光，');
	await expect(message).toContainText('超出了模型的上下文长度');
	await input.fill('');
	await expect(widget.locator('[data-role="lm-tokens"] button')).toHaveCount(1);
	await expect(widget.locator('[data-role="lm-tokens"] button').first()).toHaveText('⟨s⟩');
	await expect(widget).toHaveAttribute('data-status', 'ready');

	await page.route('**/models/verse-transformer/weights.bin', (route) => route.fulfill({ status: 200, body: Buffer.alloc(100) }));
	await page.goto('zh-cn/tutorial/algorithms/');
	widget = page.locator('lm-attention-widget');
	await widget.scrollIntoViewIfNeeded();
	await expect(widget).toHaveAttribute('data-status', 'error', { timeout: 45_000 });
	await expect(widget.locator('[data-role="message"]')).toContainText('无法加载训练好的模型');
	await expect(widget.locator('[data-role="message"]')).toContainText('weights.bin holds 100 bytes');
});

for (const [locale, id, prefix] of [
	['en', 'names-lstm', 'mari'],
	['zh-cn', 'verse-lstm', '床前明月光，'],
] as const)
	test(`${locale}: the trained LSTM's h_t at every step, a unit's arithmetic and the next-character bars are the reference's`, async ({ page }) => {
		await page.goto(`${locale}/tutorial/algorithms/?backend=wasm&lstm.text=${encodeURIComponent(prefix)}&lstm.step=3&lstm.unit=5&lstm.topk=5`);
		const widget = await readyWidget(page, 'lm-lstm-widget');
		await expect(widget).toHaveAttribute('data-model', id);
		const model = shipped<LstmModel>(id);
		const { ids } = preparePrefix(prefix, model.config.vocabulary, model.config.context);
		const trace = lstmForward(model.config, lstmWeights(model.config, model.parameters), ids);
		const shown = await tableValues(widget.locator('[data-role="lstm-h-table"]'));
		expect(shown.length).toBe(ids.length);
		expect(
			largestDifference(
				shown,
				trace.steps.map((s) => s.h),
			),
		).toBeLessThan(1e-4);
		const formula = widget.locator('[data-role="lstm-formula"]');
		await expect(formula).toHaveAttribute('data-step', '3');
		await expect(formula).toHaveAttribute('data-unit', '5');
		expect(Math.abs(Number(await formula.getAttribute('data-h')) - trace.steps[2]!.h[4]!)).toBeLessThan(1e-4);
		// Top-5 after step 3: five bars (and no "others"), the reference's distribution, summing to 1.
		const expected = samplingDistribution(trace.logits[2]!, { temperature: 1, topK: 5 });
		const bars = await widget.locator('[data-role="lstm-bars"] li').evaluateAll((items) => items.map((li) => Number(li.getAttribute('data-p'))));
		expect(Math.abs(bars.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-5);
		expect(bars.slice(0, 5)).toEqual(
			[...expected]
				.sort((a, b) => b - a)
				.slice(0, 5)
				.map((p) => expect.closeTo(p, 4)),
		);
		// Generate with a seed: the same text again after a reload.
		await widget.locator('[data-role="lstm-generate"]').click();
		const sample = widget.locator('[data-role="lstm-sample"]');
		await expect(sample).toContainText(/1/);
		const first = await sample.textContent();
		await page.reload();
		await expect(await readyWidget(page, 'lm-lstm-widget')).toHaveAttribute('data-status', 'ready');
		await expect(page.locator('lm-lstm-widget [data-role="lstm-sample"]')).toHaveText(first ?? '');
	});
