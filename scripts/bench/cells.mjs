/**
 * The cells section. Code cells: cold start (Run → worker and tfjs ready), warm Run → first output, and CNN training
 * throughput, per backend; then the three examples as shipped (auto backend): how long the default run takes and
 * what it reaches (minutes: they train models).
 */
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { BASE, fmt } from './site.mjs';

/** @typedef {import('@playwright/test').Browser} Browser */

/**
 * The CNN example with TRAIN = cellTrain digits, run twice (cold, then warm) on each backend.
 * @param {Browser} browser @param {number} cellTrain
 */
async function backendRuns(browser, cellTrain) {
	const cellRows = [];
	const cnnCode = readFileSync('content/cells/cnn.ts', 'utf8').replace(/const TRAIN = \d+;/, `const TRAIN = ${cellTrain};`);
	const cellParam = deflateRawSync(Buffer.from(cnnCode)).toString('base64url');
	for (const backend of ['auto', 'webgl', 'cpu', 'webgpu', 'wasm']) {
		const page = await browser.newPage();
		await page.goto(`${BASE}/en/tutorial/code/?cell.cnn=${cellParam}${backend === 'auto' ? '' : `&backend=${backend}`}`);
		const cell = page.locator('code-cell[data-cell="cnn"]');
		await cell.scrollIntoViewIfNeeded();
		await page.waitForSelector('code-cell[data-cell="cnn"][data-ready="true"]');
		const runOnce = async () => {
			await page.evaluate(() => performance.clearMeasures());
			await cell.locator('button[data-role="run"]').click();
			await page.waitForFunction(() => /** @type {HTMLElement} */ (document.querySelector('code-cell[data-cell="cnn"]')).dataset.status !== 'running', null, {
				timeout: 900_000,
			});
			return page.evaluate(() => {
				// (Runs in the page: helpers must be defined in here.)
				const $ = (/** @type {string} */ s) => /** @type {HTMLElement} */ (document.querySelector(s));
				return {
					cold: performance.getEntriesByName('cell:cold-start').at(-1)?.duration ?? NaN,
					first: performance.getEntriesByName('cell:first-output').at(-1)?.duration ?? NaN,
					run: performance.getEntriesByName('cell:run').at(-1)?.duration ?? NaN,
					status: $('code-cell[data-cell="cnn"]').dataset.status,
					text: $('code-cell[data-cell="cnn"] [data-role="output"]').innerText,
					backend: $('code-cell[data-cell="cnn"] [data-role="backend"]').textContent,
				};
			});
		};
		const cold = await runOnce();
		const warm = cold.status === 'done' ? await runOnce() : cold;
		const speed = Number(/training speed: ([\d.]+)/.exec(warm.text)?.[1]);
		const failure = warm.status === 'done' ? '' : (/Error[^\n]*/.exec(warm.text)?.[0] ?? warm.status ?? '').slice(0, 60);
		cellRows.push({ backend, used: cold.backend || '—', cold: cold.cold, warmFirst: warm.first, speed, run: warm.run, failure });
		await page.close();
	}
	return cellRows;
}

/**
 * The three examples as shipped, one Run each on the auto backend.
 * @param {Browser} browser
 */
async function shippedRuns(browser) {
	const defaultRuns = [];
	for (const example of ['cnn', 'rnn', 'attention']) {
		const page = await browser.newPage();
		await page.goto(`${BASE}/en/tutorial/code/`);
		const selector = `code-cell[data-cell="${example}"]`;
		const cell = page.locator(selector);
		await cell.scrollIntoViewIfNeeded();
		await page.waitForSelector(`${selector}[data-ready="true"]`);
		await page.evaluate(() => performance.clearMeasures());
		await cell.locator('button[data-role="run"]').click();
		await page.waitForFunction((s) => /** @type {HTMLElement} */ (document.querySelector(s)).dataset.status !== 'running', selector, { timeout: 900_000 });
		const result = await page.evaluate((s) => {
			const $ = (/** @type {string} */ q) => /** @type {HTMLElement} */ (document.querySelector(q));
			return {
				run: performance.getEntriesByName('cell:run').at(-1)?.duration ?? NaN,
				status: $(s).dataset.status,
				text: $(`${s} [data-role="output"]`).innerText,
				backend: $(`${s} [data-role="backend"]`).textContent,
			};
		}, selector);
		defaultRuns.push({
			example,
			backend: result.backend || '—',
			seconds: result.run / 1000,
			accuracy: Number(/held-out accuracy: ([\d.]+)%/.exec(result.text)?.[1]),
			baseline: Number(/majority-class baseline: ([\d.]+)%/.exec(result.text)?.[1]),
			status: result.status,
		});
		await page.close();
	}
	return defaultRuns;
}

/** @param {Browser} browser @param {{ cellTrain: number }} options */
export async function cellSection(browser, { cellTrain }) {
	const cellRows = await backendRuns(browser, cellTrain);
	const defaultRuns = await shippedRuns(browser);

	console.log(`\nCode cells (CNN example, ${cellTrain} training digits; ms; targets: cold start ≤ 1500, warm first output ≤ 100)\n`);
	console.log('| backend asked | backend used | cold start | warm Run → first output | training digits/s | warm run total | failure |');
	console.log('|---|---|---|---|---|---|---|');
	for (const r of cellRows) console.log(`| ${r.backend} | ${r.used} | ${fmt(r.cold)} | ${fmt(r.warmFirst)} | ${fmt(r.speed)} | ${fmt(r.run)} | ${r.failure} |`);

	console.log('\nCode cells as shipped (auto backend; target: CNN about a minute and ≥ 90% held-out)\n');
	console.log('| example | backend used | run (s) | held-out accuracy % | majority baseline % | status |');
	console.log('|---|---|---|---|---|---|');
	for (const r of defaultRuns) console.log(`| ${r.example} | ${r.backend} | ${fmt(r.seconds)} | ${fmt(r.accuracy)} | ${fmt(r.baseline)} | ${r.status} |`);
}
