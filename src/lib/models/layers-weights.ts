/**
 * Reads the weights of a model the site ships (public/models/<id>/: tfjs Layers format, `model.json` + binary
 * weight files) without tfjs-layers: the widgets only need some of the numbers, and this keeps them small.
 * Every problem (a missing file, truncated weights, a format this reader does not know) is an error that says what
 * was expected, for the widget to show.
 */
import { sitePath } from '../site/base-path';

export interface NamedWeight {
	name: string;
	shape: number[];
	values: Float32Array;
}

export interface LayerConfig {
	className: string;
	name: string;
	/**
	 * The settings that decide what the layer computes (activation, strides, padding, pool_size, …), as the file
	 * states them (JSON-formatted), for a reader that checks a model against the architecture it expects.
	 */
	settings: Record<string, string>;
}

const SETTINGS = ['activation', 'strides', 'padding', 'pool_size', 'kernel_size', 'dilation_rate', 'data_format', 'use_bias'] as const;

export interface LayersWeights {
	/** The model's layers in order (from its topology). */
	layers: LayerConfig[];
	weights: Map<string, NamedWeight>;
}

interface Manifest {
	format?: unknown;
	modelTopology?: { config?: { layers?: { class_name?: unknown; config?: Record<string, unknown> }[] } };
	weightsManifest?: { paths?: unknown; weights?: { name?: unknown; shape?: unknown; dtype?: unknown }[] }[];
}

/** The URL of a shipped model's files, under the site's base path. */
export function shippedModelUrl(id: string, file = 'model.json'): string {
	return sitePath(`models/${id}/${file}`);
}

async function fetchOk(url: string): Promise<Response> {
	const response = await fetch(url);
	if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
	return response;
}

/** Reads model.json and its weight files; `fetcher` is the page's fetch (tests pass one that reads files). */
export async function loadLayersWeights(modelUrl: string, fetcher: (url: string) => Promise<Response> = fetchOk): Promise<LayersWeights> {
	const manifest = (await (await fetcher(modelUrl)).json()) as Manifest;
	if (manifest.format !== 'layers-model' || !Array.isArray(manifest.weightsManifest))
		throw new Error(`${modelUrl}: expected a tfjs Layers model (format "layers-model" with a weightsManifest)`);
	const layers = (manifest.modelTopology?.config?.layers ?? []).map((layer) => ({
		className: String(layer.class_name),
		name: String(layer.config?.name),
		settings: Object.fromEntries(SETTINGS.filter((key) => layer.config?.[key] !== undefined).map((key) => [key, JSON.stringify(layer.config?.[key])])),
	}));
	const weights = new Map<string, NamedWeight>();
	for (const group of manifest.weightsManifest) {
		const paths = Array.isArray(group.paths) ? group.paths.map(String) : [];
		// Weight files sit beside model.json.
		const folder = modelUrl.replace(/[^/]*$/, '');
		const parts = await Promise.all(paths.map(async (path) => new Uint8Array(await (await fetcher(folder + path)).arrayBuffer())));
		const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
		parts.reduce((offset, part) => (bytes.set(part, offset), offset + part.length), 0);
		let offset = 0;
		for (const spec of group.weights ?? []) {
			const shape = Array.isArray(spec.shape) ? spec.shape.map(Number) : [];
			if (spec.dtype !== 'float32') throw new Error(`${modelUrl}: weight ${String(spec.name)} is ${String(spec.dtype)}; only float32 is read here`);
			const count = shape.reduce((a, b) => a * b, 1);
			if (offset + count * 4 > bytes.length)
				throw new Error(`${modelUrl}: the weight files end after ${bytes.length} bytes, before weight ${String(spec.name)} (truncated?)`);
			const values = new Float32Array(bytes.slice(offset, offset + count * 4).buffer);
			weights.set(String(spec.name), { name: String(spec.name), shape, values });
			offset += count * 4;
		}
		if (offset !== bytes.length) throw new Error(`${modelUrl}: ${bytes.length} bytes of weights, the manifest describes ${offset}`);
	}
	return { layers, weights };
}
