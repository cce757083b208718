import type { Matrix } from '../reference/matrix';

export const MNIST_SIDE = 28;
const PIXELS = MNIST_SIDE * MNIST_SIDE;

/** URL of the digit strip written by scripts/prepare-data.mjs (2 real MNIST digits per class). */
export const MNIST_STRIP_URL = '/generated/mnist-strip.bin';
export const MNIST_STRIP_PER_CLASS = 2;

export interface Digit {
	label: number;
	/** 28 × 28 intensities in [0, 1]. */
	pixels: Matrix;
}

/** Decodes the strip (bytes 0–255, 784 per digit, class order) into digits. */
export function decodeMnistStrip(bytes: Uint8Array): Digit[] {
	if (bytes.length % PIXELS !== 0) throw new Error(`MNIST strip has ${bytes.length} bytes, not a multiple of ${PIXELS}`);
	return Array.from({ length: bytes.length / PIXELS }, (_, d) => ({
		label: Math.floor(d / MNIST_STRIP_PER_CLASS),
		pixels: Array.from({ length: MNIST_SIDE }, (_, r) =>
			Array.from({ length: MNIST_SIDE }, (_, c) => bytes[d * PIXELS + r * MNIST_SIDE + c]! / 255),
		),
	}));
}
