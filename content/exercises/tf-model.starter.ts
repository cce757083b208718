// `tf` is TensorFlow.js (with its layers), as in the cells above.
function buildModel(): tf.LayersModel {
	// TODO: the five layers after this one
	return tf.sequential({
		layers: [tf.layers.conv2d({ inputShape: [32, 32, 3], filters: 16, kernelSize: 5, activation: 'relu' })],
	});
}
