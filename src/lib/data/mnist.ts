import type { Matrix } from '../reference/matrix';
// With its extension: scripts/models/mnist-files.mjs runs this module in Node, which resolves no extensionless paths.
import { sitePath } from '../site/base-path.ts';

export const MNIST_SIDE = 28;
const PIXELS = MNIST_SIDE * MNIST_SIDE;

/** URL of the digit strip written by scripts/prepare-data.mjs (2 real MNIST digits per class). */
export const MNIST_STRIP_URL = sitePath('generated/mnist-strip.bin');
export const MNIST_STRIP_PER_CLASS = 2;

export interface Digit {
	label: number;
	/** 28 × 28 intensities in [0, 1]. */
	pixels: Matrix;
}

/** Decodes the strip (bytes 0–255, 784 per digit, class order) into digits. */
export function decodeMnistStrip(bytes: Uint8Array): Digit[] {
	if (bytes.length % PIXELS !== 0) throw new Error(`MNIST strip has ${bytes.length} bytes, not a multiple of ${PIXELS}`);
	return Array.from({ length: bytes.length / PIXELS }, (_, d) => ({
		label: Math.floor(d / MNIST_STRIP_PER_CLASS),
		pixels: Array.from({ length: MNIST_SIDE }, (_, r) => Array.from({ length: MNIST_SIDE }, (_, c) => bytes[d * PIXELS + r * MNIST_SIDE + c]! / 255)),
	}));
}

/*
 * The training set for code cells: all 10,000 digits of the `mnist` package, split 8,000 / 2,000 by
 * scripts/prepare-data.mjs. Everything below is pure (no DOM), so it runs in a module worker too.
 */

/** URL of the manifest that names and counts the two split files (they sit beside it). */
export const MNIST_MANIFEST_URL = sitePath('generated/mnist.json');
export const MNIST_CLASSES = 10;

export type MnistSplitName = 'train' | 'test';

export interface MnistSplitInfo {
	/** File name, relative to the manifest. */
	file: string;
	/** Number of digits N: the file is N × 784 pixel bytes, then N label bytes. */
	count: number;
	/** Digits per class 0–9. */
	perClass: number[];
}

export interface MnistManifest {
	source: string;
	licence: string;
	format: string;
	side: number;
	/** How the split was made, in words. */
	split: string;
	train: MnistSplitInfo;
	test: MnistSplitInfo;
}

export interface MnistSplit {
	/** N × 784 intensities in [0, 1], digit after digit, each row-major. */
	images: Float32Array;
	/** N labels 0–9. */
	labels: Uint8Array;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function parseSplitInfo(value: unknown, name: MnistSplitName): MnistSplitInfo {
	const where = `mnist.json ${name}`;
	if (!isRecord(value)) throw new Error(`${where}: expected an object, received ${JSON.stringify(value)}`);
	const { file, count, perClass } = value;
	if (typeof file !== 'string' || !/^[\w.-]+$/.test(file))
		throw new Error(`${where}.file: expected a file name beside the manifest, received ${JSON.stringify(file)}`);
	if (typeof count !== 'number' || !Number.isInteger(count) || count <= 0)
		throw new Error(`${where}.count: expected a positive integer, received ${JSON.stringify(count)}`);
	if (
		!Array.isArray(perClass) ||
		perClass.length !== MNIST_CLASSES ||
		!perClass.every((n) => Number.isInteger(n) && n >= 0) ||
		perClass.reduce((a: number, b: number) => a + b, 0) !== count
	)
		throw new Error(`${where}.perClass: expected 10 counts that add up to ${count}, received ${JSON.stringify(perClass)}`);
	return { file, count, perClass: perClass as number[] };
}

/** Validates the manifest written by scripts/prepare-data.mjs; throws an error that says what was wrong. */
export function parseMnistManifest(json: unknown): MnistManifest {
	if (!isRecord(json)) throw new Error(`mnist.json: expected an object, received ${typeof json}`);
	for (const key of ['source', 'licence', 'format', 'split'] as const)
		if (typeof json[key] !== 'string') throw new Error(`mnist.json ${key}: expected a string, received ${JSON.stringify(json[key])}`);
	if (json.side !== MNIST_SIDE) throw new Error(`mnist.json side: expected ${MNIST_SIDE}, received ${JSON.stringify(json.side)}`);
	return {
		source: json.source as string,
		licence: json.licence as string,
		format: json.format as string,
		side: MNIST_SIDE,
		split: json.split as string,
		train: parseSplitInfo(json.train, 'train'),
		test: parseSplitInfo(json.test, 'test'),
	};
}

/** Decodes one split file (N × 784 pixel bytes, then N label bytes) into [0, 1] floats and labels. */
export function decodeMnistSplit(bytes: Uint8Array, count: number): MnistSplit {
	if (!Number.isInteger(count) || count < 0) throw new Error(`MNIST split: count must be a whole number, received ${count}`);
	if (bytes.length !== count * (PIXELS + 1))
		throw new Error(`MNIST split has ${bytes.length} bytes; ${count} digits need ${count * (PIXELS + 1)} (784 pixels + 1 label each)`);
	const images = new Float32Array(count * PIXELS);
	for (let i = 0; i < images.length; i++) images[i] = bytes[i]! / 255;
	const labels = bytes.slice(count * PIXELS);
	const bad = labels.findIndex((label) => label >= MNIST_CLASSES);
	if (bad >= 0) throw new Error(`MNIST split: label ${bad} is ${labels[bad]}, expected 0–9`);
	return { images, labels };
}

/** Where a split file lives, given the manifest's URL (root-relative or absolute). */
export function mnistSplitUrl(manifest: MnistManifest, split: MnistSplitName, manifestUrl = MNIST_MANIFEST_URL): string {
	return manifestUrl.replace(/[^/]*$/, '') + manifest[split].file;
}

/**
 * Fetches and decodes a split. `origin` resolves the root-relative URLs; the default, `location.origin`, is right in a
 * page and in any worker (also one started from a blob: URL, whose origin is the page's).
 */
export async function loadMnistSplit(
	split: MnistSplitName,
	origin: string = globalThis.location?.origin ?? '',
): Promise<MnistSplit & { manifest: MnistManifest }> {
	if (!origin) throw new Error('no origin to resolve the data URL against: pass one, e.g. "http://localhost:4321"');
	const get = async (path: string) => {
		const response = await fetch(new URL(path, origin));
		if (!response.ok) throw new Error(`${path}: HTTP ${response.status} (is public/generated/ built? npm run prepare-data)`);
		return response;
	};
	const manifest = parseMnistManifest(await (await get(MNIST_MANIFEST_URL)).json());
	const bytes = new Uint8Array(await (await get(mnistSplitUrl(manifest, split))).arrayBuffer());
	return { ...decodeMnistSplit(bytes, manifest[split].count), manifest };
}
