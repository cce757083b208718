/** The confusion widget's numbers for a state: plain TypeScript (src/lib/reference/confusion.ts), no DOM. */
import { confusionMatrix, examplesOf, largestConfusion, type Confusion } from '../../reference/confusion';
import type { Matrix } from '../../reference/matrix';
import { MAX_DIGITS, type ConfusionState } from './state';

export const CLASSES = 10;

/** What a model predicted for the held-out digits, and who it is. */
export interface Predictions {
	/** The class predicted for each held-out digit, in the test file's order. */
	classes: ArrayLike<number>;
	/** `cnn` for ours, `yours:cnn` for the reader's (the widget's data-model). */
	model: string;
	/** Why the reader's model is not the one shown, when it was asked for. */
	note?: string | undefined;
}

export interface ConfusionResult {
	state: ConfusionState;
	confusion: Confusion;
	model: string;
	note: string | undefined;
	/** The chosen cell (the most frequent confusion when the state leaves it to the widget). */
	cell: [number, number];
	/** The held-out digits in that cell, by their index in the test file. */
	examples: number[];
	/** The pictures of the first MAX_DIGITS of them, when the test digits are at hand (else the picture stays as drawn). */
	digits: { index: number; pixels: Matrix }[] | undefined;
}

export function confusionResult(
	state: ConfusionState,
	labels: ArrayLike<number>,
	predictions: Predictions,
	pixelsOf: ((index: number) => Matrix) | undefined,
): ConfusionResult {
	const confusion = confusionMatrix(labels, predictions.classes, CLASSES);
	const cell: [number, number] = state.trueClass >= 0 && state.predicted >= 0 ? [state.trueClass, state.predicted] : largestConfusion(confusion.counts);
	const examples = examplesOf(labels, predictions.classes, ...cell);
	return {
		state,
		confusion,
		model: predictions.model,
		note: predictions.note,
		cell,
		examples,
		digits: pixelsOf ? examples.slice(0, MAX_DIGITS).map((index) => ({ index, pixels: pixelsOf(index) })) : undefined,
	};
}
