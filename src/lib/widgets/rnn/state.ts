import { enumParam, intParam, textParam, type ParamSpec } from '../url-state';
import { MAX_CHARS, MAX_TOKENS } from './model';

export type RnnMode = 'rnn' | 'lstm';

export interface RnnState {
	/** The reader's sentence (at most MAX_CHARS characters). */
	text: string;
	mode: RnnMode;
	/** The step t in focus, 1-based like h_t; shown clamped to the number of tokens. */
	step: number;
}

/** URL parameters `rnn.text`, `rnn.mode`, `rnn.step`. The default sentence is in the page's language. */
export function rnnSpec(defaultText: string): ParamSpec<RnnState> {
	return {
		text: textParam('rnn.text', defaultText, MAX_CHARS),
		mode: enumParam('rnn.mode', 'rnn', ['rnn', 'lstm'] as const),
		step: intParam('rnn.step', 1, 1, MAX_TOKENS),
	};
}

/** The step actually shown for a sentence of `count` tokens. */
export function clampStep(step: number, count: number): number {
	return Math.max(1, Math.min(step, Math.max(count, 1)));
}
