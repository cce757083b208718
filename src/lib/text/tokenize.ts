/**
 * The widgets' toy tokenizer (shared by the RNN and attention widgets). Real models use learned sub-word
 * vocabularies; the widgets only need something readable and deterministic.
 */

/** Scripts written without spaces between words. */
const CJK = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}`;
/** A space between two CJK characters: the reader has segmented the words by hand (“我 爱 深度 学习”). */
const SEGMENTED = new RegExp(String.raw`[${CJK}]\s+[${CJK}]`, 'u');
/** One CJK character | a run of other letters/digits (with inner apostrophes: “don't”) | one other visible symbol. */
const PER_CHARACTER = new RegExp(String.raw`[${CJK}]|(?:(?![${CJK}])[\p{L}\p{M}\p{N}])+(?:['’](?:(?![${CJK}])[\p{L}\p{M}\p{N}])+)*|[^\s\p{L}\p{M}\p{N}]`, 'gu');
/** The same, but a run of CJK characters is one token (a word the reader delimited with spaces). */
const PER_WORD = new RegExp(String.raw`[${CJK}]+|(?:(?![${CJK}])[\p{L}\p{M}\p{N}])+(?:['’](?:(?![${CJK}])[\p{L}\p{M}\p{N}])+)*|[^\s\p{L}\p{M}\p{N}]`, 'gu');

/**
 * Splits a sentence into tokens. Latin (and other spaced) text: lower-cased words, each punctuation mark its own
 * token. Chinese/Japanese text has no spaces between words, and a real word segmenter would be a large dictionary,
 * so each CJK character is one token — unless the reader separates CJK words with spaces (detected as a space
 * between two CJK characters anywhere in the text): then every run of CJK characters is one token, so
 * “我 爱 深度 学习” gives 我 | 爱 | 深度 | 学习 while “我爱深度学习” gives six tokens. Full-width punctuation (，。)
 * is punctuation, one token each.
 */
export function tokenize(text: string): string[] {
	const normal = text.normalize('NFC').toLowerCase();
	return normal.match(SEGMENTED.test(normal) ? PER_WORD : PER_CHARACTER) ?? [];
}

/** The first `max` characters (UTF-16 units, as URL limits count them) without splitting a surrogate pair. */
export function clampChars(text: string, max: number): { text: string; truncated: boolean; length: number } {
	if (text.length <= max) return { text, truncated: false, length: text.length };
	let cut = text.slice(0, max);
	if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
	return { text: cut, truncated: true, length: text.length };
}

export interface PreparedText {
	tokens: string[];
	/** Set when the input was cut: how many characters / tokens there were. */
	truncatedChars?: number;
	truncatedTokens?: number;
}

/** Tokenizes at most `maxChars` characters and keeps at most `maxTokens` tokens, saying what was cut. */
export function prepareText(text: string, maxChars: number, maxTokens: number): PreparedText {
	const clamped = clampChars(text, maxChars);
	const tokens = tokenize(clamped.text);
	const result: PreparedText = { tokens: tokens.slice(0, maxTokens) };
	if (clamped.truncated) result.truncatedChars = clamped.length;
	if (tokens.length > maxTokens) result.truncatedTokens = tokens.length;
	return result;
}
