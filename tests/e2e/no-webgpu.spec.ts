import { launchOptions, quietArgs } from './chromium';
import { expect, test } from './fixtures';

// The project's browser runs with --enable-unsafe-webgpu (a software adapter on a machine without a GPU); a reader's
// browser may have no WebGPU at all. This file starts Chromium without the WebGPU flags.
test.use({ launchOptions: launchOptions(quietArgs) });

test('without WebGPU the widgets work on the next backend and say which one computed the result, and why', async ({ page }) => {
	await page.goto('en/tutorial/algorithms/');
	const conv = page.locator('conv-widget');
	await conv.scrollIntoViewIfNeeded();
	await expect(conv).toHaveAttribute('data-status', 'ready', { timeout: 45_000 });
	const backend = (await conv.getAttribute('data-backend'))!;
	expect(['wasm', 'webgl', 'cpu']).toContain(backend);
	const readout = conv.locator('[data-role="backend-readout"]');
	await expect(readout).toHaveText(new RegExp(`^${backend} · \\d+(\\.\\d)? ms$`));
	// The readout's title gives the reason: WebGPU was passed over.
	await expect(readout).toHaveAttribute('title', /webgpu: /);
	const attention = page.locator('attention-widget');
	await attention.scrollIntoViewIfNeeded();
	await expect(attention).toHaveAttribute('data-status', 'ready', { timeout: 45_000 });
	await expect(attention).toHaveAttribute('data-backend', backend);
});
