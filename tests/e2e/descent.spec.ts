/**
 * Part 2's gradient-descent widget in the browser: the point it shows after a linked number of steps is the reference
 * run's, Step and Play move it, a click on the plot starts a new run there, a diverging run is explained, a noisy run
 * replays from its seed, and the chapter still downloads no TensorFlow.js.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { readyWidgetAt } from './widget-data';
import { descend } from '../../src/lib/reference/descent';

const widgetAt = (page: Page, url: string) => readyWidgetAt(page, url, 'descent-widget');

const shown = async (widget: Locator) =>
	widget.locator('[data-role="update-formula"]').evaluate((el) => {
		const data = (el as HTMLElement).dataset;
		return { t: Number(data.t), x: Number(data.x), y: Number(data.y) };
	});

test('a linked Adam run on Rosenbrock is the reference’s; Step, Play and Pause move it one step at a time', async ({ page }) => {
	const widget = await widgetAt(page, 'en/tutorial/concepts/?gd.surface=rosenbrock&gd.opt=adam&gd.lr=0.02&gd.x=-1.2&gd.y=1&gd.t=150');
	const adam = { kind: 'adam', learningRate: 0.02, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 } as const;
	const expected = descend('rosenbrock', adam, [-1.2, 1], 150, 1).path.at(-1)!;
	expect(await shown(widget)).toEqual({ t: 150, x: expected[0], y: expected[1] });

	await widget.getByRole('button', { name: 'Step' }).click();
	await expect.poll(async () => (await shown(widget)).t).toBe(151);
	expect((await shown(widget)).x).toBe(descend('rosenbrock', adam, [-1.2, 1], 151, 1).path.at(-1)![0]);

	await widget.getByRole('button', { name: 'Play' }).click();
	await expect.poll(async () => (await shown(widget)).t).toBeGreaterThan(170);
	await widget.getByRole('button', { name: 'Pause' }).click();
	const paused = (await shown(widget)).t;
	await page.waitForTimeout(300);
	expect((await shown(widget)).t).toBe(paused);
	await expect.poll(() => new URL(page.url()).searchParams.get('gd.t')).toBe(String(paused));
	const reloaded = await widgetAt(page, page.url());
	const replay = descend('rosenbrock', adam, [-1.2, 1], paused, 1).path.at(-1)!;
	expect(await shown(reloaded)).toEqual({ t: paused, x: replay[0], y: replay[1] });
	await expect(reloaded.locator('[data-role="readout"]')).toContainText(`Step ${paused}:`);
});

test('a click on the plot starts there; too large a learning rate diverges and is explained, never NaN', async ({ page }) => {
	const widget = await widgetAt(page, 'en/tutorial/concepts/');
	const plot = widget.locator('[data-role="gd-plot"]');
	const box = (await plot.boundingBox())!;
	// the valley's plot spans −3…3 on both axes: a quarter from the left and the top is (−1.5, 1.5)
	await plot.click({ position: { x: box.width / 4, y: box.height / 4 } });
	// within a pixel of it (the plot is about 270 px across 6 units)
	expect(Number(await widget.getByRole('textbox', { name: 'Start θ₁' }).inputValue())).toBeCloseTo(-1.5, 1);
	expect(Number(await widget.getByRole('textbox', { name: 'Start θ₂' }).inputValue())).toBeCloseTo(1.5, 1);
	expect((await shown(widget)).t).toBe(0);
	await expect(widget.locator('[data-role="readout"]')).toHaveText('Step 0: press Step or Play.');

	const diverging = await widgetAt(page, 'en/tutorial/concepts/?gd.lr=0.085&gd.t=400');
	await expect(diverging.locator('[data-role="remark"]')).toContainText('η > 2/λ = 0.08 (here η = 0.085)');
	const text = await diverging.evaluate((el) => (el as HTMLElement).innerText);
	expect(text).not.toMatch(/NaN|Infinity/);

	await diverging.getByRole('textbox', { name: 'Learning rate η' }).fill('-1');
	await expect(diverging.locator('[data-role="message"]')).toContainText('Learning rate η must be from');
});

test('the noisy valley replays from its seed; another seed is another run; no TensorFlow.js on the chapter', async ({ page }) => {
	const scripts: string[] = [];
	page.on('response', (r) => {
		if (r.request().resourceType() === 'script') scripts.push(r.url());
	});
	const widget = await widgetAt(page, 'zh-cn/tutorial/concepts/?gd.surface=noisy&gd.lr=0.02&gd.t=60&gd.seed=7');
	const run = (seed: number) => descend('noisy', { kind: 'sgd', learningRate: 0.02 }, [2.5, 2], 60, seed).path.at(-1)!;
	expect((await shown(widget)).x).toBe(run(7)[0]);
	await widget.getByRole('textbox', { name: '种子' }).fill('8');
	await widget.getByRole('button', { name: '走一步' }).click();
	await expect.poll(async () => (await shown(widget)).t).toBe(1);
	expect(run(7)[0]).not.toBe(run(8)[0]);
	await page.waitForLoadState('networkidle');
	const bodies = await Promise.all(scripts.map((url) => page.request.get(url).then((r) => r.text())));
	expect(bodies.some((b) => b.includes('tfjs') || b.includes('registerKernel'))).toBe(false);
});
