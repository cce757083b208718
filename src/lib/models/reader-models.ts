/**
 * Models the reader trained in a code cell (`out.publish(id, model, …)`), kept in this browser's IndexedDB by the page
 * (never by reader code, which runs in a worker without storage): the tfjs artifacts and a card (when, epochs,
 * held-out accuracy). The widgets of part 3 offer them beside the shipped models. Every failure (no IndexedDB in
 * private mode, a full disk, a record this reader does not know) is an Error whose message says what happened.
 */
import * as z from 'zod/mini';
import { loadLayersWeights, type LayersWeights } from './layers-weights';
import { announceReaderModel } from './reader-model-events';

const DATABASE = 'deep-learning-tutorial';
const STORE = 'reader-models';
const VERSION = 1;

export const ReaderModelCardSchema = z.object({
	/** When the page received it (ISO 8601). */
	trainedAt: z.string(),
	/** Held-out accuracy in [0, 1], as the cell measured it. */
	accuracy: z.optional(z.number().check(z.gte(0), z.lte(1))),
	epochs: z.optional(z.int().check(z.gte(0))),
	/** A language model's held-out bits per character, as the cell measured it. */
	bitsPerCharacter: z.optional(z.number().check(z.positive())),
	/** Kernel and bias values in the weight data. */
	parameters: z.int().check(z.gte(0)),
});
export type ReaderModelCard = z.infer<typeof ReaderModelCardSchema>;

const WeightSpecSchema = z.object({ name: z.string(), shape: z.array(z.int().check(z.gte(0))), dtype: z.literal('float32') });

export const ReaderModelSchema = z.object({
	id: z.string(),
	card: ReaderModelCardSchema,
	/** tfjs' `modelTopology` (a Layers model's JSON config), or a character model's model.json. */
	modelTopology: z.custom<Record<string, unknown>>((x) => typeof x === 'object' && x !== null && !Array.isArray(x)),
	weightSpecs: z.array(WeightSpecSchema),
	weightData: z.custom<ArrayBuffer>((x) => x instanceof ArrayBuffer),
});
export type ReaderModel = z.infer<typeof ReaderModelSchema>;

function openDatabase(): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		if (typeof indexedDB === 'undefined') {
			reject(new Error('this browser keeps no data for the site (IndexedDB is unavailable, as in some private windows)'));
			return;
		}
		const request = indexedDB.open(DATABASE, VERSION);
		request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'id' });
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(storageError(request.error));
		request.onblocked = () => reject(new Error('the site’s storage is busy in another tab; close it and try again'));
	});
}

/** What went wrong with storage, in words (a full disk is the one a reader can act on). */
function storageError(error: DOMException | null): Error {
	if (error?.name === 'QuotaExceededError') return new Error('the browser has no room left for the site’s data (storage is full)');
	return new Error(`the browser refused to keep it (${error?.name ?? 'IndexedDB'}: ${error?.message ?? 'unknown error'})`);
}

async function transaction<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
	const db = await openDatabase();
	try {
		return await new Promise<T>((resolve, reject) => {
			const tx = db.transaction(STORE, mode);
			const request = work(tx.objectStore(STORE));
			tx.oncomplete = () => resolve(request.result);
			tx.onerror = () => reject(storageError(tx.error ?? request.error));
			tx.onabort = () => reject(storageError(tx.error ?? request.error));
		});
	} finally {
		db.close();
	}
}

export async function keepReaderModel(model: ReaderModel): Promise<void> {
	await transaction('readwrite', (store) => store.put(ReaderModelSchema.parse(model)));
	announceReaderModel(model.id);
}

/** The reader's model `id`, or undefined when none is kept (a record this version cannot read counts as an error). */
export async function readerModel(id: string): Promise<ReaderModel | undefined> {
	const record: unknown = await transaction('readonly', (store) => store.get(id));
	if (record === undefined) return undefined;
	const parsed = ReaderModelSchema.safeParse(record);
	if (!parsed.success) throw new Error('the kept model is in a form this page does not read; train it again');
	return parsed.data;
}

export async function forgetReaderModel(id: string): Promise<void> {
	await transaction('readwrite', (store) => store.delete(id));
	announceReaderModel(id);
}

/** A kept model's weights, read by the same reader as the shipped models' files (src/lib/models/layers-weights.ts). */
export function readerModelWeights(model: ReaderModel): Promise<LayersWeights> {
	const manifest = { format: 'layers-model', modelTopology: model.modelTopology, weightsManifest: [{ paths: ['weights.bin'], weights: model.weightSpecs }] };
	return loadLayersWeights(
		`yours/${model.id}/model.json`,
		async (url) => new Response(url.endsWith('model.json') ? JSON.stringify(manifest) : model.weightData),
	);
}
