// `tf` is TensorFlow.js (with its layers), as in the cells above.
function buildModel(): tf.LayersModel {
	return tf.sequential({
		layers: [
			// 'same' keeps 32 × 32: (5·5·3 + 1)·16 = 1,216 parameters.
			tf.layers.conv2d({ inputShape: [32, 32, 3], filters: 16, kernelSize: 5, padding: 'same', activation: 'relu' }),
			tf.layers.maxPooling2d({ poolSize: 2 }), // 16 × 16 × 16
			// 'valid' (the default): 16 − 3 + 1 = 14; (3·3·16 + 1)·32 = 4,640 parameters.
			tf.layers.conv2d({ filters: 32, kernelSize: 3, activation: 'relu' }),
			tf.layers.maxPooling2d({ poolSize: 2 }), // 7 × 7 × 32
			tf.layers.flatten(), // 1,568
			tf.layers.dense({ units: 10, activation: 'softmax' }), // (1,568 + 1)·10 = 15,690
		],
	});
}
