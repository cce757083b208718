/**
 * What the worker sends to the page for a `tf.LayersModel` an exercise function returned: per layer, the three
 * columns of `model.summary()` (class name, output shape with `null` for the batch, parameter count). Plain data, so
 * the page can grade it against src/lib/reference/model-summary.ts like any other result.
 */
export interface SummarisableModel {
	layers: { getClassName(): string; outputShape: unknown; countParams(): number }[];
}

export function summaryOfModel(model: SummarisableModel) {
	return { layers: model.layers.map((layer) => ({ className: layer.getClassName(), outputShape: layer.outputShape, params: layer.countParams() })) };
}
