import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** A link that opens the CNN cell with `code` in it (the cell's share format: deflate-raw, base64url). */
const withCode = (code: string, extra = '') => `en/tutorial/code/?cell.cnn=${deflateRawSync(Buffer.from(code)).toString('base64url')}${extra}`;

async function runCell(page: Page, timeout = 60_000) {
	const cell = page.locator('code-cell[data-cell="cnn"]');
	await cell.scrollIntoViewIfNeeded();
	await expect(cell).toHaveAttribute('data-ready', 'true');
	await cell.getByRole('button', { name: /^Run/ }).click();
	await expect(cell).not.toHaveAttribute('data-status', 'running', { timeout });
	return cell;
}

test('the CNN example, as shipped, trains on real MNIST digits in a worker and reaches 90% held-out accuracy', async ({ page }) => {
	test.setTimeout(600_000);
	// The unmodified default run (8,000 digits, 2 epochs): about 30 s on WASM on a 2-core machine without a GPU.
	await page.goto('en/tutorial/code/');
	const cell = await runCell(page, 580_000);
	await expect(cell).toHaveAttribute('data-status', 'done');
	const output = cell.locator('[data-role="output"]');
	await expect(output).toContainText('parameters: 93322');
	const text = await output.innerText();
	const accuracy = Number(/held-out accuracy: ([\d.]+)%/.exec(text)?.[1]);
	expect(accuracy).toBeGreaterThanOrEqual(90);
	// Live curves were drawn, with a legend that gives the last values as text.
	await expect(output.locator('figure.chart svg path.series')).toHaveCount(2);
	await expect(output.locator('figure.chart .legend')).toContainText('accuracy');
	await expect(cell.locator('[data-role="backend"]')).not.toBeEmpty();

	// Then the reader draws a digit: an empty pad gets a message, a drawn "1" gets the trained model's prediction.
	// From the keyboard: a mouse click can land on the pad beside the button while the page is still settling
	// (it did once: the stray press inked the pad and the empty-pad message never came).
	await cell.getByRole('button', { name: 'Predict' }).press('Enter');
	await expect(cell.locator('[data-role="input-problem"]')).toHaveText('Draw a digit on the pad first.');
	const pad = cell.getByRole('img', { name: /Drawing pad/ });
	await pad.scrollIntoViewIfNeeded();
	const box = (await pad.boundingBox())!;
	await page.mouse.move(box.x + box.width / 2, box.y + box.height * 0.2);
	await page.mouse.down();
	// Four moves: the pad inks the line between two events (ten moves once took a busy CI machine 60 s in part 3).
	for (let i = 1; i <= 4; i++) await page.mouse.move(box.x + box.width / 2, box.y + box.height * (0.2 + (0.6 * i) / 4));
	await page.mouse.up(); // the end of a stroke predicts again once a model is trained
	const prediction = output.locator('figure.bars[data-id="prediction"]');
	await expect(prediction.locator('g.bar')).toHaveCount(10);
	await expect(cell).toHaveAttribute('data-status', 'done');
	await expect(cell.locator('[data-role="input-problem"]')).toBeHidden();
	const probabilities = (await prediction.locator('text.bar-value').allTextContents()).map(Number);
	expect(probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 2);
	await expect(prediction.locator('figcaption')).toHaveText(/^prediction: 1 /);
	await expect(output.locator('figure[data-id="your-digit"] rect.cell')).toHaveCount(784);
	// A "7" (a bar, then a diagonal), framed like MNIST before the model sees it.
	await cell.getByRole('button', { name: 'Clear' }).click();
	// Clicking may have scrolled the page: measure the pad again.
	await pad.scrollIntoViewIfNeeded();
	const padBox = (await pad.boundingBox())!;
	const at = (x: number, y: number) => page.mouse.move(padBox.x + padBox.width * x, padBox.y + padBox.height * y);
	await at(0.25, 0.25);
	await page.mouse.down();
	for (let i = 1; i <= 8; i++) await at(0.25 + (0.5 * i) / 8, 0.25);
	for (let i = 1; i <= 10; i++) await at(0.75 - (0.3 * i) / 10, 0.25 + (0.55 * i) / 10);
	await page.mouse.up();
	await expect(prediction.locator('figcaption')).toHaveText(/^prediction: 7 /);
	// Predicting keeps what the training run showed.
	await expect(output).toContainText('held-out accuracy');
});

test('a cell reads both data sets from the site and trains on them in its worker', { tag: '@subpath' }, async ({ page }) => {
	await page.goto(
		withCode(
			[
				'const { train } = await data.mnist({ train: 64, test: 0 });',
				'const spam = await data.spam({ train: 8, test: 0 });',
				"const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [784], units: 10, activation: 'softmax' })] });",
				"model.compile({ optimizer: 'sgd', loss: 'categoricalCrossentropy' });",
				'const x = tf.tensor2d(train.images, [train.count, 784]);',
				"const y = tf.oneHot(tf.tensor1d(Array.from(train.labels), 'int32'), 10);",
				'const history = await model.fit(x, y, { epochs: 1, batchSize: 32 });',
				"console.log('digits', train.count, 'messages', spam.train.length, 'loss', history.history.loss[0]);",
			].join('\n'),
		),
	);
	const cell = await runCell(page);
	await expect(cell).toHaveAttribute('data-status', 'done');
	await expect(cell.locator('[data-role="output"]')).toContainText(/digits 64 messages 8 loss \d/);
});

/**
 * Runs a text example on a small budget, 600 training messages instead of its 1,200 (the shipped code otherwise,
 * opened through its share link), and returns the held-out accuracy and the majority-class baseline it printed.
 * The default runs are the bench's (`npm run bench`); at 600 they reached 84–91 % (RNN) and 94–95 % (attention)
 * in our runs, against a 57.4 % baseline.
 */
async function runTextExample(page: Page, example: 'rnn' | 'attention') {
	const shipped = readFileSync(`content/cells/${example}.ts`, 'utf8');
	const small = shipped.replace(/^const TRAIN = \d+;/m, 'const TRAIN = 600;');
	expect(small, `content/cells/${example}.ts sets TRAIN on a line of its own`).not.toBe(shipped);
	await page.goto(`en/tutorial/code/?cell.${example}=${deflateRawSync(Buffer.from(small)).toString('base64url')}`);
	const cell = page.locator(`code-cell[data-cell="${example}"]`);
	await cell.scrollIntoViewIfNeeded();
	await expect(cell).toHaveAttribute('data-ready', 'true');
	await cell.getByRole('button', { name: /^Run/ }).click();
	await expect(cell).not.toHaveAttribute('data-status', 'running', { timeout: 580_000 });
	await expect(cell).toHaveAttribute('data-status', 'done');
	const text = await cell.locator('[data-role="output"]').innerText();
	return {
		cell,
		accuracy: Number(/held-out accuracy: ([\d.]+)%/.exec(text)?.[1]),
		baseline: Number(/majority-class baseline: ([\d.]+)%/.exec(text)?.[1]),
	};
}

test('the RNN example, on a small budget, trains an LSTM on real e-mails and beats the majority-class baseline', async ({ page }) => {
	test.setTimeout(600_000);
	const { accuracy, baseline, cell } = await runTextExample(page, 'rnn');
	expect(baseline).toBeGreaterThan(50);
	expect(accuracy).toBeGreaterThan(baseline);
	await expect(cell.locator('[data-role="output"]')).toContainText('p(spam)');

	// The reader's own text, through the box under the cell, with the model just trained (no retraining).
	const box = cell.getByRole('textbox', { name: 'Your text' });
	await box.fill('   ');
	await cell.getByRole('button', { name: 'Predict' }).click();
	await expect(cell.locator('[data-role="input-problem"]')).toHaveText('Type some text first.');
	await box.fill('Meeting moved to Thursday at 10, agenda attached');
	await box.press('Enter');
	const prediction = cell.locator('figure.bars[data-id="prediction"]');
	await expect(prediction).toHaveAttribute('data-id', 'prediction');
	await expect(prediction.locator('figcaption')).toHaveText(/^"Meeting moved to Thursday at 10, agenda attached" → (spam|ham)$/);
	await expect(cell).toHaveAttribute('data-status', 'done');
	const [ham, spam] = (await prediction.locator('text.bar-value').allTextContents()).map(Number);
	expect(ham! + spam!).toBeCloseTo(1, 2);
	await expect(cell.locator('[data-role="output"]')).toContainText('held-out accuracy'); // not retrained, not cleared
});

test('the attention example, on a small budget, trains, beats the baseline and draws its attention weights as a labelled heatmap', async ({ page }) => {
	test.setTimeout(600_000);
	const { accuracy, baseline, cell } = await runTextExample(page, 'attention');
	expect(accuracy).toBeGreaterThan(baseline);
	// The scale is learned, as Keras's Attention(use_scale=True) learns it, starting at 1.
	await expect(cell.locator('[data-role="output"]')).toContainText(/learned scale g = \d+\.\d{3}/);
	const heatmap = cell.locator('[data-role="output"] figure.labelled svg');
	await expect(heatmap.locator('rect.cell')).toHaveCount(8 * 8); // the 8 words of MY_TEXT
	await expect(heatmap.locator('text.row-label').first()).toHaveText('limited');

	// The reader's text: its own weights, from the trained model.
	await cell.getByRole('textbox', { name: 'Your text' }).fill('see you at lunch tomorrow');
	await cell.getByRole('button', { name: 'Predict' }).click();
	await expect(heatmap.locator('text.row-label').first()).toHaveText('see');
	await expect(heatmap.locator('rect.cell')).toHaveCount(5 * 5);
	await expect(cell).toHaveAttribute('data-status', 'done');
	await expect(cell.locator('figure.bars[data-id="prediction"] g.bar')).toHaveCount(2);
});

test('Stop ends an infinite loop, and the cell runs again afterwards', async ({ page }) => {
	await page.goto(withCode('console.log("start");\nwhile (true) {}'));
	const cell = page.locator('code-cell[data-cell="cnn"]');
	await cell.scrollIntoViewIfNeeded();
	await expect(cell).toHaveAttribute('data-ready', 'true');
	for (const run of [1, 2]) {
		await cell.getByRole('button', { name: /^Run/ }).click();
		await expect(cell.locator('[data-role="output"]')).toContainText('start', { timeout: 30_000 });
		await expect(cell).toHaveAttribute('data-status', 'running');
		// The cell's time limit is 600 s: a status that changes within the assertion's few seconds was Stop's doing.
		// (How fast is not asserted here: tests never assert on time.)
		await cell.getByRole('button', { name: 'Stop' }).click();
		await expect(cell, `run ${run}`).toHaveAttribute('data-status', 'error');
		await expect(cell.locator('[data-role="output"]')).toContainText('Stopped: the worker was terminated');
	}
	// The page is still responsive.
	expect(await page.evaluate(() => 1 + 1)).toBe(2);
});

const BAD_INPUTS: { name: string; code: string; expect: RegExp }[] = [
	{ name: 'a syntax error, with its line', code: 'const a = 1;\nconst b = ;\n', expect: /SyntaxError.*line 2/s },
	{ name: 'a runtime error, with its line', code: 'const a = 1;\nconst b = null;\nb.foo();\n', expect: /TypeError.*line 3/s },
	{ name: 'a huge tensor', code: 'tf.zeros([1e5, 1e5]);', expect: /Error/ },
	{ name: 'a request to another origin', code: "await fetch('https://example.com');", expect: /(blocked|disabled|Content Security Policy|Failed to fetch)/i },
	{ name: 'reaching for the page', code: 'document.body.remove();', expect: /document is not defined/ },
	{ name: 'reaching for storage', code: 'localStorage.clear();', expect: /localStorage is not defined/ },
	{ name: 'a postMessage flood', code: "for (let i = 0; i < 100000; i++) postMessage('x');\n'survived';", expect: /dropped/ },
];

for (const bad of BAD_INPUTS) {
	test(`${bad.name} gives a clear message in the cell, and the page is unharmed`, async ({ page }) => {
		await page.goto(withCode(bad.code));
		await page.evaluate(() => localStorage.setItem('canary', 'still here'));
		const cell = await runCell(page);
		await expect(cell.locator('[data-role="output"]')).toContainText(bad.expect);
		expect(await page.evaluate(() => localStorage.getItem('canary'))).toBe('still here');
		await expect(page.locator('main h1')).toBeVisible();
		await expect(cell.getByRole('button', { name: /^Run/ })).toBeEnabled();
	});
}

test('the last expression is shown, and console output is formatted (tensors summarised)', async ({ page }) => {
	await page.goto(withCode("console.log('shape', tf.ones([2, 3]));\nconst x: number = 40;\nx + 2;"));
	const cell = await runCell(page);
	await expect(cell).toHaveAttribute('data-status', 'done');
	const output = cell.locator('[data-role="output"]');
	await expect(output).toContainText('Tensor');
	await expect(output).toContainText('Result: 42');
});

test('an edit survives a reload (marked as modified), and Reset restores the original', async ({ page }) => {
	await page.goto('en/tutorial/code/');
	const cell = page.locator('code-cell[data-cell="cnn"]');
	await cell.scrollIntoViewIfNeeded();
	await expect(cell).toHaveAttribute('data-editor', 'ready');
	await cell.locator('.cm-content').click();
	await page.keyboard.press('Control+Home');
	await page.keyboard.type('// my note\n');
	await expect(cell.locator('[data-role="modified"]')).toBeVisible();
	await page.reload();
	await cell.scrollIntoViewIfNeeded();
	await expect(cell.locator('.cm-content')).toContainText('// my note');
	await expect(cell.locator('[data-role="modified"]')).toBeVisible();
	await cell.getByRole('button', { name: 'Reset' }).click();
	await expect(cell.locator('.cm-content')).not.toContainText('// my note');
	await expect(cell.locator('[data-role="modified"]')).toBeHidden();
});

test('Share puts the code in the URL, and opening that URL restores it', async ({ page, context }) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.goto('en/tutorial/code/');
	const cell = page.locator('code-cell[data-cell="cnn"]');
	await cell.scrollIntoViewIfNeeded();
	await expect(cell).toHaveAttribute('data-editor', 'ready');
	await cell.locator('.cm-content').click();
	await page.keyboard.press('Control+Home');
	await page.keyboard.type('// shared version\n');
	await cell.getByRole('button', { name: 'Share link' }).click();
	await expect(page).toHaveURL(/cell\.cnn=/);
	const shared = page.url();
	const other = await context.newPage();
	await other.evaluate(() => localStorage.clear()).catch(() => {});
	await other.goto(shared);
	const restored = other.locator('code-cell[data-cell="cnn"]');
	await restored.scrollIntoViewIfNeeded();
	await expect(restored.locator('.cm-content')).toContainText('// shared version');
});

test('Escape leaves the editor so Tab moves on (no keyboard trap)', async ({ page }) => {
	await page.goto('en/tutorial/code/');
	const cell = page.locator('code-cell[data-cell="cnn"]');
	await cell.scrollIntoViewIfNeeded();
	await expect(cell).toHaveAttribute('data-editor', 'ready');
	await cell.locator('.cm-content').click();
	await page.keyboard.press('Escape');
	await page.keyboard.press('Tab');
	const focusedInEditor = await page.evaluate(() => Boolean(document.activeElement?.closest('.cm-editor')));
	expect(focusedInEditor).toBe(false);
});
