/**
 * Part 2's overfitting demo in the browser: a linked run shows the reference run's errors (src/lib/reference/
 * regression.ts, its gradient checked against tf.grads in the unit tests); Play trains on and draws a curve point each
 * frame, Pause keeps the step in the URL and a reload replays the same run; a new n starts again from step 0; bad input
 * gets a message while the last result stays.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { readyWidgetAt } from './widget-data';
import { RegressionRun } from '../../src/lib/reference/regression';

const widgetAt = (page: Page, url: string) => readyWidgetAt(page, url, 'overfit-widget');

const shown = (widget: Locator) =>
	widget.locator('[data-role="of-formula"]').evaluate((el) => {
		const d = (el as HTMLElement).dataset;
		return { t: Number(d.t), train: Number(d.train), validation: Number(d.validation) };
	});

/**
 * The run in Chromium against the same run in Node. Their compiled arithmetic differs in the last bit here and there
 * (measured: the network's output from the first step on), and hundreds of Adam steps on a network that is fitting
 * noise grow that (3 × 10⁻⁷ relative after about 700 steps; 0.6 % of the training error after 2,000), so they are held
 * to `relative`; the page replaying its own run is checked exactly.
 */
function expectSameRun(got: { t: number; train: number; validation: number }, want: { step: number; train: number; validation: number }, relative: number) {
	expect(got.t).toBe(want.step);
	expect(Math.abs(got.train - want.train) / want.train).toBeLessThan(relative);
	expect(Math.abs(got.validation - want.validation) / want.validation).toBeLessThan(relative);
}

const reference = (trainSize: number, hidden: number, weightDecay: number, seed: number, steps: number) =>
	new RegressionRun({ trainSize, hidden, weightDecay, noise: 0.3, seed }).advanceTo(steps).errors();

test('a linked run is the reference’s; Play trains on, Pause keeps the step, a reload replays it', async ({ page }) => {
	const widget = await widgetAt(page, 'en/tutorial/concepts/?of.n=30&of.h=8&of.wd=0.001&of.seed=5&of.t=300');
	const expected = reference(30, 8, 0.001, 5, 300);
	expectSameRun(await shown(widget), expected, 1e-6);

	await widget.getByRole('button', { name: 'Play' }).click();
	await expect.poll(async () => (await shown(widget)).t).toBeGreaterThan(600);
	await widget.getByRole('button', { name: 'Pause' }).click();
	const paused = (await shown(widget)).t;
	await page.waitForTimeout(300);
	expect((await shown(widget)).t).toBe(paused);
	await expect.poll(() => new URL(page.url()).searchParams.get('of.t')).toBe(String(paused));
	// one curve point per ten steps, all drawn
	const points = await widget.locator('[data-role="of-curves"] [data-series="validation"] polyline').getAttribute('points');
	expect(points!.split(' ')).toHaveLength(paused / 10 + (paused % 10 ? 2 : 1));
	const before = await shown(widget);
	const reloaded = await widgetAt(page, page.url());
	expect(await shown(reloaded)).toEqual(before);
	expectSameRun(before, reference(30, 8, 0.001, 5, paused), 1e-4);
});

test('a new n starts from step 0; bad input gets a message, the last result stays, never NaN', async ({ page }) => {
	const widget = await widgetAt(page, 'zh-cn/tutorial/concepts/');
	const first = await shown(widget);
	expect(first.t).toBe(2000);
	await widget.getByRole('textbox', { name: '训练点数 n' }).fill('200');
	await expect(widget.locator('[data-role="of-readout"]')).toHaveText('第 0 步：按“播放”开始训练。');
	await expect(widget.locator('[data-role="of-fit"] .train-points circle')).toHaveCount(200);

	const before = await shown(widget);
	for (const [box, value] of [
		['隐藏单元数 H', '1000'],
		['训练点数 n', '1'],
		['权重衰减 λ', '-1'],
		['训练点数 n', ''],
		['种子', '1.5'],
	] as const) {
		await widget.getByRole('textbox', { name: box }).fill(value);
		await expect(widget.locator('[data-role="message"]')).toContainText(box.split(' ')[0]!);
		await expect(widget.getByRole('textbox', { name: box })).toHaveAttribute('aria-invalid', 'true');
		await widget.getByRole('textbox', { name: box }).fill(box === '隐藏单元数 H' ? '32' : box === '权重衰减 λ' ? '0' : box === '种子' ? '1' : '200');
	}
	expect(await shown(widget)).toEqual(before);
	const text = await widget.evaluate((el) => (el as HTMLElement).innerText);
	expect(text).not.toMatch(/NaN|Infinity|undefined/);
});

// That the words can be read while it trains shows the page handled events in between: a single synchronous run would
// only ever show the end. (How long frames wait is the benchmark's business, not a test's.)
test('a link to a long run of the largest network trains in slices: the page says how far it has got meanwhile', async ({ page }) => {
	test.setTimeout(90_000);
	await page.goto('en/tutorial/concepts/?of.n=200&of.h=64&of.t=5000');
	const widget = page.locator('overfit-widget');
	await widget.scrollIntoViewIfNeeded();
	await expect(widget.locator('[data-role="message"]')).toContainText('Training to step 5000: at step');
	await expect(widget).toHaveAttribute('data-status', 'ready', { timeout: 60_000 });
	await expect.poll(async () => (await shown(widget)).t, { timeout: 60_000 }).toBe(5000);
	await expect(widget.locator('[data-role="message"]')).toBeEmpty();
	expectSameRun(await shown(widget), reference(200, 64, 0, 1, 5000), 1e-3);
});
