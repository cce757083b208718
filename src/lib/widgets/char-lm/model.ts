/**
 * The character models for the browser (the Transformers of the attention widget, the LSTMs of the RNN widget): the
 * shipped ones, fetched from public/models/<id>/ when a widget comes near the viewport (once per page, shared by every
 * widget that asks), and the reader's own from part 4, kept in this browser; both checked by
 * src/lib/models/char-model-file.ts. And the reader's prefix as the tokens a model reads.
 */
import { CharModelError, readCharModel, type CharModel } from '../../models/char-model-file';
import { shippedModelUrl } from '../../models/layers-weights';
import { trainedAtText } from '../../models/reader-model-events';
import { READER_PROBLEM_STRINGS, ReaderModelProblem } from '../../models/reader-model-problem';
import type { ReaderModelCard } from '../../models/reader-models';
import { encode, SPECIAL_TOKENS, type Encoded } from '../../reference/char-lm';
import { template } from '../../text/template';
import type { ViewStrings } from '../view';
import { lstmId, transformerId, type LmCorpus, type LmModelChoice } from './corpora';
import type { ShownModel } from './texts';

export type TransformerModel = Extract<CharModel, { kind: 'transformer' }>;
export type LstmModel = Extract<CharModel, { kind: 'lstm' }>;

const loading = new Map<string, Promise<CharModel>>();

async function fetchOk(url: string): Promise<Response> {
	const response = await fetch(url);
	if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
	return response;
}

/** The shipped model `id`, loaded once; a failed load is forgotten, so a later call tries again. */
function loadShipped(id: string): Promise<CharModel> {
	let model = loading.get(id);
	if (!model) {
		model = (async () => {
			const [json, weights] = await Promise.all([
				fetchOk(shippedModelUrl(id)).then((r) => r.json() as Promise<unknown>),
				fetchOk(shippedModelUrl(id, 'weights.bin')).then((r) => r.arrayBuffer()),
			]);
			return readCharModel(json, weights);
		})();
		model.catch(() => loading.delete(id));
		loading.set(id, model);
	}
	return model;
}

export async function loadShippedTransformer(id: string): Promise<TransformerModel> {
	const model = await loadShipped(id);
	if (model.kind !== 'transformer') throw new Error(`${shippedModelUrl(id)}: expected a Transformer, the file holds an ${model.kind}`);
	return model;
}

export async function loadShippedLstm(id: string): Promise<LstmModel> {
	const model = await loadShipped(id);
	if (model.kind !== 'lstm') throw new Error(`${shippedModelUrl(id)}: expected an LSTM, the file holds a ${model.kind}`);
	return model;
}

type Kind = CharModel['kind'];
type ModelOf<K extends Kind> = Extract<CharModel, { kind: K }>;

/**
 * The id under which part 4's cells hand a character model of `kind` to the page (`out.publish(id, …)`): the kind. The
 * Transformer cell (content/cells/transformer.ts) publishes `transformer`, the LSTM cell (content/cells/lstm-lm.ts) `lstm`.
 */
export const readerCharModelId = (kind: Kind): string => kind;

/** The reader's kept models, by kind, read again when a newer one was kept. */
const kept = new Map<Kind, { trainedAt: string; model: CharModel }>();

/**
 * The reader's character model of `kind`, as part 4's cell publishes it (`out.publish('transformer', …)`: the id is
 * the kind), with its card. Anything that keeps it from being shown is a ReaderModelProblem.
 */
export async function loadReaderCharModel<K extends Kind>(kind: K): Promise<{ model: ModelOf<K>; card: ReaderModelCard }> {
	let record;
	try {
		const { readerModel } = await import('../../models/reader-models');
		record = await readerModel(readerCharModelId(kind));
	} catch (error) {
		throw new ReaderModelProblem('storage', error instanceof Error ? error.message : String(error));
	}
	if (!record) throw new ReaderModelProblem('none', `no ${kind} of yours is kept in this browser`);
	let entry = kept.get(kind);
	if (entry?.trainedAt !== record.card.trainedAt) {
		try {
			entry = { trainedAt: record.card.trainedAt, model: readCharModel(record.modelTopology, record.weightData) };
		} catch (error) {
			if (error instanceof CharModelError) throw new ReaderModelProblem('differs', error.message);
			throw error;
		}
		if (entry.model.kind !== kind) throw new ReaderModelProblem('differs', `the kept model is an ${entry.model.kind}, not a ${kind}`);
		kept.set(kind, entry);
	}
	return { model: entry.model as ModelOf<K>, card: record.card };
}

/** The model a widget shows, and why it is not the reader's when they asked for theirs. */
export interface ChosenCharModel<K extends Kind> {
	model: ModelOf<K>;
	/** `data-model`: the shipped model's folder, or `yours:<kind>`. */
	modelId: string;
	/** The corpus of the shipped model shown, or `yours`. */
	source: LmModelChoice;
	/** The reader's model's card, when it is theirs. */
	card?: ReaderModelCard;
	/** Why the reader's model is not shown (the shipped `fallback` is, instead). */
	problem?: ReaderModelProblem;
}

/** The widget's choice of model: a shipped one, or the reader's, with the page's shipped model when theirs cannot be shown. */
export async function chooseCharModel<K extends Kind>(kind: K, choice: LmModelChoice, fallback: LmCorpus): Promise<ChosenCharModel<K>> {
	let problem: ReaderModelProblem | undefined;
	if (choice === 'yours')
		try {
			const { model, card } = await loadReaderCharModel(kind);
			return { model, modelId: `yours:${kind}`, source: 'yours', card };
		} catch (error) {
			if (!(error instanceof ReaderModelProblem)) throw error;
			problem = error;
		}
	const corpus = choice === 'yours' ? fallback : choice;
	const id = kind === 'transformer' ? transformerId(corpus) : lstmId(corpus);
	const model = (await (kind === 'transformer' ? loadShippedTransformer(id) : loadShippedLstm(id))) as ModelOf<K>;
	return { model, modelId: id, source: corpus, ...(problem ? { problem } : {}) };
}

/** What the view says about the chosen model: the reader's model's time (in the page's language) and figure, or why it is not shown. */
export function shownModel(chosen: Omit<ChosenCharModel<Kind>, 'model'>, strings: ViewStrings, lang: string): ShownModel {
	const { modelId, source, card, problem } = chosen;
	return {
		modelId,
		source,
		...(card ? { yours: { time: trainedAtText(card.trainedAt, lang), ...(card.bitsPerCharacter === undefined ? {} : { bits: card.bitsPerCharacter }) } } : {}),
		...(problem ? { note: template(strings[READER_PROBLEM_STRINGS[problem.kind]] ?? '{{why}}', { why: problem.message }) } : {}),
	};
}

export interface PreparedPrefix extends Encoded {
	/** The text was lower-cased, because the model knows no capital letters. */
	lowerCased: boolean;
}

/**
 * The prefix as the model reads it. A model that knows small letters only (the names) reads the text in lower case, as its
 * training names were; characters it does not know become ⟨unk⟩, and a prefix longer than the context keeps its end.
 * Room is left for at least one generated character.
 */
export function preparePrefix(text: string, vocabulary: readonly string[], context: number): PreparedPrefix {
	const cased = (token: string, upper: boolean) => token.length === 1 && token !== (upper ? token.toLowerCase() : token.toUpperCase());
	// Only a model that knows small letters and no capitals: the verse model knows neither, and reads "AB" as unknown.
	const lowerOnly = vocabulary.some((token) => cased(token, false)) && !vocabulary.some((token) => cased(token, true));
	const lowerCased = lowerOnly && text !== text.toLowerCase();
	return { ...encode(lowerCased ? text.toLowerCase() : text, vocabulary, context - 1), lowerCased };
}

/** How a token is shown: the special tokens as ⟨s⟩ and ⟨unk⟩, a space as ␣. */
export function tokenText(token: string): string {
	if (token === SPECIAL_TOKENS[0]) return '⟨s⟩';
	if (token === SPECIAL_TOKENS[1]) return '⟨unk⟩';
	return token === ' ' ? '␣' : token;
}

/** How many numbers the model has. */
export const parameterCount = (model: CharModel): number => [...model.parameters.values()].reduce((n, v) => n + v.length, 0);
