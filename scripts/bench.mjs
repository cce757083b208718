#!/usr/bin/env node
/**
 * Benchmark (not a test): measures the built site and prints Markdown tables, one per section.
 *
 * - widgets: p50/p95 of `widget:<name>:update` over 100 updates per widget and backend (each one reader action: see
 *   `act` below), `widget:<name>:ready`, tensors after the run;
 * - cells: code-cell cold start, warm Run → first output and CNN training speed per backend, then the three examples
 *   as shipped (minutes: they train models);
 * - downloads: the JavaScript each page downloads (gzip) once every widget has hydrated;
 * - sizes: gzip bytes per page before any interaction (HTML, CSS, JS loaded on open) next to the budgets that
 *   `npm test` enforces (tests/size/budgets.json). Read from dist/ without a browser: `--only sizes` takes seconds;
 *   `--set-budgets` rewrites the budgets from these sizes (plus a margin), for a commit that changes them on purpose.
 *
 * Usage: npm run build && npm run bench [-- --updates 100] [--cell-train 256] [--widgets-only] [--only sizes,widgets]
 * `--only` takes a comma-separated list of sections; `--widgets-only` runs every section but the cells.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { deflateRawSync, gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
// Node 22 strips the types of these .ts modules. The same Chromium and flags as the end-to-end tests, and the same
// size measurement as the size-budget test.
import { launchOptions, quietArgs, webgpuArgs } from '../tests/e2e/chromium.ts';
import { BUDGETS_FILE, MARGIN, readBudgets, remeasuredBudgets, sizeTable, writeBudgets } from '../tests/size/budgets.ts';
import { measureSite } from '../tests/size/page-sizes.ts';

/** @typedef {'widgets' | 'cells' | 'downloads' | 'sizes'} Section */
/** @type {Section[]} */
const SECTIONS = ['widgets', 'cells', 'downloads', 'sizes'];
/** A widget's element: `settled()` resolves once its last update has been drawn. */
/** @typedef {HTMLElement & { settled(): Promise<void> }} WidgetElement */

const args = new Map(process.argv.slice(2).map((a, i, all) => [a, all[i + 1]]));
const UPDATES = Number(args.get('--updates') ?? 100);
/** The shipped CNN example runs with TRAIN = CELL_TRAIN digits (it prints its own digits/s). */
const CELL_TRAIN = Number(args.get('--cell-train') ?? 256);
const sections = chosenSections();
const PORT = 4331;
const BASE = `http://127.0.0.1:${PORT}`;
const BACKENDS = ['auto', 'wasm', 'webgl', 'webgpu', 'cpu'];
const WIDGETS = [
	{ name: 'convolution', selector: 'conv-widget' },
	{ name: 'pooling', selector: 'pool-widget' },
	{ name: 'rnn', selector: 'rnn-widget' },
	{ name: 'attention', selector: 'attention-widget' },
];

/** @returns {Set<Section>} */
function chosenSections() {
	const only = args.get('--only');
	if (only === undefined) return new Set(process.argv.includes('--widgets-only') ? SECTIONS.filter((s) => s !== 'cells') : SECTIONS);
	const asked = only.split(',').map((s) => s.trim());
	const unknown = asked.filter((s) => !(/** @type {string[]} */ (SECTIONS).includes(s)));
	if (unknown.length || !asked.length) {
		console.error(`--only ${only}: expected a comma-separated list of ${SECTIONS.join(', ')}`);
		process.exit(1);
	}
	return new Set(/** @type {Section[]} */ (asked));
}

if (!existsSync('dist/index.html')) {
	console.error('No built site in dist/: run `npm run build` first.');
	process.exit(1);
}

const fmt = (/** @type {number} */ v) => (Number.isFinite(v) ? v.toFixed(1) : '—');

/** @param {number[]} values @param {number} q */
const quantile = (values, q) => {
	if (!values.length) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	return /** @type {number} */ (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]);
};

/** @param {import('@playwright/test').Browser} browser */
async function widgetSection(browser) {
	const rows = [];
	for (const backend of BACKENDS) {
		const page = await browser.newPage();
		await page.goto(`${BASE}/en/tutorial/algorithms/${backend === 'auto' ? '' : `?backend=${backend}`}`);
		for (const widget of WIDGETS) {
			const present = await page.locator(widget.selector).count();
			if (!present) continue;
			await page.locator(widget.selector).scrollIntoViewIfNeeded();
			const result = await page.evaluate(
				async ({ selector, name, updates }) => {
					const el = /** @type {WidgetElement} */ (document.querySelector(selector));
					const t0 = performance.now();
					while (el.dataset.status === 'loading' && performance.now() - t0 < 60_000) await new Promise((r) => setTimeout(r, 20));
					await el.settled();
					const ready = performance.getEntriesByName(`widget:${name}:ready`).at(-1)?.duration ?? NaN;
					performance.clearMeasures(`widget:${name}:update`);
					// Each update is one reader action through the widget's own controls (not a recompute of an unchanged
					// state, which would redraw nothing): what a reader does most, with a heavier change mixed in.
					const role = (/** @type {string} */ r) => /** @type {HTMLElement} */ (el.querySelector(`[data-role="${r}"]`));
					const choose = (/** @type {HTMLElement} */ element) => {
						const select = /** @type {HTMLSelectElement} */ (element);
						select.selectedIndex = (select.selectedIndex + 1) % select.options.length;
						select.dispatchEvent(new Event('change', { bubbles: true }));
					};
					let forward = true;
					/** @type {Record<string, (i: number) => void>} */
					const acts = {
						// slide the window one step; every 10th action switch the kernel preset (a new feature map)
						convolution: (i) => (i % 10 === 9 ? choose(role('preset')) : role('step').click()),
						// max ↔ average pooling (a new output map every time)
						pooling: () => choose(role('mode')),
						// one time step forward, or back at the end of the sentence
						rnn: () => {
							const next = role('next');
							const prev = role('prev');
							if (forward && next.getAttribute('aria-disabled') === 'true') forward = false;
							if (!forward && prev.getAttribute('aria-disabled') === 'true') forward = true;
							(forward ? next : prev).click();
						},
						// causal mask on / off (new scores, weights and formula)
						attention: () => role('causal').click(),
					};
					const act = acts[name];
					if (!act) throw new Error(`no reader action for the widget "${name}"; expected one of ${Object.keys(acts).join(', ')}`);
					for (let i = 0; i < updates; i++) {
						act(i);
						await el.settled();
					}
					const durations = performance.getEntriesByName(`widget:${name}:update`).map((e) => e.duration);
					return { ready, durations, backend: el.dataset.backend, tensors: el.dataset.tensors, status: el.dataset.status };
				},
				{ selector: widget.selector, name: widget.name, updates: UPDATES },
			);
			rows.push({
				widget: widget.name,
				asked: backend,
				used: result.backend ?? '—',
				p50: quantile(result.durations, 0.5),
				p95: quantile(result.durations, 0.95),
				n: result.durations.length,
				ready: result.ready,
				tensors: result.tensors ?? '—',
			});
		}
		await page.close();
	}
	console.log(`\nWidget updates (${UPDATES} per widget and backend; ms; targets with auto: p95 ≤ 16, ready ≤ 300)\n`);
	console.log('| widget | backend asked | backend used | update p50 | update p95 | updates | ready | tensors after |');
	console.log('|---|---|---|---|---|---|---|---|');
	for (const r of rows) console.log(`| ${r.widget} | ${r.asked} | ${r.used} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${r.n} | ${fmt(r.ready)} | ${r.tensors} |`);
}

/**
 * Code cells: cold start (Run → worker and tfjs ready), warm Run → first output, and CNN training throughput, per
 * backend; then the three examples as shipped (auto backend): how long the default run takes and what it reaches.
 * @param {import('@playwright/test').Browser} browser
 */
async function cellSection(browser) {
	const cellRows = [];
	const cnnCode = readFileSync('content/cells/cnn.ts', 'utf8').replace(/const TRAIN = \d+;/, `const TRAIN = ${CELL_TRAIN};`);
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

	console.log(`\nCode cells (CNN example, ${CELL_TRAIN} training digits; ms; targets: cold start ≤ 1500, warm first output ≤ 100)\n`);
	console.log('| backend asked | backend used | cold start | warm Run → first output | training digits/s | warm run total | failure |');
	console.log('|---|---|---|---|---|---|---|');
	for (const r of cellRows) console.log(`| ${r.backend} | ${r.used} | ${fmt(r.cold)} | ${fmt(r.warmFirst)} | ${fmt(r.speed)} | ${fmt(r.run)} | ${r.failure} |`);

	console.log('\nCode cells as shipped (auto backend; target: CNN about a minute and ≥ 90% held-out)\n');
	console.log('| example | backend used | run (s) | held-out accuracy % | majority baseline % | status |');
	console.log('|---|---|---|---|---|---|');
	for (const r of defaultRuns) console.log(`| ${r.example} | ${r.backend} | ${fmt(r.seconds)} | ${fmt(r.accuracy)} | ${fmt(r.baseline)} | ${r.status} |`);
}

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
async function downloadSection(browser) {
	console.log('\nJavaScript downloaded per page (gzip; after every widget has hydrated)\n');
	console.log('| page | files | KB gzip |');
	console.log('|---|---|---|');
	/** @type {[string, boolean][]} */
	const pages = [
		['/en/tutorial/concepts/', false],
		['/en/tutorial/code/', false],
		['/en/tutorial/algorithms/', true],
	];
	for (const [path, scroll] of pages) {
		const w = await pageWeight(browser, path, scroll);
		console.log(`| ${path} | ${w.files} | ${(w.gzip / 1024).toFixed(1)} |`);
	}
}

function sizeSection() {
	const sizes = measureSite('dist');
	let budgets = readBudgets();
	if (process.argv.includes('--set-budgets')) {
		budgets = remeasuredBudgets(sizes, budgets);
		writeBudgets(budgets);
		console.log(`\nWrote ${BUDGETS_FILE}: measured sizes + ${MARGIN * 100} %.`);
	}
	console.log(`\nPage sizes before any interaction (gzip; budgets from ${BUDGETS_FILE}, enforced by \`npm test\`)\n`);
	console.log(sizeTable(sizes, budgets));
}

/** Starts `astro preview` on PORT (stopped by `stop`, or when this process exits) and a Chromium. */
async function startBrowser() {
	const server = spawn('node_modules/.bin/astro', ['preview', '--host', '127.0.0.1', '--port', String(PORT)], { stdio: 'ignore' });
	const stop = () => server.kill();
	process.on('exit', stop);
	let serving = false;
	for (let i = 0; i < 150 && !serving; i++) {
		serving = await fetch(BASE + '/en/').then(
			(r) => r.ok,
			() => false,
		);
		if (!serving) await new Promise((r) => setTimeout(r, 200));
	}
	if (!serving)
		throw new Error(`astro preview did not answer on ${BASE} within 30 s (is another preview of this project running? Astro 7 refuses a second one)`);
	return { browser: await chromium.launch(launchOptions([...webgpuArgs, ...quietArgs])), stop };
}

if (sections.has('sizes')) sizeSection();
if (sections.has('widgets') || sections.has('cells') || sections.has('downloads')) {
	const { browser, stop } = await startBrowser();
	if (sections.has('widgets')) await widgetSection(browser);
	if (sections.has('cells')) await cellSection(browser);
	if (sections.has('downloads')) await downloadSection(browser);
	await browser.close();
	stop();
}
