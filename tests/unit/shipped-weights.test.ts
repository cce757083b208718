import { describe, expect, it } from 'vitest';
import { firstConvFilter, SHIPPED_CNN } from '../../src/lib/models/cnn-filters';
import { loadLayersWeights } from '../../src/lib/models/layers-weights';
import { fileFetcher } from './shipped-files';

const MODEL = `/models/${SHIPPED_CNN}/model.json`;

describe('reading the shipped CNN without tfjs-layers', () => {
	it('gives the first convolution as 32 filters of 3 × 3 with their biases', async () => {
		const model = await loadLayersWeights(MODEL, fileFetcher());
		const kernel = [...model.weights.values()][0]!;
		expect(kernel.shape).toEqual([3, 3, 1, 32]);
		const filter = firstConvFilter(model, 5);
		expect(filter.kernel).toHaveLength(3);
		// Element [i][j] of filter k is kernel[i][j][0][k − 1] in tfjs' [kh, kw, in, out] layout.
		expect(filter.kernel[2]![1]).toBe(kernel.values[(2 * 3 + 1) * 32 + 4]);
		expect(filter.bias).toBe(model.weights.get(`${model.layers[0]!.name}/bias`)!.values[4]);
		expect(() => firstConvFilter(model, 33)).toThrow('filter 33 does not exist: the first convolution has 32');
	});

	it('says what is wrong with a truncated weight file or a missing model', async () => {
		const truncated = fileFetcher((path, bytes) => (path.endsWith('.bin') ? bytes.subarray(0, 1000) : bytes));
		await expect(loadLayersWeights(MODEL, truncated)).rejects.toThrow(/end after 1000 bytes.*truncated/);
		const missing = fileFetcher(() => undefined);
		await expect(
			loadLayersWeights(MODEL, async (url) => {
				const response = await missing(url);
				if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
				return response;
			}),
		).rejects.toThrow('model.json: HTTP 404');
		const notLayers = fileFetcher((path, bytes) => (path.endsWith('.json') ? Buffer.from('{"format":"graph-model"}') : bytes));
		await expect(loadLayersWeights(MODEL, notLayers)).rejects.toThrow('expected a tfjs Layers model');
	});
});

/** Pearson correlation of two 3 × 3 kernels' nine weights. */
function correlation(a: number[], b: number[]): number {
	const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
	const [ma, mb] = [mean(a), mean(b)];
	const dot = a.reduce((s, x, i) => s + (x - ma) * (b[i]! - mb), 0);
	const norm = (v: number[], m: number) => Math.sqrt(v.reduce((s, x) => s + (x - m) ** 2, 0));
	return dot / (norm(a, ma) * norm(b, mb));
}

describe('what the algorithms chapter says about the learned conv1 filters', () => {
	it('20 of 32 correlate at r ≥ 0.7 with an oriented edge kernel: 12 horizontal, 6 diagonal, 2 vertical', async () => {
		const model = await loadLayersWeights(MODEL, fileFetcher());
		const edges: [string, number[]][] = [
			['horizontal', [-1, -2, -1, 0, 0, 0, 1, 2, 1]], // Sobel-y
			['vertical', [-1, 0, 1, -2, 0, 2, -1, 0, 1]], // Sobel-x
			['diagonal', [0, 1, 2, -1, 0, 1, -2, -1, 0]],
			['diagonal', [2, 1, 0, 1, 0, -1, 0, -1, -2]],
		];
		const counts: Record<string, number> = {};
		for (let k = 1; k <= 32; k++) {
			const weights = firstConvFilter(model, k).kernel.flat();
			const [kind, r] = edges.map(([name, edge]) => [name, Math.abs(correlation(weights, edge))] as const).sort((a, b) => b[1] - a[1])[0]!;
			if (r >= 0.7) counts[kind] = (counts[kind] ?? 0) + 1;
		}
		expect(counts).toEqual({ horizontal: 12, diagonal: 6, vertical: 2 });
	});
});
