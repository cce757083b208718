/**
 * Part 2's backpropagation widget in the browser: the numbers it shows for a linked network are the reference's
 * (src/lib/reference/tiny-network.ts, checked against tf.grads in the unit tests), a click on an edge works out that
 * weight's gradient, "Take the step" makes the updated weights the network's and the URL keeps them, editing a weight
 * changes every number, and bad input gets a message while the last good numbers stay.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { readyWidgetAt, tableValues } from './widget-data';
import { backward, forward, updated, type TinyNetwork } from '../../src/lib/reference/tiny-network';

const widgetAt = (page: Page, url: string) => readyWidgetAt(page, url, 'backprop-widget');

const formula = (widget: Locator) =>
	widget.locator('[data-role="bp-formula"]').evaluate((el) => {
		const d = (el as HTMLElement).dataset;
		return {
			stage: d.stage,
			param: d.param,
			value: Number(d.value),
			gradient: Number(d.gradient),
			next: Number(d.next),
			loss: Number(d.loss),
			after: Number(d.after),
		};
	});

const FIRST: TinyNetwork = {
	w1: [
		[0.5, -0.4],
		[0.3, 0.8],
		[-0.6, 0.2],
	],
	b1: [0.1, -0.2, 0.05],
	w2: [0.7, -0.5, 0.4],
	b2: 0.1,
};

/** Each parameter's row of the widget's table: value, gradient (the product of the factors), gradient, after the step. */
const flat = (net: TinyNetwork) => [...net.w1.flat(), ...net.b1, ...net.w2, net.b2];

test('a linked network shows the reference’s numbers; a click on an edge works out that gradient; the step is kept in the URL', async ({ page }) => {
	const widget = await widgetAt(page, 'en/tutorial/concepts/?bp.x1=-1.5&bp.y=0.2&bp.w2_3=1.2&bp.lr=0.3');
	const net: TinyNetwork = { ...FIRST, w2: [0.7, -0.5, 1.2] };
	const x: [number, number] = [-1.5, 0.5];
	const grad = backward(net, x, 0.2);
	const next = updated(net, grad, 0.3);
	const rows = await tableValues(widget.locator('[data-role="bp-parameters"]'));
	expect(rows.map((row) => row[0])).toEqual(flat(net));
	expect(rows.map((row) => row[2])).toEqual(flat(grad as unknown as TinyNetwork));
	expect(rows.map((row) => row[3])).toEqual(flat(next));
	expect((await formula(widget)).loss).toBe(forward(net, x, 0.2).loss);

	// W⁽²⁾₃: the edge from hidden unit 3 to the output; its gradient is (ŷ − y)·h₃.
	await widget.locator('[data-role="bp-graph"] g.edge[data-param="w2_3"]').click();
	await expect(widget.getByRole('combobox', { name: 'Gradient of' })).toHaveValue('w2_3');
	expect((await formula(widget)).gradient).toBe(grad.w2[2]);
	await expect(widget.locator('[data-role="bp-formula"]')).toHaveAttribute('data-tex', /h_\{3\}/);

	await widget.getByRole('button', { name: '3. Update' }).click();
	await expect.poll(async () => (await formula(widget)).stage).toBe('update');
	expect((await formula(widget)).after).toBe(forward(next, x, 0.2).loss);
	await widget.getByRole('button', { name: 'Take the step' }).click();
	await expect(widget.locator('[data-role="bp-remark"]')).toHaveText('Steps taken from the first weights: 1.');
	// The network is now the updated one: its row of values is `next`, and the URL holds it.
	await expect.poll(async () => (await tableValues(widget.locator('[data-role="bp-parameters"]'))).map((row) => row[0])).toEqual(flat(next));
	await expect.poll(() => new URL(page.url()).searchParams.get('bp.t')).toBe('1');
	const reloaded = await widgetAt(page, page.url());
	expect((await formula(reloaded)).loss).toBe(forward(next, x, 0.2).loss);
	await reloaded.getByText('Weights and biases').click();
	await expect(reloaded.getByRole('textbox', { name: 'W⁽²⁾₃' })).toHaveValue(String(next.w2[2]));
	await reloaded.getByRole('button', { name: 'Back to the first weights' }).click();
	await expect(reloaded.getByRole('textbox', { name: 'W⁽²⁾₃' })).toHaveValue('0.4');
});

test('editing a weight or the target changes every number; bad input gets a message, never NaN', async ({ page }) => {
	const widget = await widgetAt(page, 'zh-cn/tutorial/concepts/?bp.stage=forward');
	await widget.getByText('权重与偏置').click();
	await widget.getByRole('textbox', { name: 'W⁽¹⁾₂₁' }).fill('-2');
	const net: TinyNetwork = { ...FIRST, w1: [FIRST.w1[0]!, [-2, 0.8], FIRST.w1[2]!] };
	await expect.poll(async () => (await formula(widget)).loss).toBe(forward(net, [1, 0.5], 1).loss);
	const units = await tableValues(widget.locator('[data-role="bp-units"]'));
	expect(units[1]![0]).toBe(forward(net, [1, 0.5], 1).z[1]);
	await widget.getByRole('textbox', { name: '目标 y' }).fill('-3');
	await expect.poll(async () => (await formula(widget)).loss).toBe(forward(net, [1, 0.5], -3).loss);

	const shown = await formula(widget);
	await widget.getByRole('textbox', { name: '学习率 η' }).fill('1e9');
	await expect(widget.locator('[data-role="message"]')).toContainText('学习率 η');
	await widget.getByRole('textbox', { name: '输入 x₁' }).fill('');
	await expect(widget.locator('[data-role="message"]')).toContainText('输入 x₁');
	await expect(widget.getByRole('textbox', { name: '输入 x₁' })).toHaveAttribute('aria-invalid', 'true');
	expect(await formula(widget)).toEqual(shown);
	const text = await widget.evaluate((el) => (el as HTMLElement).innerText);
	expect(text).not.toMatch(/NaN|Infinity|undefined/);
});

test('a step that would carry a weight out of range is refused and explained', async ({ page }) => {
	const widget = await widgetAt(page, 'en/tutorial/concepts/?bp.w2_1=900&bp.x1=10&bp.y=-10&bp.lr=100&bp.stage=update');
	await expect(widget.locator('[data-role="bp-remark"]')).toContainText('The step is not taken: with η = 100');
	await expect(widget.getByRole('button', { name: 'Take the step' })).toBeDisabled();
	await widget.getByRole('textbox', { name: 'Learning rate η' }).fill('0.01');
	await expect(widget.getByRole('button', { name: 'Take the step' })).toBeEnabled();
});
