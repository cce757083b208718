/**
 * Part 1's cost comparison, in plain TypeScript (no DOM, no tfjs): a month of tokens through a per-token API against
 * renting accelerators that serve a model of one's own. The self-hosted throughput is an upper bound from two limits
 * (a roofline): reading the prompt costs 2N FLOPs a token at a utilisation u of the peak; generating costs, per step
 * of B sequences, the larger of reading every weight once from memory and the arithmetic for B tokens.
 */
import type { Accelerator } from './scaling';

/** Hours in an average month (365.25 × 24 / 12): what renting an accelerator for a month costs at an hourly price. */
export const HOURS_PER_MONTH = 730.5;
const SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600;

export interface ServingCase {
	/** Tokens a month: read (the prompts) and written (the answers). */
	inputTokens: number;
	outputTokens: number;
	/** The API's prices, per million tokens. */
	apiInputPrice: number;
	apiOutputPrice: number;
	/** The self-hosted model: parameters and bits per weight. */
	parameters: number;
	bits: number;
	accelerator: Accelerator;
	/** Price of one accelerator for one hour. */
	hourlyPrice: number;
	/** Sequences generated together (the batch of one decoding step). */
	batch: number;
	/** The share of the peak FLOP/s the arithmetic sustains, 0–1. */
	utilisation: number;
}

export interface ServingCost {
	api: number;
	/** Accelerators one copy of the model needs for its weights. */
	perReplica: number;
	/** Upper bounds on the tokens per second one copy reads and writes. */
	readRate: number;
	writeRate: number;
	/** Whether writing is limited by memory bandwidth (else by arithmetic). */
	writeBoundBy: 'memory' | 'compute';
	/** Seconds of one copy's time the month's tokens take. */
	busySeconds: number;
	/** Copies rented for the whole month (at least one). */
	replicas: number;
	selfHosted: number;
	/** The share of the rented time the month's tokens keep busy. */
	busyShare: number;
	/** The month's cost of one copy, rented for the month. */
	replicaMonth: number;
	/** Tokens (at this mix) one copy serves in a month with every hour busy. */
	replicaCapacity: number;
	/** Per million tokens at this mix: the API's, and self-hosting's with every rented hour busy. */
	apiPerMillion: number;
	selfPerMillionBusy: number;
	/** Tokens a month (at this mix) above which self-hosting is cheaper, or undefined when it never is. */
	breakEvenTokens: number | undefined;
}

export function servingCost(c: ServingCase): ServingCost {
	const weightBytes = (c.parameters * c.bits) / 8;
	const perReplica = Math.max(1, Math.ceil(weightBytes / c.accelerator.memoryBytes));
	const flops = perReplica * c.accelerator.peakFlops * c.utilisation;
	const readRate = flops / (2 * c.parameters);
	const memoryStep = weightBytes / (perReplica * c.accelerator.bandwidth);
	const computeStep = (c.batch * 2 * c.parameters) / flops;
	const writeRate = c.batch / Math.max(memoryStep, computeStep);
	const busySeconds = c.inputTokens / readRate + c.outputTokens / writeRate;
	const replicas = Math.max(1, Math.ceil(busySeconds / SECONDS_PER_MONTH));
	const replicaMonth = perReplica * HOURS_PER_MONTH * c.hourlyPrice;
	const api = (c.inputTokens * c.apiInputPrice + c.outputTokens * c.apiOutputPrice) / 1e6;
	const tokens = c.inputTokens + c.outputTokens;
	const apiPerMillion = (api / tokens) * 1e6;
	const selfPerMillionBusy = ((replicaMonth * busySeconds) / SECONDS_PER_MONTH / tokens) * 1e6;
	return {
		api,
		perReplica,
		readRate,
		writeRate,
		writeBoundBy: memoryStep >= computeStep ? 'memory' : 'compute',
		busySeconds,
		replicas,
		selfHosted: replicas * replicaMonth,
		busyShare: busySeconds / (replicas * SECONDS_PER_MONTH),
		replicaMonth,
		replicaCapacity: (tokens * SECONDS_PER_MONTH) / busySeconds,
		apiPerMillion,
		selfPerMillionBusy,
		// One copy costs replicaMonth whatever it serves; the API's bill grows with the tokens. They meet where the API's
		// bill reaches one copy's month, if one copy can still serve that much (else every further copy costs more).
		breakEvenTokens: selfPerMillionBusy < apiPerMillion ? (replicaMonth / apiPerMillion) * 1e6 : undefined,
	};
}

/** Self-hosting's monthly cost at `tokens` a month with the same mix as `cost`: whole copies, at least one. */
export function selfHostedAt(tokens: number, cost: ServingCost): number {
	return Math.max(1, Math.ceil(tokens / cost.replicaCapacity)) * cost.replicaMonth;
}
