/**
 * The shipped CNN is the one the reader runs: its architecture is read from the code cell, content/cells/cnn.ts.
 * The cell stays a self-contained program that the reader edits (it builds its own model inline), so instead of
 * moving the layer list into a shared module we take the cell's one `tf.sequential({…})` call out of its source and
 * evaluate that expression alone: the training script and tests/unit/shipped-cnn.test.ts both build from it, and an
 * edit to the cell's layers shows up as a difference between the shipped model and the cell (the test fails until the
 * model is retrained with `npm run train-models`).
 *
 * Steps: sucrase strips the TypeScript (as the cells' own transform does), acorn parses the result, the single
 * `tf.sequential(…)` call is cut out by its source positions and run with a `tf` that has only tfjs-layers in it.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parse } from 'acorn';
import { transform } from 'sucrase';

/** @typedef {typeof import('@tensorflow/tfjs-layers')} TfLayers */
/** @typedef {import('@tensorflow/tfjs-layers').Sequential} Sequential */

export const CNN_CELL_PATH = fileURLToPath(new URL('../../content/cells/cnn.ts', import.meta.url));

/** Layer factories whose weights are a kernel and a bias (Keras: glorot_uniform kernels, zero biases). */
const KERNEL_AND_BIAS = new Set(['conv1d', 'conv2d', 'conv3d', 'dense']);

/**
 * Every node of an acorn tree, depth first.
 * @param {unknown} node @returns {Generator<Record<string, unknown>>}
 */
function* nodes(node) {
	if (Array.isArray(node)) for (const child of node) yield* nodes(child);
	else if (node && typeof node === 'object' && typeof (/** @type {{ type?: unknown }} */ (node).type) === 'string') {
		const record = /** @type {Record<string, unknown>} */ (node);
		yield record;
		for (const [key, value] of Object.entries(record)) if (key !== 'type') yield* nodes(value);
	}
}

/**
 * Is this node `tf.sequential(…)`?
 * @param {Record<string, unknown>} node
 */
function isSequentialCall(node) {
	if (node.type !== 'CallExpression') return false;
	const callee = /** @type {{ type: string, computed?: boolean, object?: { type: string, name?: string }, property?: { type: string, name?: string } }} */ (
		node.callee
	);
	return callee.type === 'MemberExpression' && !callee.computed && callee.object?.name === 'tf' && callee.property?.name === 'sequential';
}

/**
 * The JavaScript source of the cell's `tf.sequential({…})` call; throws unless there is exactly one.
 * @param {string} cellSource the cell's TypeScript
 * @param {string} [where] the file, for error messages
 * @returns {string}
 */
export function sequentialSource(cellSource, where = CNN_CELL_PATH) {
	const { code } = transform(cellSource, { transforms: ['typescript'], disableESTransforms: true });
	const program = parse(code, { ecmaVersion: 'latest', sourceType: 'module', allowAwaitOutsideFunction: true });
	const calls = [...nodes(program)].filter(isSequentialCall);
	if (calls.length !== 1) throw new Error(`${where}: expected exactly one tf.sequential({…}) call, found ${calls.length}`);
	const [call] = /** @type {[{ start: number, end: number }]} */ (/** @type {unknown} */ (calls));
	return code.slice(call.start, call.end);
}

/** @param {string} [path] @returns {Promise<string>} the cell's `tf.sequential({…})` call, as JavaScript */
export async function readCellArchitecture(path = CNN_CELL_PATH) {
	return sequentialSource(await readFile(path, 'utf8'), path);
}

/**
 * tfjs-layers' factories, each given seeded Keras-default initialisers (glorotUniform kernels with seed + layer index,
 * zero biases). The seeded initialisers replace any the cell names: the shipped weights must be reproducible.
 * @param {TfLayers} tfl @param {number} seed
 * @returns {TfLayers['layers']}
 */
function seededLayers(tfl, seed) {
	let index = 0;
	/** @type {Record<string, unknown>} */
	const wrapped = {};
	for (const [name, value] of Object.entries(tfl.layers)) {
		if (typeof value !== 'function') continue;
		const factory = /** @type {(args?: object) => unknown} */ (value);
		wrapped[name] = (/** @type {Record<string, unknown> | undefined} */ args) => {
			const layerSeed = seed + index++;
			if (!KERNEL_AND_BIAS.has(name)) return factory(args);
			return factory({ ...args, kernelInitializer: tfl.initializers.glorotUniform({ seed: layerSeed }), biasInitializer: tfl.initializers.zeros() });
		};
	}
	return /** @type {TfLayers['layers']} */ (wrapped);
}

/**
 * Builds the cell's model. With `seed`, every layer with weights gets seeded initialisers, and a layer with weights
 * that this module cannot seed is an error (its initial weights would change from run to run).
 * @param {TfLayers} tfl the tfjs-layers namespace (its backend already chosen)
 * @param {string} source from readCellArchitecture
 * @param {{ seed?: number }} [options]
 * @returns {Sequential}
 */
export function buildCellModel(tfl, source, { seed } = {}) {
	const tf = seed === undefined ? tfl : { ...tfl, layers: seededLayers(tfl, seed) };
	// The expression is this repository's own cell (not user input), evaluated with nothing in scope but `tf`.
	const model = /** @type {Sequential} */ (new Function('tf', `'use strict'; return (${source});`)(tf));
	if (seed !== undefined)
		for (const layer of model.layers) {
			const kind = layer.getClassName();
			if (layer.weights.length > 0 && !['Conv1D', 'Conv2D', 'Conv3D', 'Dense'].includes(kind))
				throw new Error(`layer ${layer.name} (${kind}) has weights but no seeded initialiser: add it to scripts/models/cnn-cell.mjs`);
		}
	return model;
}

/**
 * One row per layer: what the model card lists and the test compares.
 * @param {import('@tensorflow/tfjs-layers').LayersModel} model
 * @returns {{ name: string, type: string, outputShape: (number | null)[], parameters: number }[]}
 */
export function layerSummary(model) {
	return model.layers.map((layer) => ({
		name: layer.name,
		type: layer.getClassName(),
		outputShape: /** @type {(number | null)[]} */ (layer.outputShape),
		parameters: layer.countParams(),
	}));
}

/**
 * A layer's configuration without what differs between two builds of the same architecture: its name (tfjs numbers
 * layers per process) and its initialisers (the shipped model's are seeded, the cell's are tfjs's defaults).
 * @param {import('@tensorflow/tfjs-layers').layers.Layer} layer
 */
export function architectureConfig(layer) {
	const { name: _name, kernelInitializer: _kernel, biasInitializer: _bias, ...config } = /** @type {Record<string, unknown>} */ (layer.getConfig());
	return { type: layer.getClassName(), ...config };
}
