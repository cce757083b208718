/** The MNIST digits the convolution and pooling widgets show, fetched once per page (from this site). */
import { decodeMnistStrip, MNIST_STRIP_URL, type Digit } from '../../data/mnist';

let strip: Promise<Digit[]> | undefined;

export function loadMnistStrip(): Promise<Digit[]> {
	strip ??= fetch(MNIST_STRIP_URL).then(async (response) => {
		if (!response.ok) throw new Error(`could not load the MNIST digits (${response.status} ${MNIST_STRIP_URL})`);
		return decodeMnistStrip(new Uint8Array(await response.arrayBuffer()));
	});
	// A failed fetch is not remembered: the next update tries again.
	strip.catch(() => (strip = undefined));
	return strip;
}
