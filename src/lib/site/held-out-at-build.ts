/**
 * The held-out digits and the shipped CNN's predictions for them, read from disk at build time: the confusion widget's
 * first frame (its matrix and the chosen cell's digits) is rendered on the server, and the page carries the labels
 * and predictions (2,000 characters each) so that the widget needs no fetch until the reader asks for other digits.
 */
import { readFileSync } from 'node:fs';
import { decodeMnistSplit, type MnistSplit } from '../data/mnist';

export interface HeldOutAtBuild {
	test: MnistSplit;
	/** The class the shipped CNN predicts for each digit, as its card records it (heldOut.predictions). */
	predictions: string;
}

let cached: HeldOutAtBuild | undefined;

export function heldOutAtBuild(): HeldOutAtBuild {
	if (cached) return cached;
	const manifest = JSON.parse(readFileSync('public/generated/mnist.json', 'utf8')) as { test: { file: string; count: number } };
	const test = decodeMnistSplit(new Uint8Array(readFileSync(`public/generated/${manifest.test.file}`)), manifest.test.count);
	const card = JSON.parse(readFileSync('public/models/cnn/card.json', 'utf8')) as { heldOut: { predictions?: string } };
	const predictions = card.heldOut.predictions ?? '';
	if (predictions.length !== test.labels.length)
		throw new Error(
			`public/models/cnn/card.json has ${predictions.length} held-out predictions for ${test.labels.length} digits: npm run train-models -- --only cnn --rescore`,
		);
	cached = { test, predictions };
	return cached;
}
