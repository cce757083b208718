/**
 * What reader code receives besides `tf`: the `out` drawing API and the `data` sets (the `input` it receives is a
 * message field, CellInput in ./protocol.ts). Interfaces, not schemas: they describe functions, nothing here
 * crosses the worker boundary as is.
 */
import type { Tensor } from '@tensorflow/tfjs-core';
import type { MnistSplit } from '../data/mnist';
import type { CharCorpus } from '../data/char-corpus';
import type { SpamDataset } from '../data/spam';
import type { ChartSpec, PublishCard } from './protocol';

/** `out`, the cell's drawing API (each call posts one message; ids are scoped to the cell). */
export interface CellOutput {
	/** Draws (or replaces) line chart `id`. */
	chart(id: string, spec: ChartSpec): void;
	/** Adds point (x, y) to series `series` of chart `id`; cheap enough to call every batch. */
	append(id: string, series: string, x: number, y: number): void;
	/** Draws matrix `values` (rows of numbers, or a rank-2 tensor) as heatmap `id`. */
	heatmap(id: string, values: number[][] | Tensor, options?: { title?: string; rowLabels?: string[]; colLabels?: string[] }): void;
	/**
	 * Draws grayscale image `id` from intensities in [0, 1] (0 = black): rows of numbers, a rank-2 tensor (or rank 3
	 * with one channel), or a flat array / typed array with `width` and `height` (a square is inferred without them).
	 */
	image(id: string, pixels: number[][] | ArrayLike<number> | Tensor, options?: { title?: string; width?: number; height?: number }): void;
	/**
	 * Draws bar chart `id`: one horizontal bar per label (e.g. class probabilities), each with its value as text.
	 * `values` is an array of numbers or a tensor with one value per label.
	 */
	bars(id: string, labels: string[], values: ArrayLike<number> | Tensor, options?: { title?: string }): void;
	/** Shows progress `done` of `total` for the step `label`. */
	progress(label: string, done: number, total: number): void;
	/**
	 * Hands a trained model to the page, which keeps it in this browser under `id` with a card (`card.accuracy`:
	 * held-out accuracy in [0, 1]; `card.epochs`; `card.bitsPerCharacter` for a language model). Part 3's widgets then
	 * offer it as "your model". `model` is a tfjs Layers model (`await out.publish('cnn', model, { accuracy, epochs })`
	 * in the CNN cell), or a character model written from tfjs ops, `{ kind: 'transformer', config: { vocabulary,
	 * context, dModel, heads, layers, ff }, parameters }` with its tensors named as in part 3's model files (the
	 * Transformer cell). The latest model per id is kept.
	 */
	publish(id: string, model: unknown, card?: PublishCard): Promise<void>;
}

/** One MNIST split as the site serves it (src/lib/data/mnist.ts), plus its length. */
export interface CellMnistSplit extends MnistSplit {
	/** Number of digits: `images` holds `count × 784` intensities in [0, 1], `labels` `count` classes 0–9. */
	count: number;
}

/** How many examples of each split to return (default: all; the first ones, the files are already shuffled). */
export interface SplitSizes {
	train?: number;
	test?: number;
}

/**
 * `data`, the cell's data sets, all served by this site from /generated/ (built by scripts/prepare-data.mjs); nothing
 * comes from another origin. Loaded once per worker and cached: treat the arrays as read-only.
 */
export interface CellData {
	/** MNIST, 8,000 training and 2,000 test digits: `const { train, test } = await data.mnist({ train: 2000 })`. */
	mnist(sizes?: SplitSizes): Promise<{ train: CellMnistSplit; test: CellMnistSplit }>;
	/** SpamAssassin messages (subject + start of body) labelled 0 = ham, 1 = spam. */
	spam(sizes?: SplitSizes): Promise<SpamDataset>;
	/** English first names, lower-cased (7,580 training, 842 test): the trained character models' texts. */
	names(sizes?: SplitSizes): Promise<CharCorpus>;
	/** Five-character Tang quatrains in simplified characters (3,339 training, 371 test). */
	verse(sizes?: SplitSizes): Promise<CharCorpus>;
}
