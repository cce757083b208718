/**
 * The files of a character-level language model (public/models/<id>/ for the shipped ones, the same shape for the
 * reader's): model.json (what the model is, its vocabulary and sizes, and a tfjs-style weights manifest) beside one
 * float32 weights.bin holding the parameters in the order src/lib/compute/char-lm.ts lists them.
 * Neither model is a tfjs Layers model (tfjs-layers has no MultiHeadAttention), so this reader checks everything
 * itself: every problem says what was expected and what the file holds, for the widget to show.
 */
import * as z from 'zod/mini';
import { parameterShapes } from '../compute/char-lm';
import type { LstmConfig } from '../reference/char-lstm';
import type { TransformerConfig } from '../reference/char-transformer';

export const CHAR_MODEL_FORMAT = 'dl-explained/char-lm';

const positive = z.number().check(z.int(), z.positive());
const vocabulary = z.array(z.string()).check(z.minLength(3));
const weightSpec = z.object({ name: z.string(), shape: z.array(z.number()), dtype: z.literal('float32') });

/** What a character model is: which model of src/lib/compute/char-lm.ts, its vocabulary and its sizes. */
export const charModelConfig = z.object({
	kind: z.enum(['transformer', 'lstm']),
	config: z.union([
		/** The tiny causal Transformer: `context` positions, width `dModel` split into `heads`, `ff` hidden units. */
		z.object({ vocabulary, context: positive, dModel: positive, heads: positive, layers: positive, ff: positive }),
		/** The character LSTM: an `embedding`-wide input and `units` cells. */
		z.object({ vocabulary, context: positive, embedding: positive, units: positive }),
	]),
});

/** model.json of a character model. */
export const charModelJson = z.object({
	format: z.literal(CHAR_MODEL_FORMAT),
	...charModelConfig.shape,
	weightsManifest: z.tuple([z.object({ paths: z.tuple([z.string()]), weights: z.array(weightSpec) })]),
});
export type CharModelJson = z.infer<typeof charModelJson>;

export type CharModel =
	| { kind: 'transformer'; config: TransformerConfig; parameters: Map<string, Float32Array> }
	| { kind: 'lstm'; config: LstmConfig; parameters: Map<string, Float32Array> };

/** A model file this reader cannot use; `message` says why. */
export class CharModelError extends Error {
	override name = 'CharModelError';
}

/**
 * model.json and weights.bin for a model whose parameters are `values` (by name, in any order): the files' order and
 * shapes are `parameterShapes`'. The caller checks the shapes; `readCharModel` reads the result back.
 */
export function writeCharModel(
	{ kind, config }: z.infer<typeof charModelConfig>,
	values: ReadonlyMap<string, ArrayLike<number>>,
): { json: CharModelJson; weights: ArrayBuffer } {
	const shapes = parameterShapes(kind, config);
	const all = new Float32Array(shapes.reduce((n, [, shape]) => n + shape.reduce((a, b) => a * b, 1), 0));
	let offset = 0;
	for (const [name] of shapes) {
		const part = values.get(name);
		if (!part) throw new CharModelError(`the model has no parameter “${name}”`);
		all.set(part, offset);
		offset += part.length;
	}
	const weights = shapes.map(([name, shape]) => ({ name, shape, dtype: 'float32' as const }));
	return { json: { format: CHAR_MODEL_FORMAT, kind, config, weightsManifest: [{ paths: ['weights.bin'], weights }] }, weights: all.buffer };
}

/** Checks model.json and splits weights.bin into its named parameters. */
export function readCharModel(json: unknown, weights: ArrayBuffer): CharModel {
	const parsed = charModelJson.safeParse(json);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new CharModelError(`model.json is not a character model of this site (${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'invalid'})`);
	}
	const { kind, config } = parsed.data;
	if ((kind === 'transformer') !== 'dModel' in config) throw new CharModelError(`model.json says “${kind}” but its config is another model's`);
	if ('dModel' in config && config.dModel % config.heads !== 0)
		throw new CharModelError(`d_model ${config.dModel} does not split into ${config.heads} heads of equal width`);
	const expected = parameterShapes(kind, config);
	const stored = parsed.data.weightsManifest[0].weights;
	const mismatch = expected.findIndex(([name, shape], i) => stored[i]?.name !== name || stored[i]?.shape.join('×') !== shape.join('×'));
	if (mismatch !== -1 || stored.length !== expected.length) {
		const [name, shape] = expected[mismatch === -1 ? expected.length - 1 : mismatch]!;
		throw new CharModelError(`the weights manifest does not match a ${kind} of these sizes: expected “${name}” of shape ${shape.join('×')}`);
	}
	const total = expected.reduce((sum, [, shape]) => sum + shape.reduce((a, b) => a * b, 1), 0);
	if (weights.byteLength !== total * 4)
		throw new CharModelError(`weights.bin holds ${weights.byteLength} bytes; ${total} float32 parameters need ${total * 4}`);
	const all = new Float32Array(weights);
	const parameters = new Map<string, Float32Array>();
	let offset = 0;
	for (const [name, shape] of expected) {
		const size = shape.reduce((a, b) => a * b, 1);
		const values = all.subarray(offset, offset + size);
		if (values.some((v) => !Number.isFinite(v))) throw new CharModelError(`parameter “${name}” holds a NaN or an infinity`);
		parameters.set(name, values);
		offset += size;
	}
	return kind === 'transformer' ? { kind, config: config as TransformerConfig, parameters } : { kind, config: config as LstmConfig, parameters };
}
