/** What the widget tests read: the MNIST digits the widgets show, and the numbers of a widget's data table. */
import { readFileSync } from 'node:fs';
import type { Locator } from '@playwright/test';
import { decodeMnistStrip } from '../../src/lib/data/mnist';
import type { Matrix } from '../../src/lib/reference/matrix';

export const stripDigits = decodeMnistStrip(new Uint8Array(readFileSync('public/generated/mnist-strip.bin')));

/** A data table's cells at full precision (their data-value), row by row. */
export async function tableValues(table: Locator): Promise<Matrix> {
	return table.locator('tbody tr').evaluateAll((rows) => rows.map((tr) => [...tr.querySelectorAll('td')].map((td) => Number(td.getAttribute('data-value')))));
}
