import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { frameLikeMnist, resizeBilinear } from '../../src/lib/reference/mnist-framing';
import { seededMatrix } from '../../src/lib/reference/random';

beforeAll(async () => {
	expect(await tf.setBackend('cpu')).toBe(true);
});

describe("MNIST's framing of a drawn digit (the CNN cell's likeMnist, in plain TypeScript)", () => {
	it("resizes as tfjs' image.resizeBilinear does (the cell's resize)", () => {
		for (const [h, w, rows, cols] of [
			[7, 3, 20, 9],
			[12, 25, 10, 20],
			[1, 1, 5, 5],
		] as const) {
			const input = seededMatrix(h * 31 + w, h, w, 1);
			const expected = tf.tidy(() => tf.squeeze(tf.image.resizeBilinear(tf.tensor3d(input.flat(), [h, w, 1]), [rows, cols]), [2]).arraySync() as number[][]);
			const got = resizeBilinear(input, rows, cols);
			got.forEach((row, r) => row.forEach((v, c) => expect(Math.abs(v - expected[r]![c]!)).toBeLessThan(1e-5)));
		}
	});

	it('scales a small stroke in a corner to a 20-pixel box with its centre of mass at the middle', () => {
		const pixels = Array.from({ length: 28 }, () => new Array<number>(28).fill(0));
		for (let r = 1; r <= 8; r++) pixels[r]![2] = 1; // a vertical bar of 8 pixels near the top-left corner
		const framed = frameLikeMnist(pixels);
		const inked = framed.flatMap((row, r) => row.map((v, c) => ({ v, r, c }))).filter((p) => p.v > 0.1);
		const rows = inked.map((p) => p.r);
		expect(Math.max(...rows) - Math.min(...rows) + 1).toBe(20);
		const mass = inked.reduce((s, p) => s + p.v, 0);
		const centre = { r: inked.reduce((s, p) => s + p.v * p.r, 0) / mass, c: inked.reduce((s, p) => s + p.v * p.c, 0) / mass };
		expect(Math.abs(centre.r - 13.5)).toBeLessThanOrEqual(1);
		expect(Math.abs(centre.c - 13.5)).toBeLessThanOrEqual(1);
	});

	it('leaves an empty pad empty', () => {
		const blank = Array.from({ length: 28 }, () => new Array<number>(28).fill(0));
		expect(
			frameLikeMnist(blank)
				.flat()
				.every((v) => v === 0),
		).toBe(true);
	});
});
