/**
 * The two corpora of the shipped character models, their model ids (public/models/<id>/) and example prefixes.
 * English first names are the English page's default, five-character Tang quatrains the Chinese page's.
 */
export const LM_CORPORA = ['names', 'verse'] as const;
export type LmCorpus = (typeof LM_CORPORA)[number];

export const transformerId = (corpus: LmCorpus) => `${corpus}-transformer`;
export const lstmId = (corpus: LmCorpus) => `${corpus}-lstm`;

/** The page language's corpus. */
export const corpusOf = (locale: string | undefined): LmCorpus => (locale === 'en' ? 'names' : 'verse');

/** Example prefixes per model (the first is the default on its page). */
export const LM_EXAMPLES: Record<LmCorpus, string[]> = {
	names: ['mar', 'chr', 'el', 'jo'],
	verse: ['床前明月光，', '白日依山尽，', '春眠不觉晓，', '空山'],
};
