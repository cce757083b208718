/**
 * Where the CNN widgets of part 3 take their weights from: the model trained by us (public/models/cnn/) or the
 * reader's own, trained in part 4's CNN cell and kept in this browser (./reader-models.ts). Both are read as the
 * seed's architecture (./cnn-weights.ts); a reader's model with other layers is refused with what differs.
 */
import type { CnnWeights } from '../reference/cnn';
import { loadShippedCnn, SHIPPED_CNN } from './cnn-filters';
import { ArchitectureMismatch, seedCnnWeights } from './cnn-weights';
import { ReaderModelProblem } from './reader-model-problem';
import { readerModel, readerModelWeights, type ReaderModelCard } from './reader-models';

export type CnnSource = 'ours' | 'yours';

let ours: Promise<CnnWeights> | undefined;
let yours: { trainedAt: string; weights: Promise<CnnWeights> } | undefined;

/** The shipped model's weights, fetched once (a failure is tried again on the next call). */
export function shippedCnnWeights(): Promise<CnnWeights> {
	ours ??= loadShippedCnn().then(seedCnnWeights);
	ours.catch(() => (ours = undefined));
	return ours;
}

/** The reader's kept CNN and its card, read again when a newer one was kept. */
export async function readerCnn(): Promise<{ weights: CnnWeights; card: ReaderModelCard }> {
	let record;
	try {
		record = await readerModel(SHIPPED_CNN);
	} catch (error) {
		throw new ReaderModelProblem('storage', error instanceof Error ? error.message : String(error));
	}
	if (!record) throw new ReaderModelProblem('none', 'no model of yours is kept in this browser');
	if (yours?.trainedAt !== record.card.trainedAt) {
		const weights = readerModelWeights(record).then(seedCnnWeights);
		yours = { trainedAt: record.card.trainedAt, weights };
	}
	try {
		return { weights: await yours.weights, card: record.card };
	} catch (error) {
		yours = undefined;
		if (error instanceof ArchitectureMismatch) throw new ReaderModelProblem('differs', error.message);
		throw new ReaderModelProblem('storage', error instanceof Error ? error.message : String(error));
	}
}

/** The weights a widget shows for `source`, and the `data-model` name that says which model it is. */
export async function cnnWeightsFor(source: CnnSource): Promise<{ weights: CnnWeights; model: string }> {
	if (source === 'yours') return { weights: (await readerCnn()).weights, model: `yours:${SHIPPED_CNN}` };
	return { weights: await shippedCnnWeights(), model: SHIPPED_CNN };
}
