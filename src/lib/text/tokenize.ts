/**
 * The widgets' toy tokenizer: lower-cased words and punctuation marks for Latin text, one token per CJK character
 * (Chinese has no spaces between words, and a character is the unit most Chinese models start from).
 * Real models use learned sub-word vocabularies; the widgets only need something readable and deterministic.
 */
const TOKEN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{N}'’-]+|[^\s\p{L}\p{N}]/gu;

export function tokenize(text: string): string[] {
	return (text.toLowerCase().match(TOKEN) ?? []).filter((t) => t.trim() !== '');
}

export interface PreparedText {
	tokens: string[];
	/** Set when the input was cut: how many characters / tokens there were. */
	truncatedChars?: number;
	truncatedTokens?: number;
}

/** Tokenizes at most `maxChars` characters and keeps at most `maxTokens` tokens, saying what was cut. */
export function prepareText(text: string, maxChars: number, maxTokens: number): PreparedText {
	const result: PreparedText = { tokens: [] };
	let source = text;
	if (source.length > maxChars) {
		result.truncatedChars = source.length;
		source = source.slice(0, maxChars);
	}
	const tokens = tokenize(source);
	if (tokens.length > maxTokens) result.truncatedTokens = tokens.length;
	result.tokens = tokens.slice(0, maxTokens);
	return result;
}
