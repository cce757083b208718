/** The backpropagation widget's numbers for a state: plain TypeScript (src/lib/reference/tiny-network.ts), no DOM. */
import { backward, forward, updated, type Backward, type Forward, type TinyNetwork } from '../../reference/tiny-network';
import { PARAMETERS, type BackpropState, type ParameterId } from './state';

export interface BackpropResult {
	state: BackpropState;
	network: TinyNetwork;
	x: [number, number];
	forward: Forward;
	grad: Backward;
	/** The network after one step θ ← θ − η ∂L/∂θ, and its forward pass on the same point. */
	next: TinyNetwork;
	nextForward: Forward;
}

/** Parameter `id`'s place in a network: W₁ⱼᵢ, b₁ⱼ, W₂ⱼ or b₂, with j and i counted from 0. */
export type Place = { kind: 'w1'; j: number; i: number } | { kind: 'b1'; j: number } | { kind: 'w2'; j: number } | { kind: 'b2' };

export function placeOf(id: ParameterId): Place {
	const [, kind, digits = ''] = /^(w1|b1|w2|b2)_?(\d*)$/.exec(id)!;
	const j = Number(digits[0]) - 1;
	if (kind === 'w1') return { kind, j, i: Number(digits[1]) - 1 };
	if (kind === 'b1' || kind === 'w2') return { kind, j };
	return { kind: 'b2' };
}

/** The value of the parameter at `place` in `net` (a network or its gradient, which have the same shape). */
export function valueAt(net: Pick<TinyNetwork, 'w1' | 'b1' | 'w2' | 'b2'>, place: Place): number {
	if (place.kind === 'w1') return net.w1[place.j]![place.i]!;
	if (place.kind === 'b1') return net.b1[place.j]!;
	if (place.kind === 'w2') return net.w2[place.j]!;
	return net.b2;
}

export function networkOf(state: BackpropState): TinyNetwork {
	return {
		w1: [0, 1, 2].map((j) => [state[`w1_${j + 1}1` as ParameterId], state[`w1_${j + 1}2` as ParameterId]]),
		b1: [0, 1, 2].map((j) => state[`b1_${j + 1}` as ParameterId]),
		w2: [0, 1, 2].map((j) => state[`w2_${j + 1}` as ParameterId]),
		b2: state.b2,
	};
}

/** The state's thirteen parameters set from `net`. */
export function parametersOf(net: TinyNetwork): Record<ParameterId, number> {
	return Object.fromEntries(PARAMETERS.map((id) => [id, valueAt(net, placeOf(id))])) as Record<ParameterId, number>;
}

export function backpropResult(state: BackpropState): BackpropResult {
	const network = networkOf(state);
	const x: [number, number] = [state.x1, state.x2];
	const f = forward(network, x, state.target);
	const grad = backward(network, x, state.target, f);
	const next = updated(network, grad, state.learningRate);
	return { state, network, x, forward: f, grad, next, nextForward: forward(next, x, state.target) };
}
