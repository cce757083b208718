/** The token buttons both trained-model widgets show: ⟨s⟩, the reader's prefix, then any generated characters. */
import type { TokenButton } from '../token-buttons';

export interface LmTokenView extends TokenButton {
	generated: boolean;
	unknown: boolean;
}

/**
 * One button per token as shown (`shown`, from the vocabulary's `tokens`); `label(index, text, generated)` names it,
 * `current` is the token in focus.
 */
export function lmTokenViews(
	shown: string[],
	tokens: string[],
	prefixTokens: number,
	current: number,
	label: (index: number, text: string, generated: boolean) => string,
): LmTokenView[] {
	return shown.map((text, index) => ({
		index,
		text,
		label: label(index, text, index >= prefixTokens),
		current: index === current,
		generated: index >= prefixTokens,
		unknown: tokens[index] === '<unk>',
	}));
}

/** What identifies a row of token buttons (rebuilt only when it changes). */
export const lmTokensKey = (tokens: LmTokenView[]): string => tokens.map((t) => `${t.text}${t.generated ? '*' : ''}`).join('\u0000');

/** The data attributes a button gets (`data-generated`, `data-unknown`), for renderTokenButtons. */
export const lmTokenFlags = (t: LmTokenView): string[] => [...(t.generated ? ['generated'] : []), ...(t.unknown ? ['unknown'] : [])];
