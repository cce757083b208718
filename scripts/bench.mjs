#!/usr/bin/env node
/**
 * Benchmark (not a test): measures the built site and prints Markdown tables, one per section.
 *
 * - widgets: p50/p95 of `widget:<name>:update` over 100 updates per widget and backend (each one reader action: see
 *   `acts` in bench/widgets.mjs), `widget:<name>:ready`, tensors after the run;
 * - cells: code-cell cold start, warm Run → first output and CNN training speed per backend, then the three examples
 *   as shipped (minutes: they train models);
 * - downloads: the JavaScript each page downloads (gzip) once every widget has hydrated;
 * - sizes: gzip bytes per page before any interaction (HTML, CSS, JS loaded on open) next to the budgets that
 *   `npm test` enforces (tests/size/budgets.json). Read from dist/ without a browser: `--only sizes` takes seconds;
 *   `--set-budgets` rewrites the budgets from these sizes (plus a margin), for a commit that changes them on purpose.
 *
 * Usage: npm run build && npm run bench [-- --updates 100] [--cell-train 256] [--widgets-only] [--only sizes,widgets]
 *   [--backends auto,wasm]
 * `--only` takes a comma-separated list of sections; `--widgets-only` runs every section but the cells. `--backends`
 * takes a comma-separated list of the widgets section's backends (auto, wasm, webgl, webgpu, cpu; default all).
 *
 * One module per section in scripts/bench/ (widgets, cells, downloads, sizes), the command line in options.mjs, and
 * the preview server, Chromium and table helpers in site.mjs.
 */
import { existsSync } from 'node:fs';
import { cellSection } from './bench/cells.mjs';
import { downloadSection } from './bench/downloads.mjs';
import { parseOptions } from './bench/options.mjs';
import { startBrowser } from './bench/site.mjs';
import { sizeSection } from './bench/sizes.mjs';
import { widgetSection } from './bench/widgets.mjs';

const options = parseOptions(process.argv.slice(2));
const { sections } = options;

if (!existsSync('dist/index.html')) {
	console.error('No built site in dist/: run `npm run build` first.');
	process.exit(1);
}

if (sections.has('sizes')) sizeSection(options);
if (sections.has('widgets') || sections.has('cells') || sections.has('downloads')) {
	const { browser, stop } = await startBrowser();
	if (sections.has('widgets')) await widgetSection(browser, options);
	if (sections.has('cells')) await cellSection(browser, options);
	if (sections.has('downloads')) await downloadSection(browser);
	await browser.close();
	stop();
}
