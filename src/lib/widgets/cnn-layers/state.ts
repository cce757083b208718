import type { CnnSource } from '../../models/cnn-source';
import { enumParam, intParam, type ParamSpec } from '../url-state';

/** The layers the widget shows, in order (the seed CNN's, part 3's table); `output` is Dense(10) with its softmax. */
export const CNN_STAGES = ['conv1', 'pool1', 'conv2', 'pool2', 'conv3', 'flatten', 'dense', 'output'] as const;
export type CnnStage = (typeof CNN_STAGES)[number];

export interface CnnLayersState {
	/** The model trained by us, or the reader's own from part 4's CNN cell (kept in this browser). */
	model: CnnSource;
	/** Index into the MNIST strip; -1 when the reader draws their own digit. */
	digit: number;
	/** The layer whose map (or unit) is open in the detail. */
	stage: CnnStage;
	/** Its map or unit, numbered from 1 as in the article (o = 1 … C_out). Not used by `output`. */
	unit: number;
	/** The class (digit 0–9) open when `stage` is `output`. */
	digitClass: number;
	/** The input channel c whose nine products the convolution's formula writes out (1 … C_in). */
	inChannel: number;
	/** Position (i, j) in the map, from 0. */
	row: number;
	col: number;
}

/** Upper bounds a link can carry; what a given layer has is checked by the view (and said when a link overshoots). */
const MAX_UNITS = 576;

export const cnnLayersSpec: ParamSpec<CnnLayersState> = {
	model: enumParam('cnn.model', 'ours', ['ours', 'yours'] as const),
	digit: intParam('cnn.digit', 6, -1, 19),
	stage: enumParam('cnn.layer', 'conv1', CNN_STAGES),
	unit: intParam('cnn.unit', 1, 1, MAX_UNITS),
	digitClass: intParam('cnn.class', 0, 0, 9),
	inChannel: intParam('cnn.in', 1, 1, 64),
	row: intParam('cnn.row', 12, 0, 25),
	col: intParam('cnn.col', 12, 0, 25),
};
