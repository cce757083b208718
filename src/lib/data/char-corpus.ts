/**
 * The character models' texts for the code cells (public/generated/names.json and tang-verse.json, written by
 * scripts/prepare-data.mjs, scripts/data/char-corpora.mjs): English first names and five-character Tang quatrains,
 * each split 90/10 with a seed. Pure (no DOM): runs in a module worker too.
 */
import * as z from 'zod/mini';
import { sitePath } from '../site/base-path';

export const CHAR_CORPORA = { names: 'generated/names.json', verse: 'generated/tang-verse.json' } as const;
export type CharCorpusName = keyof typeof CHAR_CORPORA;

const texts = z.array(z.string().check(z.minLength(1))).check(z.minLength(1));

export const charCorpusSchema = z.object({
	/** The packages the texts come from, with versions and licences. */
	source: z.string(),
	/** What was done to them, in words. */
	preprocessing: z.string(),
	seed: z.number(),
	train: texts,
	test: texts,
});

export type CharCorpus = z.infer<typeof charCorpusSchema>;

/** Fetches and checks one corpus; an error says which file and what is wrong with it. */
export async function loadCharCorpus(name: CharCorpusName): Promise<CharCorpus> {
	const url = sitePath(CHAR_CORPORA[name]);
	const response = await fetch(url);
	if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
	const parsed = charCorpusSchema.safeParse(await response.json());
	if (!parsed.success) throw new Error(`${url}: ${z.prettifyError(parsed.error)}`);
	return parsed.data;
}
