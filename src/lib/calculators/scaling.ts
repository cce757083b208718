/**
 * The arithmetic of part 5's compute-optimal training section, in plain TypeScript (no DOM, no tfjs): training
 * compute C ≈ 6ND, the compute-optimal split of a budget at a fixed ratio of tokens to parameters (Chinchilla's is
 * about 20), the wall-clock time on n accelerators at a utilisation u, and the energy E = PUE · P · t.
 */

/** Training FLOPs of a dense Transformer: about 6 per parameter and training token (2 forward, 4 backward). */
export function trainingCompute(parameters: number, tokens: number): number {
	return 6 * parameters * tokens;
}

/**
 * The model size and token count that spend `compute` FLOPs with `tokensPerParameter` tokens for each parameter:
 * from C = 6ND and D = rN, N = √(C / 6r) and D = rN.
 */
export function computeOptimal(compute: number, tokensPerParameter: number): { parameters: number; tokens: number } {
	const parameters = Math.sqrt(compute / (6 * tokensPerParameter));
	return { parameters, tokens: tokensPerParameter * parameters };
}

/** An accelerator's dense BF16 peak, rated power, memory and memory bandwidth, as its maker's datasheet states them. */
export interface Accelerator {
	id: AcceleratorId;
	name: string;
	/** Dense (not sparse) BF16 tensor throughput, FLOP/s. */
	peakFlops: number;
	/** Maximum rated power (TDP), W. */
	watts: number;
	/** Memory per device, bytes. */
	memoryBytes: number;
	/** Memory bandwidth, bytes per second. */
	bandwidth: number;
	/** Where the figures come from (the references' id). */
	source: string;
}

export type AcceleratorId = 'a100' | 'h100';

export const ACCELERATORS: Record<AcceleratorId, Accelerator> = {
	a100: { id: 'a100', name: 'NVIDIA A100 SXM 80GB', peakFlops: 312e12, watts: 400, memoryBytes: 80e9, bandwidth: 2.039e12, source: 'nvidia2020a100' },
	h100: { id: 'h100', name: 'NVIDIA H100 SXM', peakFlops: 989e12, watts: 700, memoryBytes: 80e9, bandwidth: 3.35e12, source: 'nvidia2022h100' },
};

/** The accelerator a menu's value names (the first one for anything else). */
export function acceleratorId(value: string): AcceleratorId {
	return value in ACCELERATORS ? (value as AcceleratorId) : 'a100';
}

/** Seconds to do `compute` FLOPs on `count` accelerators that each sustain `utilisation` (0–1] of their peak. */
export function trainingSeconds(compute: number, count: number, peakFlops: number, utilisation: number): number {
	return compute / (count * peakFlops * utilisation);
}

/** Energy in joules: PUE · P · t, with P the accelerators' rated power together (the hardware's own draw only). */
export function trainingEnergy(count: number, watts: number, seconds: number, pue: number): number {
	return pue * count * watts * seconds;
}

/** Joules in a kilowatt-hour. */
export const JOULES_PER_KWH = 3.6e6;

/** A published training run: the chapter's numbers for it and the reference that states them. */
export interface KnownRun {
	id: 'gpt3' | 'chinchilla' | 'llama3-405b';
	name: string;
	parameters: number;
	tokens: number;
	source: string;
}

/** The runs the chapter discusses, with the parameter and token counts it quotes. */
export const KNOWN_RUNS: readonly KnownRun[] = [
	{ id: 'gpt3', name: 'GPT-3', parameters: 175e9, tokens: 300e9, source: 'brown2020' },
	{ id: 'chinchilla', name: 'Chinchilla', parameters: 70e9, tokens: 1.4e12, source: 'hoffmann2022' },
	{ id: 'llama3-405b', name: 'Llama 3 405B', parameters: 405e9, tokens: 15.6e12, source: 'llama2024herd' },
];

/** Chinchilla's ratio: 1.4 × 10¹² tokens for 7 × 10¹⁰ parameters. */
export const CHINCHILLA_TOKENS_PER_PARAMETER = 20;

/** The EU AI Act's presumption of systemic risk: more than 10²⁵ FLOPs of cumulative training compute. */
export const EU_SYSTEMIC_RISK_FLOPS = 1e25;
