/**
 * `out.publish(id, { kind, config, parameters })`: a character language model the reader wrote from tfjs ops (the part 4
 * Transformer), saved in the format of the shipped character models (src/lib/models/char-model-file.ts) so that part 3's
 * widgets read it with the same checks. Every parameter the widgets' forward pass needs must be there with its shape;
 * what is missing or the wrong shape is named in the error, which the cell shows.
 */
import type * as TfCore from '@tensorflow/tfjs-core';
import { parameterShapes } from '../compute/char-lm';
import { charModelConfig, readCharModel, writeCharModel } from '../models/char-model-file';

/** What reader code hands over: the model's kind and sizes (`config`), and its parameters by name (tensors or variables). */
type CharModelCandidate = { kind: unknown; config?: unknown; parameters: unknown };

/** Whether `model` is meant as a character model (a `kind` of one), rather than a Layers model. */
export function looksLikeCharModel(model: unknown): model is CharModelCandidate {
	return typeof model === 'object' && model !== null && 'kind' in model && 'parameters' in model;
}

const shapeText = (shape: readonly number[]) => shape.join('×');

export async function saveCharModel(tf: typeof TfCore, model: CharModelCandidate) {
	const described = charModelConfig.safeParse(model);
	if (!described.success) {
		const issue = described.error.issues[0];
		throw new TypeError(
			`out.publish(id, { kind, config, parameters }): ${issue?.path.join('.') || 'the model'}: ${issue?.message ?? 'invalid'}; kind is 'transformer' or 'lstm', config as in part 3's model files`,
		);
	}
	const { parameters } = model;
	if (typeof parameters !== 'object' || parameters === null) throw new TypeError('out.publish: parameters must be an object of named tensors');
	const values = new Map<string, Float32Array>();
	for (const [name, shape] of parameterShapes(described.data.kind, described.data.config)) {
		const tensor: unknown = (parameters as Record<string, unknown>)[name];
		if (!(tensor instanceof tf.Tensor)) throw new TypeError(`out.publish: the parameters have no tensor “${name}” (of shape ${shapeText(shape)})`);
		if (shapeText(tensor.shape) !== shapeText(shape))
			throw new TypeError(`out.publish: “${name}” has shape ${shapeText(tensor.shape)}; this config needs ${shapeText(shape)}`);
		values.set(name, Float32Array.from(await tensor.data()));
	}
	const { json, weights } = writeCharModel(described.data, values);
	try {
		readCharModel(json, weights); // the widgets' own checks (NaN, sizes), now rather than in part 3
	} catch (error) {
		throw new Error(`out.publish: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
	}
	return {
		modelTopology: json as unknown as Record<string, unknown>,
		weightSpecs: json.weightsManifest[0].weights,
		weightData: weights,
	};
}
