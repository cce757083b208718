import { enumParam, intParam, type ParamSpec } from '../url-state';

export interface ConfusionState {
	/** The model trained by us, or the reader's CNN from part 4. */
	model: 'ours' | 'yours';
	/** The chosen cell: true class and predicted class; −1 for both is the model's most frequent confusion. */
	trueClass: number;
	predicted: number;
}

export const confusionSpec: ParamSpec<ConfusionState> = {
	model: enumParam('cm.model', 'ours', ['ours', 'yours'] as const),
	trueClass: intParam('cm.t', -1, -1, 9),
	predicted: intParam('cm.p', -1, -1, 9),
};

/** Thumbnails shown for one cell at most (a diagonal cell holds about 200 digits). */
export const MAX_DIGITS = 30;
