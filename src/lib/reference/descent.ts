/**
 * A run of an optimizer on a two-parameter loss surface (./loss-surfaces.ts, ./optimizers.ts): the path from a start
 * point, every step's numbers, and where and why it diverged, if it did. Deterministic: the same surface, optimizer,
 * start, seed and number of steps give the same path, so a link replays a run.
 */
import { batchGradient, minibatches, SURFACES, type SurfaceId } from './loss-surfaces';
import { initialState, optimizerStep, type OptimizerSpec, type StepDetail } from './optimizers';

/** Beyond this distance from the origin (or at a non-finite loss) a run has diverged and stops. */
export const DIVERGED_BEYOND = 1e6;

export interface Descent {
	/** θ₀, θ₁, …: one point per step taken, the start first. */
	path: [number, number][];
	/** The loss at each point of the path. */
	losses: number[];
	/** The last step's numbers (none before the first step). */
	last: StepDetail | undefined;
	/** The step at which the run left the plotted world, if it did. */
	divergedAt: number | undefined;
}

export function descend(surfaceId: SurfaceId, spec: OptimizerSpec, start: [number, number], steps: number, seed: number): Descent {
	const surface = SURFACES[surfaceId];
	const nextBatch = surfaceId === 'noisy' ? minibatches(seed) : undefined;
	let state = initialState(2);
	let theta: [number, number] = start;
	const path: [number, number][] = [start];
	const losses = [surface.loss(...start)];
	let last: StepDetail | undefined;
	for (let t = 0; t < steps; t++) {
		const gradient = nextBatch ? batchGradient(theta[0], theta[1], nextBatch()) : surface.gradient(theta[0], theta[1]);
		const step = optimizerStep(spec, state, theta, gradient);
		state = step.state;
		last = step.detail;
		theta = [step.detail.after[0]!, step.detail.after[1]!];
		const loss = surface.loss(...theta);
		if (!Number.isFinite(loss) || Math.hypot(...theta) > DIVERGED_BEYOND) return { path, losses, last, divergedAt: t + 1 };
		path.push(theta);
		losses.push(loss);
	}
	return { path, losses, last, divergedAt: undefined };
}
