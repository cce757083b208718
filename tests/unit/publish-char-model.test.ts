/**
 * `out.publish(id, { kind, config, parameters })` for a character model written from tfjs ops: what the worker saves
 * is what part 3's widgets read (the shipped names Transformer, saved and read back, is the same model), and a model
 * with a missing parameter, a wrong shape or a wrong kind is refused with a message that names the problem.
 */
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { parameterShapes } from '../../src/lib/compute/char-lm';
import { saveCharModel } from '../../src/lib/cells/publish-char-model';
import { readCharModel, type CharModel } from '../../src/lib/models/char-model-file';

const shipped = readCharModel(
	JSON.parse(readFileSync('public/models/names-transformer/model.json', 'utf8')),
	new Uint8Array(readFileSync('public/models/names-transformer/weights.bin')).buffer,
) as Extract<CharModel, { kind: 'transformer' }>;

/** The shipped model's parameters as tensors, as the cell holds them, in reverse order (the order must not matter). */
const tensors = () =>
	Object.fromEntries(
		parameterShapes('transformer', shipped.config)
			.reverse()
			.map(([name, shape]) => [name, tf.tensor(shipped.parameters.get(name)!, shape)]),
	);

describe('publishing a character model', () => {
	beforeAll(async () => {
		await tf.setBackend('cpu');
	});

	it('saves what readCharModel reads back as the same model', async () => {
		const parameters = tensors();
		const saved = await saveCharModel(tf, { kind: 'transformer', config: shipped.config, parameters });
		const back = readCharModel(saved.modelTopology, saved.weightData);
		expect(back.kind).toBe('transformer');
		expect(back.config).toEqual(shipped.config);
		for (const [name, values] of shipped.parameters) expect(Array.from(back.parameters.get(name)!), name).toEqual(Array.from(values));
		expect(saved.weightSpecs.map((s) => s.name)).toEqual(parameterShapes('transformer', shipped.config).map(([name]) => name));
		tf.dispose(Object.values(parameters));
	});

	it('names a missing parameter, a wrong shape, a wrong kind and a non-finite value', async () => {
		const parameters = tensors();
		const { ['block1.wq']: wq, ...missing } = parameters;
		await expect(saveCharModel(tf, { kind: 'transformer', config: shipped.config, parameters: missing })).rejects.toThrow(
			'the parameters have no tensor “block1.wq” (of shape 32×32)',
		);
		const transposed = { ...parameters, 'block0.w1': tf.zeros([128, 32]) };
		await expect(saveCharModel(tf, { kind: 'transformer', config: shipped.config, parameters: transposed })).rejects.toThrow(
			'“block0.w1” has shape 128×32; this config needs 32×128',
		);
		await expect(saveCharModel(tf, { kind: 'gru', config: shipped.config, parameters })).rejects.toThrow(/kind/);
		const broken = { ...parameters, 'output.bias': tf.fill([shipped.config.vocabulary.length], NaN) };
		await expect(saveCharModel(tf, { kind: 'transformer', config: shipped.config, parameters: broken })).rejects.toThrow(
			'out.publish: parameter “output.bias” holds a NaN or an infinity',
		);
		tf.dispose([wq!, transposed['block0.w1'], broken['output.bias'], ...Object.values(parameters)]);
	});
});
