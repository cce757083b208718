/** What the widget tests read: the MNIST digits the widgets show, and the numbers of a widget's data table. */
import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';
import { decodeMnistStrip } from '../../src/lib/data/mnist';
import type { Matrix } from '../../src/lib/reference/matrix';

export const stripDigits = decodeMnistStrip(new Uint8Array(readFileSync('public/generated/mnist-strip.bin')));

/**
 * A data table's cells at full precision (their data-value), row by row, as a reader sees them: its <details> is
 * opened first (a folded table is filled when it is opened, src/lib/viz/table.ts).
 */
export async function tableValues(table: Locator): Promise<Matrix> {
	await table.evaluate(async (element) => {
		const details = element.closest('details');
		if (!details || details.open) return;
		const opened = new Promise((resolve) => details.addEventListener('toggle', resolve, { once: true }));
		details.open = true;
		await opened;
	});
	return table.locator('tbody tr').evaluateAll((rows) => rows.map((tr) => [...tr.querySelectorAll('td')].map((td) => Number(td.getAttribute('data-value')))));
}

/** The largest |shown − expected| over every cell of `shown` (cells `expected` lacks count as NaN, which fails a bound). */
export function largestDifference(shown: Matrix, expected: Matrix): number {
	let worst = 0;
	shown.forEach((row, i) => row.forEach((v, j) => (worst = Math.max(worst, Math.abs(v - (expected[i]?.[j] ?? NaN))))));
	return worst;
}

/** Opens `url`, brings the widget `selector` into view (it hydrates when near) and waits until it is ready. */
export async function readyWidgetAt(page: Page, url: string, selector: string): Promise<Locator> {
	await page.goto(url);
	const widget = page.locator(selector);
	await widget.scrollIntoViewIfNeeded();
	await expect(widget).toHaveAttribute('data-status', 'ready');
	return widget;
}
