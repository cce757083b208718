/**
 * The downloads section: the JavaScript (and .wasm) each page downloads, gzip, once every widget has hydrated.
 */
import { gzipSync } from 'node:zlib';
import { BASE, WIDGETS } from './site.mjs';

/**
 * JavaScript bytes (gzip) a page downloads, including lazily loaded chunks and .wasm once widgets hydrate.
 * @param {import('@playwright/test').Browser} browser @param {string} path @param {boolean} scrollAll
 */
async function pageWeight(browser, path, scrollAll) {
	const page = await browser.newPage();
	/** @type {Promise<Buffer>[]} */
	const bodies = [];
	page.on('response', (response) => {
		const type = response.request().resourceType();
		if (type === 'script' || response.url().endsWith('.wasm')) bodies.push(response.body().catch(() => Buffer.alloc(0)));
	});
	await page.goto(BASE + path, { waitUntil: 'networkidle' });
	if (scrollAll) {
		for (const { selector } of WIDGETS) {
			const el = page.locator(selector);
			if (await el.count()) {
				await el.scrollIntoViewIfNeeded();
				await page
					.waitForFunction((s) => /** @type {HTMLElement} */ (document.querySelector(s)).dataset.status !== 'loading', selector, { timeout: 60_000 })
					.catch(() => {});
			}
		}
		await page.waitForLoadState('networkidle');
	}
	const buffers = await Promise.all(bodies);
	await page.close();
	return { files: buffers.length, gzip: buffers.reduce((sum, b) => sum + gzipSync(b).length, 0) };
}

/** @param {import('@playwright/test').Browser} browser */
export async function downloadSection(browser) {
	console.log('\nJavaScript downloaded per page (gzip; after every widget has hydrated)\n');
	console.log('| page | files | KB gzip |');
	console.log('|---|---|---|');
	/** @type {[string, boolean][]} */
	const pages = [
		['/en/tutorial/concepts/', false],
		['/en/tutorial/code/', false],
		['/en/tutorial/algorithms/', true],
		['/en/tutorial/trends/', true],
		['/en/tutorial/background/', true],
	];
	for (const [path, scroll] of pages) {
		const w = await pageWeight(browser, path, scroll);
		console.log(`| ${path} | ${w.files} | ${(w.gzip / 1024).toFixed(1)} |`);
	}
}
