/**
 * Part 2's 2-3-1 network, forward and backward by hand, keeping every factor of the chain rule (no DOM, no tfjs), for
 * the backpropagation widget that will show them with the reader's numbers:
 *   z = W₁x + b₁, h = σ(z), ŷ = W₂h + b₂, L = ½(ŷ − y)²,
 *   ∂L/∂ŷ = ŷ − y, ∂L/∂W₂ⱼ = (ŷ − y)·hⱼ, ∂L/∂b₂ = ŷ − y,
 *   ∂L/∂W₁ⱼᵢ = (ŷ − y)·W₂ⱼ·σ′(zⱼ)·xᵢ, ∂L/∂b₁ⱼ = (ŷ − y)·W₂ⱼ·σ′(zⱼ), with σ′(z) = σ(z)(1 − σ(z)).
 */

export interface TinyNetwork {
	/** 3 × 2: W1[j][i] weighs input i into hidden unit j. */
	w1: number[][];
	b1: number[];
	/** 3: W2[j] weighs hidden unit j into the output. */
	w2: number[];
	b2: number;
}

export interface Forward {
	z: number[];
	h: number[];
	output: number;
	loss: number;
}

/** The gradient of every parameter, and the chain rule's factors it is the product of. */
export interface Backward {
	/** ∂L/∂ŷ = ŷ − y. */
	dOutput: number;
	/** σ′(zⱼ). */
	slope: number[];
	/** ∂L/∂zⱼ = (ŷ − y)·W₂ⱼ·σ′(zⱼ). */
	dZ: number[];
	w1: number[][];
	b1: number[];
	w2: number[];
	b2: number;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function forward(net: TinyNetwork, x: [number, number], target: number): Forward {
	const z = net.w1.map((row, j) => row[0]! * x[0] + row[1]! * x[1] + net.b1[j]!);
	const h = z.map(sigmoid);
	const output = h.reduce((sum, hj, j) => sum + net.w2[j]! * hj, net.b2);
	return { z, h, output, loss: 0.5 * (output - target) ** 2 };
}

export function backward(net: TinyNetwork, x: [number, number], target: number, f: Forward = forward(net, x, target)): Backward {
	const dOutput = f.output - target;
	const slope = f.h.map((hj) => hj * (1 - hj));
	const dZ = slope.map((s, j) => dOutput * net.w2[j]! * s);
	return {
		dOutput,
		slope,
		dZ,
		w1: dZ.map((d) => [d * x[0], d * x[1]]),
		b1: dZ,
		w2: f.h.map((hj) => dOutput * hj),
		b2: dOutput,
	};
}

/** One step of gradient descent on every parameter: θ ← θ − η ∂L/∂θ. */
export function updated(net: TinyNetwork, grad: Backward, learningRate: number): TinyNetwork {
	return {
		w1: net.w1.map((row, j) => row.map((w, i) => w - learningRate * grad.w1[j]![i]!)),
		b1: net.b1.map((b, j) => b - learningRate * grad.b1[j]!),
		w2: net.w2.map((w, j) => w - learningRate * grad.w2[j]!),
		b2: net.b2 - learningRate * grad.b2,
	};
}
