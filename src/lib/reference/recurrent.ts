import { add, hadamard, matVec, sigmoid, type Matrix, type Vector } from './matrix';

/** Weights of a vanilla (Elman) RNN: h_t = tanh(W_xh x_t + W_hh h_{t−1} + b_h). */
export interface RnnWeights {
	/** n × d: input to hidden. */
	Wxh: Matrix;
	/** n × n: hidden to hidden (the recurrence). */
	Whh: Matrix;
	/** n: hidden bias. */
	bh: Vector;
}

/** The parts of one RNN step, so a view can print the recurrence with the numbers in it. */
export interface RnnStep {
	/** W_xh x_t */
	inputPart: Vector;
	/** W_hh h_{t−1} */
	recurrentPart: Vector;
	/** The sum before tanh. */
	preActivation: Vector;
	/** h_t */
	h: Vector;
}

export function rnnStep(w: RnnWeights, x: Vector, hPrev: Vector): RnnStep {
	const inputPart = matVec(w.Wxh, x);
	const recurrentPart = matVec(w.Whh, hPrev);
	const preActivation = add(add(inputPart, recurrentPart), w.bh);
	return { inputPart, recurrentPart, preActivation, h: preActivation.map(Math.tanh) };
}

/** Runs the RNN over a sequence from h_0 = 0; returns every step. */
export function rnnSequence(w: RnnWeights, xs: Vector[]): RnnStep[] {
	const steps: RnnStep[] = [];
	let h: Vector = new Array<number>(w.bh.length).fill(0);
	for (const x of xs) {
		const step = rnnStep(w, x, h);
		steps.push(step);
		h = step.h;
	}
	return steps;
}

/** One gate's weights: W (n × d) on the input, U (n × n) on the previous hidden state, bias b (n). */
export interface GateWeights {
	W: Matrix;
	U: Matrix;
	b: Vector;
}

/** LSTM weights per gate: input i, forget f, output o, and the candidate g. */
export interface LstmWeights {
	i: GateWeights;
	f: GateWeights;
	o: GateWeights;
	g: GateWeights;
}

export interface LstmStep {
	i: Vector;
	f: Vector;
	o: Vector;
	g: Vector;
	c: Vector;
	h: Vector;
}

const gate = (w: GateWeights, x: Vector, h: Vector) => add(add(matVec(w.W, x), matVec(w.U, h)), w.b);

/**
 * One LSTM step (with the forget gate of Gers et al.):
 * i = σ(W_i x + U_i h + b_i), f = σ(…), o = σ(…), g = tanh(W_g x + U_g h + b_g),
 * c_t = f ⊙ c_{t−1} + i ⊙ g, h_t = o ⊙ tanh(c_t).
 */
export function lstmStep(w: LstmWeights, x: Vector, hPrev: Vector, cPrev: Vector): LstmStep {
	const i = gate(w.i, x, hPrev).map(sigmoid);
	const f = gate(w.f, x, hPrev).map(sigmoid);
	const o = gate(w.o, x, hPrev).map(sigmoid);
	const g = gate(w.g, x, hPrev).map(Math.tanh);
	const c = add(hadamard(f, cPrev), hadamard(i, g));
	const h = hadamard(o, c.map(Math.tanh));
	return { i, f, o, g, c, h };
}

export function lstmSequence(w: LstmWeights, xs: Vector[]): LstmStep[] {
	const n = w.i.b.length;
	const steps: LstmStep[] = [];
	let h: Vector = new Array<number>(n).fill(0);
	let c: Vector = new Array<number>(n).fill(0);
	for (const x of xs) {
		const step = lstmStep(w, x, h, c);
		steps.push(step);
		({ h, c } = step);
	}
	return steps;
}
