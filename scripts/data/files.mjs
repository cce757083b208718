/**
 * How prepare-data reads its inputs and writes its outputs: options, freshness, atomic writes, npm package look-ups.
 */
import { readdirSync } from 'node:fs';
import { rename, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';

const require = createRequire(import.meta.url);

/** @typedef {{ out: string, force: boolean }} Options where the outputs go; `force` regenerates them even when fresh */

/**
 * The code every output depends on: scripts/prepare-data.mjs and all of scripts/data/. A change to any of them makes
 * every output stale (simpler than a per-output list that could miss an import).
 */
export const CODE = [
	join(import.meta.dirname, '..', 'prepare-data.mjs'),
	...readdirSync(import.meta.dirname)
		.filter((f) => f.endsWith('.mjs'))
		.map((f) => join(import.meta.dirname, f)),
];

/**
 * True when every target exists and is at least as new as every source (never with `force`).
 * @param {Options} options @param {string[]} targets @param {string[]} sources
 */
export async function isFresh({ force }, targets, sources) {
	if (force) return false;
	try {
		const newestSource = Math.max(...(await Promise.all(sources.map(async (s) => (await stat(s)).mtimeMs))));
		const oldestTarget = Math.min(...(await Promise.all(targets.map(async (t) => (await stat(t)).mtimeMs))));
		return oldestTarget >= newestSource;
	} catch {
		return false;
	}
}

/**
 * Writes to a temporary name and renames, so a reader never sees half a file.
 * @param {string} target @param {string | Uint8Array} data
 */
export async function writeAtomically(target, data) {
	const temporary = `${target}.${process.pid}.tmp`;
	await writeFile(temporary, data);
	await rename(temporary, target);
}

/**
 * The path of an installed package's package.json (its mtime dates the data). A package whose `exports` hide its
 * package.json (opencc-js) is found from its entry point, walking up to the folder named like it.
 * @param {string} name @returns {string}
 */
export function packageJsonPath(name) {
	try {
		return require.resolve(`${name}/package.json`);
	} catch {
		const entry = require.resolve(name);
		const at = entry.lastIndexOf(`node_modules${sep}${name.replaceAll('/', sep)}${sep}`);
		if (at === -1) throw new Error(`cannot find the package folder of ${name} from ${entry}`);
		return join(entry.slice(0, at), 'node_modules', name, 'package.json');
	}
}
/** @type {(name: string) => string} */
export const packageDir = (name) => dirname(packageJsonPath(name));
/** @type {(name: string) => string} */
export const packageVersion = (name) => require(packageJsonPath(name)).version;
