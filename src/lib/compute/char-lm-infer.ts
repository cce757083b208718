/**
 * Running a character model in the page: its parameters as tensors for the duration of one call (created from the
 * model's Float32Arrays and released at the end, so an update leaves no tensor behind), the Transformer's attention
 * weights and the logits after a position, and seeded generation. The maths is in ./char-lm.ts.
 */
import type * as TF from '@tensorflow/tfjs-core';
import type { CharModel } from '../models/char-model-file';
import { sampleAsync, type SamplingOptions } from '../reference/char-lm';
import { lstmForward, parameterShapes, transformerForward, type Parameters } from './char-lm';

type TransformerModel = Extract<CharModel, { kind: 'transformer' }>;
type LstmModel = Extract<CharModel, { kind: 'lstm' }>;

/** Runs `body` with the model's parameters as tensors; they are disposed afterwards, whatever happens. */
export async function withParameters<T>(tf: typeof TF, model: CharModel, body: (p: Parameters) => Promise<T>): Promise<T> {
	const p: Parameters = Object.fromEntries(
		parameterShapes(model.kind, model.config).map(([name, shape]) => [name, tf.tensor(model.parameters.get(name)!, shape)]),
	);
	try {
		return await body(p);
	} finally {
		tf.dispose(Object.values(p));
	}
}

/** The logits of the token after the last of `ids` (ids within the context). */
async function lastLogits(tf: typeof TF, model: CharModel, p: Parameters, ids: number[]): Promise<Float32Array> {
	const row = tf.tidy(() => {
		const input = tf.tensor2d([ids], [1, ids.length], 'int32');
		const at = { logitsAt: ids.length - 1 };
		return model.kind === 'transformer' ? transformerForward(tf, model.config, p, input, at).logits : lstmForward(tf, model.config, p, input, at).logits;
	});
	try {
		return (await row.data()) as Float32Array;
	} finally {
		row.dispose();
	}
}

/** Continues `ids` by seeded sampling (src/lib/reference/char-lm.ts), never past the model's context. */
export function generate(tf: typeof TF, model: CharModel, ids: number[], options: Omit<SamplingOptions, 'maxLength'>): Promise<number[]> {
	const maxLength = model.config.context - ids.length;
	return withParameters(tf, model, (p) => sampleAsync((seq) => lastLogits(tf, model, p, seq), ids, { ...options, maxLength }));
}

export interface TransformerReadout {
	/** [layer][head]: T × T */
	attention: number[][][][];
	/** The logits of the token after position `query`. */
	logits: Float32Array;
}

/** The Transformer over `ids`: every head's attention weights and the logits after `query`. */
export function readTransformer(tf: typeof TF, model: TransformerModel, ids: number[], query: number): Promise<TransformerReadout> {
	return withParameters(tf, model, async (p) => {
		const out = tf.tidy(() => {
			const { logits, attention } = transformerForward(tf, model.config, p, tf.tensor2d([ids], [1, ids.length], 'int32'), { logitsAt: query });
			return { attention: tf.stack(attention), row: logits };
		});
		try {
			const [attention, logits] = await Promise.all([out.attention.array() as Promise<number[][][][][]>, out.row.data() as Promise<Float32Array>]);
			// stacked: [layer, batch 1, head, T, T]
			return { attention: attention.map((layer) => layer[0]!), logits };
		} finally {
			tf.dispose([out.attention, out.row]);
		}
	});
}

export interface LstmReadout {
	/** T × units: h_t at every step. */
	hidden: number[][];
	/** The logits of the token after step `step` (0-based). */
	logits: Float32Array;
}

/** The LSTM over `ids`: h_t at every step and the logits after `step`. */
export function readLstm(tf: typeof TF, model: LstmModel, ids: number[], step: number): Promise<LstmReadout> {
	return withParameters(tf, model, async (p) => {
		const out = tf.tidy(() => {
			const { hidden, logits } = lstmForward(tf, model.config, p, tf.tensor2d([ids], [1, ids.length], 'int32'), { logitsAt: step });
			return { hidden: tf.squeeze(hidden, [0]), row: logits };
		});
		try {
			const [hidden, logits] = await Promise.all([out.hidden.array() as Promise<number[][]>, out.row.data() as Promise<Float32Array>]);
			return { hidden, logits };
		} finally {
			tf.dispose([out.hidden, out.row]);
		}
	});
}
