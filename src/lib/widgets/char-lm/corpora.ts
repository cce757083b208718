/**
 * The two corpora of the shipped character models, their model ids (public/models/<id>/) and example prefixes.
 * English first names are the English page's default, five-character Tang quatrains the Chinese page's.
 */
export const LM_CORPORA = ['names', 'verse'] as const;
export type LmCorpus = (typeof LM_CORPORA)[number];

/** What a trained-model widget's menu offers: a shipped model's corpus, or the reader's own model from part 4. */
export const LM_MODELS = [...LM_CORPORA, 'yours'] as const;
export type LmModelChoice = (typeof LM_MODELS)[number];

export const transformerId = (corpus: LmCorpus) => `${corpus}-transformer`;
export const lstmId = (corpus: LmCorpus) => `${corpus}-lstm`;

/** The corpus a vocabulary comes from, for a model of the reader's: Chinese characters mean the verse. */
export const corpusOfVocabulary = (vocabulary: readonly string[]): LmCorpus => (vocabulary.some((c) => /\p{Script=Han}/u.test(c)) ? 'verse' : 'names');

/** The page language's corpus. */
export const corpusOf = (locale: string | undefined): LmCorpus => (locale === 'en' ? 'names' : 'verse');

/** Example prefixes per model (the first is the default on its page). */
export const LM_EXAMPLES: Record<LmCorpus, string[]> = {
	names: ['mar', 'chr', 'el', 'jo'],
	verse: ['床前明月光，', '白日依山尽，', '春眠不觉晓，', '空山'],
};
