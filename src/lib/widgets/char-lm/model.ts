/**
 * The shipped character models for the browser (the Transformers of the attention widget, the LSTMs of the RNN
 * widget): fetched from public/models/<id>/ when a widget comes near the viewport (once per page, shared by every
 * widget that asks), checked by src/lib/models/char-model-file.ts; and the reader's prefix as the tokens a model reads.
 */
import { readCharModel, type CharModel } from '../../models/char-model-file';
import { shippedModelUrl } from '../../models/layers-weights';
import { encode, SPECIAL_TOKENS, type Encoded } from '../../reference/char-lm';

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
