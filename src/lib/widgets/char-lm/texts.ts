/** The words both trained-model views write: the notes on the reader's prefix and the sample's readout. */
import { template } from '../../text/template';
import type { ViewStrings } from '../view';

/** What was done to the prefix: unknown characters, truncation to the context, lower-casing. */
export function prefixNotes(result: { unknown: string[]; truncated: number; lowerCased: boolean; tokens: string[] }, strings: ViewStrings): string[] {
	const notes: string[] = [];
	if (result.unknown.length > 0) notes.push(template(strings.unknownNote ?? '', { chars: [...new Set(result.unknown)].join(' ') }));
	if (result.truncated > 0) notes.push(template(strings.truncatedNote ?? '', { n: result.truncated, max: result.tokens.length - 1 }));
	if (result.lowerCased) notes.push(strings.lowerCasedNote ?? '');
	return notes;
}

/** "Sample (seed 7): prefix|generated", or that the model ended the text at once; empty without a generation. */
export function sampleReadout(state: { generate: boolean; seed: number }, shown: string[], prefixTokens: number, strings: ViewStrings): string {
	if (!state.generate) return '';
	const generated = shown.slice(prefixTokens).join('');
	return template(generated ? (strings.sample ?? '') : (strings.noSample ?? ''), {
		prefix: shown.slice(1, prefixTokens).join(''),
		generated,
		seed: state.seed,
	});
}
