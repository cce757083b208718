/**
 * `data` in a code cell: the site's data sets (public/generated/, built by scripts/prepare-data.mjs), through the
 * loaders of src/lib/data. Each file is fetched once per worker; the worker's fetch guard lets the site's own
 * generated/ URLs (under its base path) through and nothing else.
 */
import { loadMnistSplit, MNIST_SIDE, type MnistSplit } from '../data/mnist';
import { loadCharCorpus, type CharCorpus, type CharCorpusName } from '../data/char-corpus';
import { loadSpamDataset, type SpamDataset } from '../data/spam';
import type { CellData, CellMnistSplit, SplitSizes } from './cell-api';

const PIXELS = MNIST_SIDE * MNIST_SIDE;

/** `size` if given (a whole number ≥ 0, at most `available`), else `available`. */
function take(size: number | undefined, available: number, what: string): number {
	if (size === undefined) return available;
	if (!Number.isInteger(size) || size < 0) throw new RangeError(`${what}: expected a whole number ≥ 0, received ${size}`);
	if (size > available) throw new RangeError(`${what}: asked for ${size}, the site has ${available}`);
	return size;
}

function firstDigits(split: MnistSplit, count: number): CellMnistSplit {
	return { images: split.images.subarray(0, count * PIXELS), labels: split.labels.subarray(0, count), count };
}

export function createCellData(): CellData {
	let mnist: Promise<[MnistSplit, MnistSplit]> | undefined;
	let spam: Promise<SpamDataset> | undefined;
	const corpora = new Map<CharCorpusName, Promise<CharCorpus>>();
	const corpus = async (name: CharCorpusName, sizes: SplitSizes) => {
		let loading = corpora.get(name);
		if (!loading) corpora.set(name, (loading = loadCharCorpus(name)));
		const dataset = await loading.catch((error: unknown) => {
			corpora.delete(name);
			throw error;
		});
		return {
			...dataset,
			train: dataset.train.slice(0, take(sizes.train, dataset.train.length, `data.${name}({ train })`)),
			test: dataset.test.slice(0, take(sizes.test, dataset.test.length, `data.${name}({ test })`)),
		};
	};
	return {
		names: (sizes: SplitSizes = {}) => corpus('names', sizes),
		verse: (sizes: SplitSizes = {}) => corpus('verse', sizes),
		async mnist(sizes: SplitSizes = {}) {
			mnist ??= Promise.all([loadMnistSplit('train'), loadMnistSplit('test')]);
			// A failed load is not cached: the next call tries again.
			const [train, test] = await mnist.catch((error: unknown) => {
				mnist = undefined;
				throw error;
			});
			const trainCount = take(sizes.train, train.labels.length, 'data.mnist({ train })');
			const testCount = take(sizes.test, test.labels.length, 'data.mnist({ test })');
			return { train: firstDigits(train, trainCount), test: firstDigits(test, testCount) };
		},
		async spam(sizes: SplitSizes = {}) {
			spam ??= loadSpamDataset();
			const dataset = await spam.catch((error: unknown) => {
				spam = undefined;
				throw error;
			});
			return {
				...dataset,
				train: dataset.train.slice(0, take(sizes.train, dataset.train.length, 'data.spam({ train })')),
				test: dataset.test.slice(0, take(sizes.test, dataset.test.length, 'data.spam({ test })')),
			};
		},
	};
}
