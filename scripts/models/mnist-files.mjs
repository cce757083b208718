/**
 * The code cells' MNIST split, read from the files scripts/prepare-data.mjs writes into public/generated/ and decoded
 * by the site's own decoder (src/lib/data/mnist.ts), so the shipped model trains and is tested on the very digits the
 * cells use: 8,000 to train, 2,000 held out.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeMnistSplit, parseMnistManifest } from '../../src/lib/data/mnist.ts';

/** @typedef {import('../../src/lib/data/mnist.ts').MnistSplit & { count: number, file: string, sha256: string }} SplitData */

export const GENERATED_DIR = fileURLToPath(new URL('../../public/generated/', import.meta.url));

/**
 * @param {string} path
 * @returns {Promise<Buffer>}
 */
async function readGenerated(path) {
	try {
		return await readFile(path);
	} catch (error) {
		throw new Error(`${path}: cannot read it (${/** @type {Error} */ (error).message}); run \`npm run prepare-data\` first`, { cause: error });
	}
}

/**
 * The manifest and both splits, each with its file's SHA-256 (the model card records which data it saw).
 * @param {string} [dir]
 */
export async function loadMnist(dir = GENERATED_DIR) {
	const manifest = parseMnistManifest(JSON.parse((await readGenerated(join(dir, 'mnist.json'))).toString('utf8')));
	/** @param {'train' | 'test'} name @returns {Promise<SplitData>} */
	const split = async (name) => {
		const { file, count } = manifest[name];
		const bytes = await readGenerated(join(dir, file));
		const sha256 = createHash('sha256').update(bytes).digest('hex');
		return { ...decodeMnistSplit(new Uint8Array(bytes), count), count, file, sha256 };
	};
	return { manifest, train: await split('train'), test: await split('test') };
}
