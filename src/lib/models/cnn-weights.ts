/**
 * A CNN model file read as the seed's architecture (part 4's cell: Conv2D 32 → MaxPool → Conv2D 64 → MaxPool →
 * Conv2D 64 → Flatten → Dense 64 → Dense 10), for the layer-by-layer widget. A model whose layers differ (a reader who
 * changed the cell) is refused with a message that lists every difference, never half-read.
 */
import type { CnnWeights, ConvWeights, DenseWeights } from '../reference/cnn';
import type { LayerConfig, LayersWeights } from './layers-weights';

interface ExpectedLayer {
	className: string;
	/** The shape of its kernel (none: a layer without weights). */
	kernel?: number[];
	settings: Record<string, string>;
}

const conv = (inChannels: number, filters: number): ExpectedLayer => ({
	className: 'Conv2D',
	kernel: [3, 3, inChannels, filters],
	settings: { activation: '"relu"', strides: '[1,1]', padding: '"valid"', dilation_rate: '[1,1]', data_format: '"channels_last"' },
});
const pool: ExpectedLayer = { className: 'MaxPooling2D', settings: { pool_size: '[2,2]', strides: '[2,2]', padding: '"valid"' } };
const dense = (inputs: number, units: number, activation: string): ExpectedLayer => ({
	className: 'Dense',
	kernel: [inputs, units],
	settings: { activation: `"${activation}"` },
});

/** The seed's layers in order (content/cells/cnn.ts). */
const SEED_LAYERS: readonly ExpectedLayer[] = [
	conv(1, 32),
	pool,
	conv(32, 64),
	pool,
	conv(64, 64),
	{ className: 'Flatten', settings: {} },
	dense(576, 64, 'relu'),
	dense(64, 10, 'softmax'),
];

/** The model's layers differ from the seed's; the message lists how. */
export class ArchitectureMismatch extends Error {
	constructor(readonly differences: string[]) {
		super(differences.join('; '));
	}
}

function differences(model: LayersWeights): string[] {
	const found: string[] = [];
	const layers = model.layers.filter((l) => l.className !== 'InputLayer');
	if (layers.length !== SEED_LAYERS.length) found.push(`${layers.length} layers, the seed has ${SEED_LAYERS.length}`);
	SEED_LAYERS.forEach((expected, i) => {
		const layer = layers[i];
		const where = `layer ${i + 1}`;
		if (!layer) return;
		if (layer.className !== expected.className) {
			found.push(`${where} is ${layer.className}, the seed's is ${expected.className}`);
			return;
		}
		for (const [key, value] of Object.entries(expected.settings))
			if (layer.settings[key] !== undefined && layer.settings[key] !== value)
				found.push(`${where} (${layer.className}) has ${key} ${layer.settings[key]}, the seed's ${value}`);
		if (expected.kernel) {
			const shape = model.weights.get(`${layer.name}/kernel`)?.shape;
			if (String(shape) !== String(expected.kernel))
				found.push(`${where} (${layer.className}) has a kernel of [${shape ?? 'none'}], the seed's is [${expected.kernel}]`);
			if (!model.weights.has(`${layer.name}/bias`)) found.push(`${where} (${layer.className}) has no bias`);
		}
	});
	return found;
}

function weightsOf(model: LayersWeights, layer: LayerConfig) {
	return { kernel: model.weights.get(`${layer.name}/kernel`)!, bias: model.weights.get(`${layer.name}/bias`)! };
}

/** The model's weights as the seed CNN's, or an ArchitectureMismatch saying what differs. */
export function seedCnnWeights(model: LayersWeights): CnnWeights {
	const found = differences(model);
	if (found.length) throw new ArchitectureMismatch(found);
	const withWeights = model.layers.filter((l) => l.className === 'Conv2D' || l.className === 'Dense');
	const [c1, c2, c3] = withWeights.slice(0, 3).map((layer): ConvWeights => {
		const { kernel, bias } = weightsOf(model, layer);
		return { shape: kernel.shape as ConvWeights['shape'], kernel: kernel.values, bias: bias.values };
	});
	const [d1, d2] = withWeights.slice(3).map((layer): DenseWeights => {
		const { kernel, bias } = weightsOf(model, layer);
		return { inputs: kernel.shape[0]!, units: kernel.shape[1]!, kernel: kernel.values, bias: bias.values };
	});
	return { conv1: c1!, conv2: c2!, conv3: c3!, dense: d1!, output: d2! };
}

/** Parameters of each weighted layer (kernel + bias), from the numbers in the file. */
export function parameterCounts(w: CnnWeights): Record<'conv1' | 'conv2' | 'conv3' | 'dense' | 'output', number> {
	const count = (layer: { kernel: Float32Array; bias: Float32Array }) => layer.kernel.length + layer.bias.length;
	return { conv1: count(w.conv1), conv2: count(w.conv2), conv3: count(w.conv3), dense: count(w.dense), output: count(w.output) };
}
