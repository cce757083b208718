/** The words both trained-model views write: which model this is, the notes on the reader's prefix and the sample's readout. */
import { template } from '../../text/template';
import type { ViewStrings } from '../view';
import type { LmModelChoice } from './corpora';

/** Which model a trained-model widget shows, as its view words it. */
export interface ShownModel {
	/** `data-model`: the shipped model's folder, or `yours:<kind>`. */
	modelId: string;
	/** The shipped model's corpus, or `yours`. */
	source: LmModelChoice;
	/** The reader's model: when it was trained (as the page writes times) and its held-out bits per character. */
	yours?: { time: string; bits?: number };
	/** Why the reader's model, asked for, is not the one shown. */
	note?: string;
}

/** "A trained model: …": the shipped model's corpus and sizes, or the reader's model's time and held-out figure. */
export function aboutModel(shown: ShownModel, strings: ViewStrings, sizes: Record<string, string | number>): string {
	if (shown.source === 'yours') {
		const bits = shown.yours?.bits === undefined ? '' : template(strings.aboutYoursBits ?? '', { b: shown.yours.bits.toFixed(2) });
		return template(strings.aboutYours ?? '', { ...sizes, time: shown.yours?.time ?? '', bits });
	}
	return template((shown.source === 'names' ? strings.aboutNames : strings.aboutVerse) ?? '', sizes);
}

/** Why the reader's model is not shown, then what was done to the prefix: unknown characters, truncation, lower-casing. */
export function prefixNotes(
	result: { shown: ShownModel; unknown: string[]; truncated: number; lowerCased: boolean; tokens: string[] },
	strings: ViewStrings,
): string[] {
	const notes: string[] = result.shown.note ? [result.shown.note] : [];
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
