/** The memory calculator's numbers for a state: plain arithmetic (src/lib/calculators/memory.ts), no DOM. */
import { bitsOf, kvCacheBytes, loraParameters, PRECISIONS, weightBytes, type PrecisionId } from '../../calculators/memory';
import type { MemoryState } from './state';

/** An accelerator's memory the totals are compared with: the 80 GB of an A100 80GB or an H100 SXM. */
export const ACCELERATOR_MEMORY_BYTES = 80e9;

export interface MemoryResult {
	state: MemoryState;
	/** The weights' bytes in each format. */
	weights: { id: PrecisionId; bits: number; bytes: number }[];
	/** The weights' bytes in the state's format. */
	chosenWeights: number;
	kvBytes: number;
	totalBytes: number;
	/** Accelerators of ACCELERATOR_MEMORY_BYTES needed to hold the total (memory alone). */
	devices: number;
	/** LoRA's counts, or what is wrong with the rank asked for (the rest of the result stands). */
	lora: { perMatrix: number; matrixSize: number; total: number } | { rankTooHigh: number };
}

export function memoryResult(state: MemoryState): MemoryResult {
	const maxRank = Math.min(state.dOut, state.dIn);
	const weights = PRECISIONS.map(({ id, bits }) => ({ id, bits, bytes: weightBytes(state.parameters, bits) }));
	const chosenWeights = weightBytes(state.parameters, bitsOf(state.precision));
	const kvBytes = kvCacheBytes(state.layers, state.context, state.width, state.kvBits / 8, state.batch);
	const totalBytes = chosenWeights + kvBytes;
	const perMatrix = loraParameters(state.dOut, state.dIn, state.rank);
	// A d_out × d_in matrix has rank at most min(d_out, d_in): a larger r is no low-rank update (and B·A no longer saves).
	const lora = state.rank > maxRank ? { rankTooHigh: maxRank } : { perMatrix, matrixSize: state.dOut * state.dIn, total: perMatrix * state.matrices };
	return {
		state,
		weights,
		chosenWeights,
		kvBytes,
		totalBytes,
		devices: Math.ceil(totalBytes / ACCELERATOR_MEMORY_BYTES),
		lora,
	};
}
