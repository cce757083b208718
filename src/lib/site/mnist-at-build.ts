/** The MNIST strip read from disk at build time, for the server-rendered first frame of the convolution widget. */
import { readFileSync } from 'node:fs';
import { decodeMnistStrip, type Digit } from '../data/mnist';

let cached: Digit[] | undefined;

export function mnistStripAtBuild(): Digit[] {
	cached ??= decodeMnistStrip(new Uint8Array(readFileSync('public/generated/mnist-strip.bin')));
	return cached;
}
