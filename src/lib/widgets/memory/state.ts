import type { PrecisionId } from '../../calculators/memory';
import { enumParam, intParam, quantityParam, type ParamSpec } from '../url-state';

export interface MemoryState {
	/** N: the model's parameters. */
	parameters: number;
	/** The format the weights are kept in for the total. */
	precision: PrecisionId;
	/** L: layers. */
	layers: number;
	/** d: the width of a key or a value vector summed over heads (the model's width). */
	width: number;
	/** n: tokens of context. */
	context: number;
	/** Sequences processed together. */
	batch: number;
	/** Bits per number in the KV cache. */
	kvBits: 16 | 8;
	/** One adapted matrix is d_out × d_in. */
	dOut: number;
	dIn: number;
	/** r: LoRA's rank. */
	rank: number;
	/** How many matrices get an adapter. */
	matrices: number;
}

/** The ranges a reader may type; beyond them the calculator says so instead of computing. */
export const MEMORY_LIMITS = {
	parameters: [1e3, 1e15],
	layers: [1, 1000],
	width: [1, 1e6],
	context: [1, 1e8],
	batch: [1, 1e5],
	dOut: [1, 1e6],
	dIn: [1, 1e6],
	rank: [1, 1e6],
	matrices: [1, 1e5],
} as const satisfies Partial<Record<keyof MemoryState, readonly [number, number]>>;

const L = MEMORY_LIMITS;

/**
 * The first frame is the chapter's worked numbers: 7 × 10⁹ parameters in 16 bits (14 GB); LLaMA-7B's 32 layers of
 * width 4096 at 2,048 tokens of context; a 4096 × 4096 matrix at rank 8 (65,536 trainable parameters, 0.39 %).
 */
export const memorySpec: ParamSpec<MemoryState> = {
	parameters: quantityParam('mem.n', 7e9, ...L.parameters),
	precision: enumParam('mem.bits', 'fp16', ['fp32', 'fp16', 'int8', 'int4'] as const),
	layers: intParam('mem.layers', 32, ...L.layers),
	width: intParam('mem.width', 4096, ...L.width),
	context: intParam('mem.ctx', 2048, ...L.context),
	batch: intParam('mem.batch', 1, ...L.batch),
	kvBits: {
		key: 'mem.kvbits',
		fallback: 16,
		parse: (raw) => (raw === '16' ? 16 : raw === '8' ? 8 : { expected: 'expected 16 or 8' }),
		format: String,
	},
	dOut: intParam('mem.dout', 4096, ...L.dOut),
	dIn: intParam('mem.din', 4096, ...L.dIn),
	rank: intParam('mem.rank', 8, ...L.rank),
	matrices: intParam('mem.m', 64, ...L.matrices),
};
