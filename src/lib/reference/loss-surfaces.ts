/**
 * Two-parameter losses for part 2's gradient-descent picture, each with its exact gradient (no DOM, no tfjs): a round
 * bowl, a narrow valley (curvatures 1 and 25: the learning rate that suits one direction is too large or too small for
 * the other), Rosenbrock's curved valley, and the valley again as the mean of per-example losses, whose gradient is
 * estimated from a seeded minibatch at every step (the noise of stochastic gradient descent).
 */
import { seededRandom } from './random';

export type SurfaceId = 'bowl' | 'valley' | 'rosenbrock' | 'noisy';

export interface LossSurface {
	id: SurfaceId;
	loss(x: number, y: number): number;
	/** The full gradient; `noisy` also has a minibatch gradient (`batchGradient`). */
	gradient(x: number, y: number): [number, number];
	/** The region drawn: x and y ranges. */
	domain: { x: [number, number]; y: [number, number] };
	minimum: [number, number];
	/** The largest curvature (Hessian eigenvalue) of a quadratic surface: plain gradient descent diverges for η > 2/λ. */
	maxCurvature?: number;
}

const VALLEY = 25;

const bowl: LossSurface = {
	id: 'bowl',
	loss: (x, y) => (x * x + y * y) / 2,
	gradient: (x, y) => [x, y],
	domain: { x: [-3, 3], y: [-3, 3] },
	minimum: [0, 0],
	maxCurvature: 1,
};

const valley: LossSurface = {
	id: 'valley',
	loss: (x, y) => (x * x + VALLEY * y * y) / 2,
	gradient: (x, y) => [x, VALLEY * y],
	domain: { x: [-3, 3], y: [-3, 3] },
	minimum: [0, 0],
	maxCurvature: VALLEY,
};

const rosenbrock: LossSurface = {
	id: 'rosenbrock',
	loss: (x, y) => (1 - x) ** 2 + 100 * (y - x * x) ** 2,
	gradient: (x, y) => [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)],
	domain: { x: [-2, 2], y: [-1, 3] },
	minimum: [1, 1],
};

/** The noisy surface's examples: (aᵢ, bᵢ) spread around the origin, shifted so that their mean is exactly (0, 0). */
export const NOISY_EXAMPLES = 64;
export const NOISY_BATCH = 4;

function examples(): [number, number][] {
	const next = seededRandom(20241203);
	const raw = Array.from({ length: NOISY_EXAMPLES }, () => [(next() * 2 - 1) * 1.5, (next() * 2 - 1) * 0.6] as [number, number]);
	const mean = raw.reduce(([sx, sy], [a, b]) => [sx + a / raw.length, sy + b / raw.length], [0, 0]);
	return raw.map(([a, b]) => [a - mean[0]!, b - mean[1]!]);
}

const EXAMPLES = examples();

/** Lᵢ = ((x − aᵢ)² + 25 (y − bᵢ)²) / 2; the loss is their mean, a valley whose minimum is the examples' mean (0, 0). */
const noisy: LossSurface = {
	id: 'noisy',
	loss: (x, y) => EXAMPLES.reduce((sum, [a, b]) => sum + ((x - a) ** 2 + VALLEY * (y - b) ** 2) / 2, 0) / EXAMPLES.length,
	gradient: (x, y) => [x, VALLEY * y],
	domain: { x: [-3, 3], y: [-3, 3] },
	minimum: [0, 0],
	maxCurvature: VALLEY,
};

export const SURFACES: Record<SurfaceId, LossSurface> = { bowl, valley, rosenbrock, noisy };

/**
 * The minibatch gradient of the noisy surface at (x, y) for the batch of examples `indices`: the mean of the
 * per-example gradients (x − aᵢ, 25 (y − bᵢ)).
 */
export function batchGradient(x: number, y: number, indices: readonly number[]): [number, number] {
	let gx = 0;
	let gy = 0;
	for (const i of indices) {
		const [a, b] = EXAMPLES[i]!;
		gx += (x - a) / indices.length;
		gy += (VALLEY * (y - b)) / indices.length;
	}
	return [gx, gy];
}

/** The minibatches a run draws, one per step, from its seed: the same seed replays the same noise. */
export function minibatches(seed: number): () => number[] {
	const next = seededRandom(seed);
	return () => Array.from({ length: NOISY_BATCH }, () => Math.floor(next() * NOISY_EXAMPLES));
}
