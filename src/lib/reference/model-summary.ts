/**
 * What `model.summary()` prints for a small Keras/tfjs Sequential model, computed by hand: each layer's class name,
 * output shape (batch dimension `null`) and number of parameters. The reference for the part-4 exercise that builds a
 * model with tfjs; tests/unit/model-summary.test.ts checks it against tfjs itself.
 */
import { convGeometry, type Padding } from './convolution';

export type LayerSpec =
	| { kind: 'conv2d'; filters: number; kernelSize: number; padding: Padding; strides?: number }
	| { kind: 'maxPooling2d'; poolSize: number }
	| { kind: 'flatten' }
	| { kind: 'dense'; units: number };

export interface LayerSummary {
	className: string;
	outputShape: (number | null)[];
	params: number;
}

/** The summary of a Sequential model with input shape `[height, width, channels]` and these layers, in order. */
export function sequentialSummary(inputShape: number[], layers: LayerSpec[]): LayerSummary[] {
	let shape = [...inputShape];
	return layers.map((layer) => {
		let params = 0;
		let className: string;
		switch (layer.kind) {
			case 'conv2d': {
				const [h, w, c] = shape as [number, number, number];
				const s = layer.strides ?? 1;
				// A k × k × c kernel per filter, plus one bias per filter.
				params = (layer.kernelSize * layer.kernelSize * c + 1) * layer.filters;
				shape = [convGeometry(h, layer.kernelSize, s, layer.padding).out, convGeometry(w, layer.kernelSize, s, layer.padding).out, layer.filters];
				className = 'Conv2D';
				break;
			}
			case 'maxPooling2d': {
				const [h, w, c] = shape as [number, number, number];
				// Keras' default: stride = pool size, 'valid' padding.
				shape = [Math.floor((h - layer.poolSize) / layer.poolSize) + 1, Math.floor((w - layer.poolSize) / layer.poolSize) + 1, c];
				className = 'MaxPooling2D';
				break;
			}
			case 'flatten':
				shape = [shape.reduce((a, b) => a * b, 1)];
				className = 'Flatten';
				break;
			case 'dense':
				// A weight per input and unit, plus one bias per unit.
				params = (shape[0]! + 1) * layer.units;
				shape = [layer.units];
				className = 'Dense';
				break;
		}
		return { className, outputShape: [null, ...shape], params };
	});
}
