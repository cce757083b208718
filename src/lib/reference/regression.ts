/**
 * Part 2's overfitting demo in plain TypeScript (no DOM, no tfjs): noisy samples of y = sin(2πx) on [0, 1], a network
 * with one hidden layer of tanh units, ŷ = Σⱼ vⱼ tanh(wⱼu + bⱼ) + c on u = 2x − 1, trained by full-batch Adam on
 *   L = (1/n) Σᵢ (ŷᵢ − yᵢ)² + (λ/2)(‖w‖² + ‖v‖²)
 * (weight decay on the weights, not the biases), with the training and validation errors (mean squared error, without
 * the penalty) recorded as it goes. Seeded: a configuration replays the same run everywhere. The gradient is checked
 * against tf.grads in the unit tests.
 */
import type { OptimizerSpec } from './optimizers';
import { seededRandom } from './random';

export interface RegressionConfig {
	/** Training points n (the first n of the seed's stream, so a larger n adds points and keeps the others). */
	trainSize: number;
	/** Hidden units H. */
	hidden: number;
	/** λ. */
	weightDecay: number;
	/** σ of the Gaussian noise on y. */
	noise: number;
	seed: number;
}

export interface Points {
	x: number[];
	y: number[];
}

export const trueFunction = (x: number) => Math.sin(2 * Math.PI * x);

/** Validation points: drawn once from the same distribution as the training points, apart from them. */
export const VALIDATION_SIZE = 200;
/** Full-batch Adam, at the paper's β and ε. */
export const ADAM = { kind: 'adam', learningRate: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 } as const satisfies OptimizerSpec;
/** A curve point every this many steps. */
export const RECORD_EVERY = 10;

/** Standard normal draws from a uniform generator (Box–Muller). */
function gaussian(uniform: () => number): () => number {
	return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

export function samples(count: number, noise: number, seed: number): Points {
	const uniform = seededRandom(seed);
	const normal = gaussian(uniform);
	const x: number[] = [];
	const y: number[] = [];
	for (let i = 0; i < count; i++) {
		const xi = uniform();
		x.push(xi);
		y.push(trueFunction(xi) + noise * normal());
	}
	return { x, y };
}

/** The training points and the validation points of a configuration (different streams of its seed). */
export function dataOf(config: RegressionConfig): { train: Points; validation: Points } {
	return { train: samples(config.trainSize, config.noise, config.seed), validation: samples(VALIDATION_SIZE, config.noise, config.seed + 7919) };
}

/**
 * The parameters as one vector: w (H input weights), b (H biases), v (H output weights), c. Initialised with w and b
 * drawn from N(0, 2²) so the units' bends start spread over the inputs, v from N(0, 1/H), c = 0.
 */
export function initialParameters(hidden: number, seed: number): number[] {
	const normal = gaussian(seededRandom(seed + 104_729));
	const w = Array.from({ length: hidden }, () => 2 * normal());
	const b = Array.from({ length: hidden }, () => 2 * normal());
	const v = Array.from({ length: hidden }, () => normal() / Math.sqrt(hidden));
	return [...w, ...b, ...v, 0];
}

export function predict(theta: ArrayLike<number>, hidden: number, x: number): number {
	const u = 2 * x - 1;
	let out = theta[3 * hidden]!;
	for (let j = 0; j < hidden; j++) out += theta[2 * hidden + j]! * Math.tanh(theta[j]! * u + theta[hidden + j]!);
	return out;
}

export function meanSquaredError(theta: ArrayLike<number>, hidden: number, points: Points): number {
	let sum = 0;
	for (let i = 0; i < points.x.length; i++) sum += (predict(theta, hidden, points.x[i]!) - points.y[i]!) ** 2;
	return points.x.length ? sum / points.x.length : 0;
}

/** L and ∂L/∂θ by the chain rule, in the layout of the parameter vector. */
export function lossAndGradient(theta: ArrayLike<number>, hidden: number, points: Points, weightDecay: number): { loss: number; gradient: number[] } {
	const gradient = new Float64Array(theta.length);
	const loss = gradientInto(theta, hidden, points, weightDecay, gradient, new Float64Array(hidden));
	return { loss, gradient: Array.from(gradient) };
}

/** The same into `gradient` (zeroed here), with `h` as scratch for the hidden units: no allocation per step. */
function gradientInto(theta: ArrayLike<number>, H: number, points: Points, weightDecay: number, gradient: Float64Array, h: Float64Array): number {
	const n = points.x.length;
	gradient.fill(0);
	let sum = 0;
	for (let i = 0; i < n; i++) {
		const u = 2 * points.x[i]! - 1;
		let out = theta[3 * H]!;
		for (let j = 0; j < H; j++) {
			h[j] = Math.tanh(theta[j]! * u + theta[H + j]!);
			out += theta[2 * H + j]! * h[j]!;
		}
		const error = out - points.y[i]!;
		sum += error * error;
		const dOut = (2 * error) / n;
		gradient[3 * H]! += dOut;
		for (let j = 0; j < H; j++) {
			gradient[2 * H + j]! += dOut * h[j]!;
			const dz = dOut * theta[2 * H + j]! * (1 - h[j]! * h[j]!);
			gradient[j]! += dz * u;
			gradient[H + j]! += dz;
		}
	}
	let penalty = 0;
	for (const k of [0, 2 * H]) {
		for (let j = 0; j < H; j++) {
			penalty += theta[k + j]! ** 2;
			gradient[k + j]! += weightDecay * theta[k + j]!;
		}
	}
	return (n ? sum / n : 0) + (weightDecay / 2) * penalty;
}

export interface CurvePoint {
	step: number;
	train: number;
	validation: number;
}

/**
 * A run that can be advanced: the widget keeps one while the reader plays, and starts anew when the configuration
 * changes. Adam is applied in place on typed arrays, in the same operations as `optimizerStep` (./optimizers.ts,
 * tested against tf.train.adam), so the two agree to the last bit (a unit test holds them to it).
 */
export class RegressionRun {
	readonly config: RegressionConfig;
	readonly data: { train: Points; validation: Points };
	readonly theta: Float64Array;
	steps = 0;
	readonly curve: CurvePoint[] = [];
	private readonly m: Float64Array;
	private readonly v: Float64Array;
	private readonly gradient: Float64Array;
	private readonly hidden: Float64Array;

	constructor(config: RegressionConfig) {
		this.config = config;
		this.data = dataOf(config);
		this.theta = Float64Array.from(initialParameters(config.hidden, config.seed));
		this.m = new Float64Array(this.theta.length);
		this.v = new Float64Array(this.theta.length);
		this.gradient = new Float64Array(this.theta.length);
		this.hidden = new Float64Array(config.hidden);
		this.record();
	}

	/** The training and validation errors now. */
	errors(): CurvePoint {
		const { hidden } = this.config;
		return {
			step: this.steps,
			train: meanSquaredError(this.theta, hidden, this.data.train),
			validation: meanSquaredError(this.theta, hidden, this.data.validation),
		};
	}

	private record() {
		this.curve.push(this.errors());
	}

	/** One step of full-batch Adam. */
	private step() {
		const { learningRate: eta, beta1, beta2, epsilon } = ADAM;
		gradientInto(this.theta, this.config.hidden, this.data.train, this.config.weightDecay, this.gradient, this.hidden);
		const t = ++this.steps;
		const c1 = 1 - beta1 ** t;
		const c2 = 1 - beta2 ** t;
		for (let i = 0; i < this.theta.length; i++) {
			const g = this.gradient[i]!;
			const m = beta1 * this.m[i]! + (1 - beta1) * g;
			const v = beta2 * this.v[i]! + (1 - beta2) * g * g;
			this.m[i] = m;
			this.v[i] = v;
			this.theta[i] = this.theta[i]! + (-eta * (m / c1)) / (Math.sqrt(v / c2) + epsilon);
		}
		if (t % RECORD_EVERY === 0) this.record();
	}

	/** Trains until `steps` (never backwards: a run for fewer steps is a new run). */
	advanceTo(steps: number): this {
		while (this.steps < steps) this.step();
		return this;
	}

	/** Trains towards `steps` until `deadline` (a performance.now() time); whether it got there. */
	advanceUntil(steps: number, deadline: number): boolean {
		while (this.steps < steps) {
			for (let k = 0; k < RECORD_EVERY && this.steps < steps; k++) this.step();
			if (this.steps < steps && performance.now() > deadline) return false;
		}
		return true;
	}

	/** The point of the curve with the lowest validation error (where early stopping would have stopped). */
	bestValidation(): CurvePoint {
		return this.curve.reduce((best, p) => (p.validation < best.validation ? p : best));
	}
}
