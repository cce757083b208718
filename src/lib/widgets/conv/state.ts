import type { CnnSource } from '../../models/cnn-source';
import type { Matrix } from '../../reference/matrix';
import { booleanParam, enumParam, intParam, type Param, type ParamSpec } from '../url-state';

/** Kernel presets; `custom` means the reader edited the grid (its numbers are in `conv.k`). */
export const KERNEL_PRESETS = {
	identity: [
		[0, 0, 0],
		[0, 1, 0],
		[0, 0, 0],
	],
	edges: [
		[-1, -1, -1],
		[-1, 8, -1],
		[-1, -1, -1],
	],
	'sobel-x': [
		[-1, 0, 1],
		[-2, 0, 2],
		[-1, 0, 1],
	],
	'sobel-y': [
		[-1, -2, -1],
		[0, 0, 0],
		[1, 2, 1],
	],
	blur: [
		[1 / 9, 1 / 9, 1 / 9],
		[1 / 9, 1 / 9, 1 / 9],
		[1 / 9, 1 / 9, 1 / 9],
	],
	sharpen: [
		[0, -1, 0],
		[-1, 5, -1],
		[0, -1, 0],
	],
} satisfies Record<string, Matrix>;

/** The widget's kernels are 3 × 3 (presets, learned filters, the reader's own). */
export const KERNEL_SIZE = 3;

/** Filters of the shipped CNN's first convolution (Conv2D 32): the menu offers each. */
export const LEARNED_FILTERS = 32;

export type PresetName = keyof typeof KERNEL_PRESETS;
export const PRESET_NAMES = Object.keys(KERNEL_PRESETS) as PresetName[];

export interface ConvState {
	/** Index into the MNIST strip; -1 when the reader draws their own digit. */
	digit: number;
	/** The kernel when `learned` is 0 (a preset or the reader's numbers). */
	kernel: Matrix;
	/** 1–32: filter k of the first convolution of a trained CNN (kernel and bias from it); 0: `kernel`. */
	learned: number;
	/** Whose trained CNN the learned filters come from: the one trained by us, or the reader's own from part 4. */
	model: CnnSource;
	stride: number;
	padding: 'valid' | 'same';
	relu: boolean;
	/** Output cell in focus (its multiply-accumulate is shown). */
	row: number;
	col: number;
}

const kernelParam: Param<Matrix> = {
	key: 'conv.k',
	fallback: KERNEL_PRESETS['sobel-x'],
	parse: (raw) => {
		const values = raw.split(',').map(Number);
		if (values.length !== 9 || values.some((v) => !Number.isFinite(v) || Math.abs(v) > 100))
			return { expected: 'expected 9 comma-separated numbers between -100 and 100' };
		return [values.slice(0, 3), values.slice(3, 6), values.slice(6, 9)];
	},
	format: (k) =>
		k
			.flat()
			.map((v) => +v.toFixed(4))
			.join(','),
};

export const convSpec: ParamSpec<ConvState> = {
	digit: intParam('conv.digit', 6, -1, 19),
	kernel: kernelParam,
	learned: intParam('conv.filter', 0, 0, LEARNED_FILTERS),
	model: enumParam('conv.model', 'ours', ['ours', 'yours'] as const),
	stride: intParam('conv.stride', 1, 1, 3),
	padding: enumParam('conv.pad', 'valid', ['valid', 'same'] as const),
	relu: booleanParam('conv.relu', false),
	row: intParam('conv.row', 12, 0, 27),
	col: intParam('conv.col', 12, 0, 27),
};

/** The kernel menu's option for learned filter k, and back (0 when the option is not a learned filter). */
export const learnedOption = (k: number): string => `learned-${k}`;
export function learnedFilterOf(option: string): number {
	const k = Number(/^learned-(\d+)$/.exec(option)?.[1]);
	return Number.isInteger(k) && k >= 1 && k <= LEARNED_FILTERS ? k : 0;
}

/** Which preset a kernel equals, if any (so the preset menu shows it). */
export function presetOf(kernel: Matrix): PresetName | 'custom' {
	const key = kernelParam.format(kernel);
	return PRESET_NAMES.find((name) => kernelParam.format(KERNEL_PRESETS[name]) === key) ?? 'custom';
}

/** The pooling widget's state; its input is the convolution widget's feature map. */
export interface PoolState {
	mode: 'max' | 'avg';
	window: number;
	stride: number;
	row: number;
	col: number;
}

export const poolSpec: ParamSpec<PoolState> = {
	mode: enumParam('pool.mode', 'max', ['max', 'avg'] as const),
	window: intParam('pool.window', 2, 1, 4),
	stride: intParam('pool.stride', 2, 1, 4),
	row: intParam('pool.row', 6, 0, 27),
	col: intParam('pool.col', 6, 0, 27),
};
