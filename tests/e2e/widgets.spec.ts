import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { stripDigits, tableValues } from './widget-data';
import { conv2d } from '../../src/lib/reference/convolution';
import { pool2d } from '../../src/lib/reference/pooling';
import { referenceFrame, prepareSentence } from '../../src/lib/widgets/attention/frame';
import type { Matrix } from '../../src/lib/reference/matrix';
import { referenceFrame as rnnReference } from '../../src/lib/widgets/rnn/model';

const digits = stripDigits;
const TOLERANCE = 1e-4;

function expectClose(actual: Matrix, expected: Matrix) {
	expect(actual.length).toBe(expected.length);
	let worst = 0;
	actual.forEach((row, i) => {
		expect(row.length).toBe(expected[i]!.length);
		row.forEach((v, j) => (worst = Math.max(worst, Math.abs(v - expected[i]![j]!))));
	});
	expect(worst).toBeLessThan(TOLERANCE);
}

/** Scrolls a widget into view (it hydrates then) and waits for a result from the expected backend. */
async function ready(page: Page, selector: string, backend?: string): Promise<Locator> {
	const widget = page.locator(selector);
	await widget.scrollIntoViewIfNeeded();
	await expect(widget).toHaveAttribute('data-status', 'ready', { timeout: 45_000 });
	if (backend) await expect(widget).toHaveAttribute('data-backend', backend);
	return widget;
}

const CONV_STATE = 'conv.digit=8&conv.k=1,0,-1,2,0,-2,1,0,-1&conv.stride=2&conv.pad=same&conv.relu=1';
const POOL_STATE = 'pool.mode=avg&pool.window=3&pool.stride=2';
const ATTN_TEXT = 'the bank of the river was steep';
const ATTN_STATE = `attn.text=${encodeURIComponent(ATTN_TEXT)}&attn.heads=3&attn.causal=1&attn.temp=0.7`;
const RNN_TEXT = 'long short-term memory keeps a cell state';
const RNN_STATE = `rnn.text=${encodeURIComponent(RNN_TEXT)}&rnn.mode=lstm&rnn.step=4`;

for (const backend of ['wasm', 'webgl', 'cpu', 'webgpu'] as const) {
	// Under a sub-path too, on one backend: the widgets fetch the digits and the WASM binaries from the site's base.
	const tags = backend === 'wasm' ? ['@subpath'] : [];
	test(`on ${backend}, the widgets show the reference's numbers for a URL-given state`, { tag: tags }, async ({ page }) => {
		test.slow(backend === 'webgpu'); // a software adapter compiles shaders slowly
		await page.goto(`en/tutorial/algorithms/?backend=${backend}&${CONV_STATE}&${POOL_STATE}&${ATTN_STATE}&${RNN_STATE}`);

		const conv = await ready(page, 'conv-widget', backend);
		const input = digits[8]!.pixels;
		const expectedMap = conv2d(
			input,
			[
				[1, 0, -1],
				[2, 0, -2],
				[1, 0, -1],
			],
			{ stride: 2, padding: 'same', applyRelu: true },
		);
		expect(expectedMap.length).toBe(14);
		expectClose(await tableValues(conv.locator('[data-role="data-table"]')), expectedMap);
		await expect(conv.locator('[data-role="backend-readout"]')).toContainText(backend);

		const pool = await ready(page, 'pool-widget', backend);
		await expect
			.poll(async () => (await tableValues(pool.locator('[data-role="data-table"]'))).length)
			.toBe(pool2d(expectedMap, { mode: 'avg', window: 3, stride: 2 }).length);
		expectClose(await tableValues(pool.locator('[data-role="data-table"]')), pool2d(expectedMap, { mode: 'avg', window: 3, stride: 2 }));

		const rnn = await ready(page, 'rnn-widget', backend);
		const lstm = rnnReference(RNN_TEXT).lstm;
		expectClose(
			await tableValues(rnn.locator('[data-role="data-table"]')),
			lstm.map((step) => step.h),
		);

		const attention = await ready(page, 'attention-widget', backend);
		const tokens = prepareSentence(ATTN_TEXT).tokens;
		const heads = referenceFrame(tokens, { text: ATTN_TEXT, causal: true, scale: true, temperature: 0.7, heads: 3, query: 1 });
		const tables = attention.locator('[data-role="heads-view"] table');
		await expect(tables).toHaveCount(3);
		for (const [h, head] of heads.entries()) expectClose(await tableValues(tables.nth(h)), head.weights);
	});
}

test('without a choice, a software WebGPU adapter is passed over for a faster backend, and the widget says so', async ({ page }) => {
	await page.goto('en/tutorial/algorithms/');
	const conv = await ready(page, 'conv-widget');
	const backend = await conv.getAttribute('data-backend');
	expect(['wasm', 'webgl', 'cpu', 'webgpu']).toContain(backend);
	const hasHardwareGpu = await page.evaluate(async () => {
		const gpu = (navigator as unknown as { gpu?: { requestAdapter(): Promise<{ info?: { isFallbackAdapter?: boolean } } | null> } }).gpu;
		const adapter = await gpu?.requestAdapter();
		return Boolean(adapter && !adapter.info?.isFallbackAdapter);
	});
	if (!hasHardwareGpu) expect(backend).toBe('wasm');
	await expect(conv.locator('[data-role="backend-readout"]')).toHaveText(new RegExp(`^${backend} · \\d+(\\.\\d)? ms$`));
});

test('the backend control switches every widget, and the URL remembers it', async ({ page }) => {
	await page.goto('en/tutorial/algorithms/');
	const conv = await ready(page, 'conv-widget');
	await conv.getByRole('combobox', { name: 'Backend' }).selectOption('cpu');
	await expect(conv).toHaveAttribute('data-backend', 'cpu');
	await expect(page).toHaveURL(/backend=cpu/);
	const attention = await ready(page, 'attention-widget');
	await expect(attention).toHaveAttribute('data-backend', 'cpu');
});

test('fifty updates leave the tensor count where it was', async ({ page }) => {
	await page.goto('en/tutorial/algorithms/?backend=wasm');
	const conv = await ready(page, 'conv-widget', 'wasm');
	const output = conv.locator('svg[data-role="output"]');
	await output.focus();
	const before = Number(await conv.getAttribute('data-tensors'));
	for (let i = 0; i < 25; i++) await page.keyboard.press(i % 2 ? 'ArrowLeft' : 'ArrowDown');
	for (const preset of ['edges', 'blur', 'sharpen', 'identity', 'sobel-y']) await conv.getByRole('combobox', { name: 'Kernel preset' }).selectOption(preset);
	const attention = await ready(page, 'attention-widget', 'wasm');
	const slider = attention.getByRole('slider', { name: /Temperature/ });
	await slider.focus();
	for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowRight');
	await expect(conv).toHaveAttribute('data-status', 'ready');
	await expect(attention).toHaveAttribute('data-status', 'ready');
	await expect.poll(async () => Number(await conv.getAttribute('data-tensors'))).toBe(before);
	expect(Number(await attention.getAttribute('data-tensors'))).toBe(before);
});

test('bad input gets a clear message next to the widget, and the widget keeps working', async ({ page }) => {
	await page.goto('en/tutorial/algorithms/?backend=cpu&conv.stride=99&attn.heads=seven&conv.k=1,2');
	const conv = await ready(page, 'conv-widget', 'cpu');
	await expect(conv.locator('[data-role="message"]')).toContainText('conv.stride=99');
	await expect(conv.locator('[data-role="message"]')).toContainText('conv.k=1,2');

	// A non-number in a kernel cell: message, marked cell, last valid kernel kept.
	const before = await tableValues(conv.locator('[data-role="data-table"]'));
	const cell = conv.getByRole('textbox', { name: 'Weight at row 2, column 2' });
	await cell.fill('abc');
	await expect(conv.locator('[data-role="message"]')).toContainText('“abc” at kernel row 2, column 2 is not a number');
	await expect(cell).toHaveAttribute('aria-invalid', 'true');
	expectClose(await tableValues(conv.locator('[data-role="data-table"]')), before);
	await cell.fill('4');
	await expect(cell).not.toHaveAttribute('aria-invalid', 'true');
	await expect(conv.locator('[data-role="message"]')).toBeEmpty();

	const attention = await ready(page, 'attention-widget', 'cpu');
	await expect(attention.locator('[data-role="message"]')).toContainText('attn.heads=seven');
	const sentence = attention.getByRole('textbox', { name: 'Sentence' });
	await sentence.fill('');
	await expect(attention.locator('[data-role="message"]')).toContainText('The sentence is empty');
	await sentence.fill('word '.repeat(450)); // 2,250 characters
	await expect(attention.locator('[data-role="message"]')).toContainText('only the first 2000 characters');
	await expect(attention.locator('[data-role="message"]')).toContainText('only the first 16 are shown');
	await expect(attention.locator('[data-role="tokens"] button')).toHaveCount(16);
	await sentence.fill('attention is all you need');
	await expect(attention.locator('[data-role="tokens"] button')).toHaveCount(5);
	await expect(attention.locator('[data-role="message"]')).toBeEmpty();
	await expect(attention).toHaveAttribute('data-status', 'ready');
});

test('widget state round-trips through the URL, including the back button', async ({ page }) => {
	await page.goto('zh-cn/tutorial/algorithms/?backend=cpu');
	const conv = await ready(page, 'conv-widget', 'cpu');
	await conv.getByRole('combobox', { name: '卷积核预设' }).selectOption('blur');
	await expect(page).toHaveURL(/conv\.k=/);
	await conv.getByRole('combobox', { name: '步幅 s' }).selectOption('2');
	await expect(page).toHaveURL(/conv\.stride=2/);
	await page.reload();
	const reloaded = await ready(page, 'conv-widget', 'cpu');
	await expect(reloaded.getByRole('combobox', { name: '步幅 s' })).toHaveValue('2');
	await expect(reloaded.getByRole('combobox', { name: '卷积核预设' })).toHaveValue('blur');
	await page.goBack();
	await expect(page).not.toHaveURL(/conv\.stride=2/);
	await expect(reloaded.getByRole('combobox', { name: '步幅 s' })).toHaveValue('1');
});

test('the server-rendered first frame already shows the default result before any script runs', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('en/tutorial/algorithms/');
	await expect(page.locator('conv-widget svg[data-role="output"] rect.cell')).toHaveCount(26 * 26);
	await expect(page.locator('conv-widget [data-role="cell-formula"] .katex')).toBeVisible();
	await expect(page.locator('attention-widget [data-role="heads-view"] figure')).toHaveCount(2);
	await context.close();
});

test('a chapter whose widgets need no tensors (part 2) downloads no TensorFlow.js', async ({ page }) => {
	const scripts: string[] = [];
	page.on('response', (r) => {
		if (r.request().resourceType() === 'script' || r.url().endsWith('.wasm')) scripts.push(r.url());
	});
	await page.goto('en/tutorial/concepts/');
	// Every widget of the chapter brought near and hydrated, so that their own code is among what was downloaded.
	const widgets = page.locator('[data-widget]');
	expect(await widgets.count()).toBeGreaterThanOrEqual(4);
	for (const widget of await widgets.all()) {
		await widget.scrollIntoViewIfNeeded();
		await expect(widget).toHaveAttribute('data-status', 'ready');
	}
	await page.waitForLoadState('networkidle');
	// tfjs-core's kernel registry is in every build of it (our own code may still name "tfjs" in a message, as the
	// reader of model files does); and no .wasm binary.
	const bodies = await Promise.all(scripts.filter((url) => !url.endsWith('.wasm')).map((url) => page.request.get(url).then((r) => r.text())));
	expect(scripts.filter((url) => url.endsWith('.wasm'))).toEqual([]);
	expect(bodies.filter((b) => b.includes('registerKernel')).length).toBe(0);
});

test("a lost WebGPU device: the widget says so in the reader's language and carries on with the next backend", async ({ page }) => {
	// Keep every GPUDevice the page creates, so the test can destroy it: a real loss (device.lost resolves with
	// "destroyed", and work submitted afterwards fails), not a simulated error.
	await page.addInitScript(() => {
		const devices: GPUDevice[] = [];
		(window as unknown as { gpuDevices: GPUDevice[] }).gpuDevices = devices;
		const request = GPUAdapter.prototype.requestDevice;
		GPUAdapter.prototype.requestDevice = async function (this: GPUAdapter, ...args: Parameters<GPUAdapter['requestDevice']>) {
			const device = await request.apply(this, args);
			devices.push(device);
			return device;
		};
	});
	await page.goto('zh-cn/tutorial/algorithms/?backend=webgpu');
	const conv = await ready(page, 'conv-widget', 'webgpu');
	await page.evaluate(() => (window as unknown as { gpuDevices: GPUDevice[] }).gpuDevices.forEach((device) => device.destroy()));
	await conv.getByRole('button', { name: '前进一步' }).click();
	await expect(conv.locator('[data-role="message"]')).toContainText('webgpu 后端出错');
	await expect(conv).toHaveAttribute('data-status', 'ready');
	await expect(conv).not.toHaveAttribute('data-backend', 'webgpu');
	// It keeps working on the new backend.
	await conv.getByRole('button', { name: '前进一步' }).click();
	await expect(conv).toHaveAttribute('data-status', 'ready');
});
