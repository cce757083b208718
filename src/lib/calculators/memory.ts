/**
 * The memory arithmetic of part 5's efficiency sections, in plain TypeScript (no DOM, no tfjs): the weights at a
 * number of bits per parameter, the KV cache of a context, and LoRA's trainable parameters for a rank.
 */

/** The number formats the chapter compares, with their bits per parameter. */
export const PRECISIONS = [
	{ id: 'fp32', bits: 32 },
	{ id: 'fp16', bits: 16 },
	{ id: 'int8', bits: 8 },
	{ id: 'int4', bits: 4 },
] as const;

export type PrecisionId = (typeof PRECISIONS)[number]['id'];

export function bitsOf(precision: PrecisionId): number {
	return PRECISIONS.find((p) => p.id === precision)!.bits;
}

/** Bytes of `parameters` weights at `bits` each (scale factors of a quantised format not counted). */
export function weightBytes(parameters: number, bits: number): number {
	return (parameters * bits) / 8;
}

/**
 * Bytes of the KV cache: a key and a value vector of `width` numbers per layer and token, so 2 · L · n · d · b for one
 * sequence of n tokens at b bytes per number, and `batch` times that for a batch.
 */
export function kvCacheBytes(layers: number, context: number, width: number, bytesPerNumber: number, batch: number): number {
	return 2 * layers * context * width * bytesPerNumber * batch;
}

/** LoRA's trainable parameters for one d_out × d_in matrix at rank r: B is d_out × r, A is r × d_in. */
export function loraParameters(dOut: number, dIn: number, rank: number): number {
	return rank * (dOut + dIn);
}

/** Bytes in a (decimal) gigabyte, as the chapter counts: 7 × 10⁹ parameters at 2 bytes are 14 GB. */
export const BYTES_PER_GB = 1e9;
