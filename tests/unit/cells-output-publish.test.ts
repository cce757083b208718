/** `out.publish(id, model, card)`: a trained model handed to the page, after what the run drew before it. */
import { describe, expect, it } from 'vitest';
import { PublishMessageSchema } from '../../src/lib/cells/protocol';
import { harness, of } from './cells-output-harness';

const saved = {
	modelTopology: { class_name: 'Sequential', config: { layers: [] } },
	weightSpecs: [{ name: 'dense/kernel', shape: [2, 1], dtype: 'float32' as const }],
	weightData: new Float32Array([1, 2]).buffer,
};
const model = { a: 'LayersModel' };

describe('out.publish', () => {
	it('sends the saved model with its card, after the figures drawn before it', async () => {
		const seen: unknown[] = [];
		const h = harness(async (m) => (seen.push(m), saved));
		h.out.image('digit', [[0, 1]]);
		await h.out.publish('cnn', model, { accuracy: 0.959, epochs: 2 });
		expect(seen).toEqual([model]);
		expect(h.sent.map((m) => m.type)).toEqual(['image', 'publish']);
		const [message] = of(h.sent, 'publish');
		expect(PublishMessageSchema.safeParse(message).success).toBe(true);
		expect(message).toMatchObject({ runId: 7, id: 'cnn', card: { accuracy: 0.959, epochs: 2 }, weightSpecs: saved.weightSpecs });
	});

	it('refuses a bad id, a bad card, and a run that cannot save models, with what was expected', async () => {
		const h = harness(async () => saved);
		await expect(h.out.publish('My Model', model)).rejects.toThrow('the id must be lower case letters, digits and dashes (like \'cnn\'), got "My Model"');
		await expect(h.out.publish('cnn', model, { accuracy: 95.9 })).rejects.toThrow('accuracy?: a number from 0 to 1');
		await expect(harness().out.publish('cnn', model)).rejects.toThrow('models cannot be published here');
		expect(h.sent).toEqual([]);
	});

	it('passes on what the worker says about something that is not a model', async () => {
		const h = harness(async () => {
			throw new TypeError('out.publish(id, model): model must be a trained tf.LayersModel');
		});
		await expect(h.out.publish('cnn', 42)).rejects.toThrow('must be a trained tf.LayersModel');
		expect(h.sent).toEqual([]);
	});
});
