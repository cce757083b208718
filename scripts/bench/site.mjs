/**
 * What the browser sections measure: the built site served by `astro preview` on PORT, in the same Chromium (and flags)
 * as the end-to-end tests. Also the widgets they visit and the table helpers they share.
 */
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
// Node 22 strips the types of this .ts module.
import { launchOptions, quietArgs, webgpuArgs } from '../../tests/e2e/chromium.ts';

export const PORT = 4331;
export const BASE = `http://127.0.0.1:${PORT}`;
/** The algorithms chapter's widgets: the name in their `widget:<name>:…` measures and their element. */
/** Every widget the bench measures, by the chapter it is on (the path under /en/tutorial/). */
export const WIDGETS = [
	{ name: 'convolution', selector: 'conv-widget', chapter: 'algorithms' },
	{ name: 'pooling', selector: 'pool-widget', chapter: 'algorithms' },
	{ name: 'rnn', selector: 'rnn-widget', chapter: 'algorithms' },
	{ name: 'attention', selector: 'attention-widget', chapter: 'algorithms' },
	{ name: 'cnn-layers', selector: 'cnn-layers-widget', chapter: 'algorithms' },
	{ name: 'lm-attention', selector: 'lm-attention-widget', chapter: 'algorithms' },
	{ name: 'lm-lstm', selector: 'lm-lstm-widget', chapter: 'algorithms' },
	{ name: 'scaling', selector: 'scaling-calculator', chapter: 'trends' },
	{ name: 'memory', selector: 'memory-calculator', chapter: 'trends' },
	{ name: 'cost', selector: 'cost-calculator', chapter: 'background' },
	{ name: 'descent', selector: 'descent-widget', chapter: 'concepts' },
	{ name: 'backprop', selector: 'backprop-widget', chapter: 'concepts' },
	{ name: 'confusion', selector: 'confusion-widget', chapter: 'concepts' },
	{ name: 'overfit', selector: 'overfit-widget', chapter: 'concepts' },
];

/** A number for a table cell: one decimal, or — when it was not measured. */
export const fmt = (/** @type {number} */ v) => (Number.isFinite(v) ? v.toFixed(1) : '—');

/** @param {number[]} values @param {number} q */
export const quantile = (values, q) => {
	if (!values.length) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	return /** @type {number} */ (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]);
};

/** Starts `astro preview` on PORT (stopped by `stop`, or when this process exits) and a Chromium. */
export async function startBrowser() {
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
