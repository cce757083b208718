/**
 * A trained-model widget's last generation, kept while the reader only looks around in it (a query, a head, a step):
 * the seeded continuation is computed again only when the model, the prefix, the seed, the temperature or top-k change.
 */
import type * as TF from '@tensorflow/tfjs-core';
import { generate } from '../../compute/char-lm-infer';
import type { CharModel } from '../../models/char-model-file';

export interface GenerationOptions {
	seed: number;
	temperature: number;
	topK: number;
}

export class GenerationCache {
	private last: { model: CharModel; key: string; ids: number[] } | undefined;

	/** @param measureName a performance measure for each new generation, for the bench (its detail: the characters) */
	constructor(private readonly measureName?: string) {}

	async continuation(tf: typeof TF, model: CharModel, modelId: string, ids: number[], options: GenerationOptions): Promise<number[]> {
		const key = JSON.stringify([modelId, ids, options.seed, options.temperature, options.topK]);
		// The model itself too: a reader's model trained again keeps its id.
		if (this.last?.key !== key || this.last.model !== model) {
			const start = performance.now();
			this.last = { model, key, ids: await generate(tf, model, ids, options) };
			if (this.measureName) performance.measure(this.measureName, { start, detail: { characters: this.last.ids.length } });
		}
		return this.last.ids;
	}
}
