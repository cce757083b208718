/**
 * The calculators (part 5's scaling and memory, part 1's cost comparison) in the browser: the numbers they show are the plain arithmetic's for what
 * the reader types, its state round-trips through the URL, every kind of bad input gets a message beside the boxes and leaves the
 * last result standing, and the chapter loads no TensorFlow.js.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { kvCacheBytes } from '../../src/lib/calculators/memory';
import { ACCELERATORS, computeOptimal, trainingCompute } from '../../src/lib/calculators/scaling';
import { servingCost } from '../../src/lib/calculators/serving-cost';

async function calculator(page: Page, url: string, tag = 'scaling-calculator'): Promise<Locator> {
	await page.goto(url);
	const widget = page.locator(tag);
	await widget.scrollIntoViewIfNeeded();
	await expect(widget).toHaveAttribute('data-status', 'ready');
	return widget;
}

const formulaData = (widget: Locator, role: string, key: string) =>
	widget.locator(`[data-role="${role}"]`).evaluate((el, k) => Number((el as HTMLElement).dataset[k]), key);

/** No NaN, ∞ or unfilled template anywhere the reader can see. */
async function expectOnlyNumbers(widget: Locator) {
	const text = await widget.evaluate((el) => (el as HTMLElement).innerText + [...el.querySelectorAll('svg')].map((svg) => svg.textContent).join(' '));
	expect(text).not.toMatch(/NaN|Infinity|∞|undefined|\{\{/);
}

test('the calculator computes 6ND and the compute-optimal split of what the reader types, and the URL keeps it', async ({ page }) => {
	const widget = await calculator(page, 'en/tutorial/trends/');
	expect(await formulaData(widget, 'compute-formula', 'compute')).toBeCloseTo(trainingCompute(70e9, 1.4e12), -18);

	await widget.getByRole('textbox', { name: 'Parameters N' }).fill('405e9');
	await widget.getByRole('textbox', { name: 'Training tokens D' }).fill('15.6e12');
	await expect.poll(() => formulaData(widget, 'compute-formula', 'compute')).toBeCloseTo(trainingCompute(405e9, 15.6e12), -21);
	const optimal = computeOptimal(trainingCompute(405e9, 15.6e12), 20);
	expect((await formulaData(widget, 'optimal-formula', 'parameters')) / optimal.parameters).toBeCloseTo(1, 9);
	await expect(widget.locator('[data-role="eu-remark"]')).toContainText('3.79 × 10²⁵ FLOPs is more than 10²⁵');
	await expect(widget.locator('[data-mark="yours"]')).toHaveCount(1);
	await expect(widget.locator('[data-role="runs"] tbody tr')).toHaveCount(5);

	await widget.getByRole('radio', { name: 'a compute budget C' }).check();
	await expect(widget.getByRole('textbox', { name: 'Parameters N' })).toBeHidden();
	await widget.getByRole('textbox', { name: 'Budget C (FLOPs)' }).fill('3e24');
	await widget.getByRole('textbox', { name: 'Tokens per parameter r' }).fill('40');
	await widget.getByRole('textbox', { name: 'Accelerators n' }).fill('16384');
	await widget.getByRole('combobox', { name: /Accelerator/ }).selectOption('a100');
	await expect.poll(() => formulaData(widget, 'optimal-formula', 'parameters')).toBeCloseTo(Math.sqrt(3e24 / 240), -3);
	// t = C / (n F u) with the A100's 312 teraFLOP/s at the default 40 %
	expect(await formulaData(widget, 'time-formula', 'seconds')).toBeCloseTo(3e24 / (16384 * 312e12 * 0.4), 3);
	await expect(widget.locator('[data-mark="yours"]')).toHaveCount(0);
	await expectOnlyNumbers(widget);

	// URL writes are gathered for 150 ms: wait for the last change (the accelerator) to be there.
	await expect.poll(() => new URL(page.url()).searchParams.get('scale.hw')).toBe('a100');
	const url = page.url();
	expect(new URL(url).searchParams.get('scale.c')).toBe('3e24');
	expect(new URL(url).searchParams.get('scale.count')).toBe('16384');
	const reloaded = await calculator(page, url);
	await expect(reloaded.getByRole('textbox', { name: 'Budget C (FLOPs)' })).toHaveValue('3e24');
	await expect(reloaded.getByRole('textbox', { name: 'Accelerators n' })).toHaveValue('16384');
	await expect(reloaded.getByRole('radio', { name: 'a compute budget C' })).toBeChecked();
	expect(await formulaData(reloaded, 'time-formula', 'seconds')).toBeCloseTo(3e24 / (16384 * 312e12 * 0.4), 3);
});

test('bad input gets a message beside the boxes; the last good result stays and nothing on screen is NaN', async ({ page }) => {
	const widget = await calculator(page, 'en/tutorial/trends/');
	const message = widget.locator('[data-role="message"]');
	const compute = () => formulaData(widget, 'compute-formula', 'compute');
	const before = await compute();
	const cases: [name: string, typed: string, says: string][] = [
		['Parameters N', '', 'Enter Parameters N.'],
		['Parameters N', 'abc', 'Parameters N: “abc” is not a number'],
		['Parameters N', '-5', 'Parameters N must be from 1,000 to 1 × 10¹⁵.'],
		['Training tokens D', '1e999', 'Training tokens D must be from 1,000 to 1 × 10¹⁷.'],
		['Utilisation u (%)', '1e9', 'Utilisation u (%) must be from 1 to 100.'],
		['Accelerators n', '1.5', 'Accelerators n must be a whole number.'],
		['PUE', '0', 'PUE must be from 1 to 3.'],
	];
	for (const [name, typed, says] of cases) {
		const box = widget.getByRole('textbox', { name });
		const good = await box.inputValue();
		await box.fill(typed);
		await expect(message).toContainText(says);
		await expect(box).toHaveAttribute('aria-invalid', 'true');
		expect(await compute()).toBe(before);
		await expectOnlyNumbers(widget);
		await box.fill(good);
		await expect(box).not.toHaveAttribute('aria-invalid');
	}
	await expect(message).toBeEmpty();

	const fromUrl = await calculator(page, 'en/tutorial/trends/?scale.n=abc&scale.mfu=1e9');
	await expect(fromUrl.locator('[data-role="message"]')).toContainText('scale.n=abc');
	await expect(fromUrl.locator('[data-role="message"]')).toContainText('scale.mfu=1e9');
	expect(await formulaData(fromUrl, 'compute-formula', 'compute')).toBe(before);
});

test('the Chinese page: the calculator in Chinese, and the trends chapter downloads no TensorFlow.js', async ({ page }) => {
	const scripts: string[] = [];
	page.on('response', (r) => {
		if (r.request().resourceType() === 'script' || r.url().endsWith('.wasm')) scripts.push(r.url());
	});
	const widget = await calculator(page, 'zh-cn/tutorial/trends/');
	await widget.getByRole('textbox', { name: '参数量 N' }).fill('');
	await expect(widget.locator('[data-role="message"]')).toHaveText('请填写参数量 N。');
	await expect(widget.locator('[data-role="time-readout"]')).toContainText('加速器小时');
	await page.waitForLoadState('networkidle');
	const bodies = await Promise.all(scripts.map((url) => page.request.get(url).then((r) => r.text())));
	expect(bodies.some((b) => b.includes('tfjs') || b.includes('registerKernel'))).toBe(false);
});

test('the memory calculator: weights by format, the KV cache, LoRA; a rank too high is said where LoRA is; the URL keeps it', async ({ page }) => {
	const widget = await calculator(page, 'en/tutorial/trends/', 'memory-calculator');
	const bytes = (role: string) => formulaData(widget, role, 'bytes');
	expect(await bytes('weights-formula')).toBe(14e9);
	expect(await bytes('kv-formula')).toBe(kvCacheBytes(32, 2048, 4096, 2, 1));

	await widget.getByRole('textbox', { name: 'Parameters N' }).fill('7e10');
	await expect(widget.locator('[data-role="fit"]')).toContainText('needs at least 2 accelerators of 80 GB');
	await widget.getByRole('combobox', { name: 'Weights kept in' }).selectOption('int4');
	await expect.poll(() => bytes('weights-formula')).toBe(35e9);
	await widget.getByRole('textbox', { name: 'Context n (tokens)' }).fill('8192');
	await widget.getByRole('textbox', { name: 'Sequences B' }).fill('4');
	await widget.getByRole('combobox', { name: 'KV cache bits per number' }).selectOption('8');
	await expect.poll(() => bytes('kv-formula')).toBe(kvCacheBytes(32, 8192, 4096, 1, 4));
	await expect(widget.locator('[data-bar="total"]')).toHaveAttribute('data-value', String(35e9 + kvCacheBytes(32, 8192, 4096, 1, 4)));

	await widget.getByRole('textbox', { name: 'Rank r' }).fill('5000');
	await expect(widget.locator('[data-role="lora-readout"]')).toHaveText(
		'Rank r = 5,000 is more than a d_out × d_in matrix can have (at most 4,096, the smaller of d_out and d_in).',
	);
	await widget.getByRole('textbox', { name: 'Rank r' }).fill('16');
	await expect.poll(() => formulaData(widget, 'lora-formula', 'perMatrix')).toBe(16 * (4096 + 4096));
	await expectOnlyNumbers(widget);

	for (const [name, typed, says] of [
		['Layers L', '1.5', 'Layers L must be a whole number.'],
		['Width d', '', 'Enter Width d.'],
		['Matrices adapted', '1e9', 'Matrices adapted must be from 1 to 100,000.'],
	] as const) {
		const box = widget.getByRole('textbox', { name });
		const good = await box.inputValue();
		await box.fill(typed);
		await expect(widget.locator('[data-role="message"]')).toContainText(says);
		await expectOnlyNumbers(widget);
		await box.fill(good);
	}

	await expect.poll(() => new URL(page.url()).searchParams.get('mem.rank')).toBe('16');
	const reloaded = await calculator(page, page.url(), 'memory-calculator');
	await expect(reloaded.getByRole('combobox', { name: 'Weights kept in' })).toHaveValue('int4');
	await expect(reloaded.getByRole('textbox', { name: 'Parameters N' })).toHaveValue('7e10');
	expect(await formulaData(reloaded, 'kv-formula', 'bytes')).toBe(kvCacheBytes(32, 8192, 4096, 1, 4));
});

test("part 6's “Is a bigger model always better?” opens the calculator set to Gopher's run, and it says what the FAQ says", async ({ page }) => {
	await page.goto('en/tutorial/faq/');
	await page.getByRole('link', { name: /the scaling calculator, set to Gopher/ }).click();
	const widget = page.locator('scaling-calculator');
	await expect(widget).toHaveAttribute('data-status', 'ready');
	expect(await formulaData(widget, 'compute-formula', 'compute')).toBeCloseTo(trainingCompute(280e9, 300e9), -19);
	// the FAQ's “about 65 billion parameters on 1.3 trillion tokens”
	expect((await formulaData(widget, 'optimal-formula', 'parameters')) / 1e9).toBeCloseTo(65, -0.5);
	expect((await formulaData(widget, 'optimal-formula', 'tokens')) / 1e12).toBeCloseTo(1.3, 1);
	await expect(widget.locator('[data-role="split"]')).toContainText('Your run has 1.07 tokens per parameter');
});

test("part 1's cost comparison: both bills are the arithmetic's for what the reader types; no tokens is a message; the URL keeps it", async ({ page }) => {
	const scripts: string[] = [];
	page.on('response', (r) => {
		if (r.request().resourceType() === 'script') scripts.push(r.url());
	});
	const widget = await calculator(page, 'en/tutorial/background/', 'cost-calculator');
	const dollars = (role: string) => formulaData(widget, role, 'dollars');
	expect(await dollars('api-formula')).toBeCloseTo(500, 6);

	await widget.getByRole('textbox', { name: 'Prompt tokens V_in' }).fill('3e9');
	await widget.getByRole('textbox', { name: 'Answer tokens V_out' }).fill('1e9');
	await widget.getByRole('textbox', { name: 'Parameters N' }).fill('8e9');
	await widget.getByRole('combobox', { name: 'Bits per weight' }).selectOption('8');
	await widget.getByRole('combobox', { name: /^Accelerator/ }).selectOption('a100');
	await widget.getByRole('textbox', { name: 'US$ per accelerator-hour p_h' }).fill('1.5');
	await widget.getByRole('textbox', { name: 'Sequences at a time B' }).fill('8');
	const expected = servingCost({
		inputTokens: 3e9,
		outputTokens: 1e9,
		apiInputPrice: 2.5,
		apiOutputPrice: 10,
		parameters: 8e9,
		bits: 8,
		accelerator: ACCELERATORS.a100,
		hourlyPrice: 1.5,
		batch: 8,
		utilisation: 0.4,
	});
	await expect.poll(() => dollars('self-formula')).toBeCloseTo(expected.selfHosted, 6);
	expect(await dollars('api-formula')).toBeCloseTo(expected.api, 6);
	expect(await formulaData(widget, 'rate-formula', 'write')).toBeCloseTo(expected.writeRate, 3);
	expect(await formulaData(widget, 'self-formula', 'replicas')).toBe(expected.replicas);
	await expect(widget.locator('[data-role="verdict"]')).toContainText(`US$${Math.round(expected.api).toLocaleString('en')}`);
	await expectOnlyNumbers(widget);

	await widget.getByRole('textbox', { name: 'Prompt tokens V_in' }).fill('0');
	await widget.getByRole('textbox', { name: 'Answer tokens V_out' }).fill('0');
	await expect(widget.locator('[data-role="message"]')).toHaveText('Enter some tokens a month: with none there is nothing to compare.');
	expect(await dollars('self-formula')).toBeCloseTo(expected.selfHosted, 6);
	await widget.getByRole('textbox', { name: 'Answer tokens V_out' }).fill('1e9');
	await widget.getByRole('textbox', { name: 'Prompt tokens V_in' }).fill('3e9');
	await expect(widget.locator('[data-role="message"]')).toBeEmpty();

	// URL writes are gathered for 150 ms: wait for the last change (the prompt tokens typed back) to be there.
	await expect.poll(() => new URL(page.url()).searchParams.get('cost.in')).toBe('3e9');
	expect(new URL(page.url()).searchParams.get('cost.batch')).toBe('8');
	const reloaded = await calculator(page, page.url(), 'cost-calculator');
	await expect(reloaded.getByRole('combobox', { name: /^Accelerator/ })).toHaveValue('a100');
	expect(await formulaData(reloaded, 'self-formula', 'dollars')).toBeCloseTo(expected.selfHosted, 6);
	const bodies = await Promise.all(scripts.map((url) => page.request.get(url).then((r) => r.text())));
	expect(bodies.some((b) => b.includes('tfjs') || b.includes('registerKernel'))).toBe(false);
});
