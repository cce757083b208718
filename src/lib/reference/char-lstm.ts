/**
 * The character-level LSTM language model in plain TypeScript, the oracle of its tfjs forward pass
 * (src/lib/compute/char-lm.ts) and the source of the RNN widget's h_t, c_t and gates in trained mode:
 *   x_t = E[token_t],  (i, f, g, o, c_t, h_t) = LSTM(x_t, h_{t−1}, c_{t−1}),  logits_t = h_t W_out + b_out.
 * The weights are stored as Keras stores an LSTM (kernel d × 4n, recurrent kernel n × 4n, bias 4n, gates in the order
 * i, f, g, o), so a model trained with keras.layers.LSTM maps onto it one to one.
 */
import { lstmStep, type LstmStep, type LstmWeights } from './recurrent';
import { transpose, type Matrix, type Vector } from './matrix';

export interface LstmConfig {
	vocabulary: string[];
	context: number;
	/** Width of the token embedding. */
	embedding: number;
	units: number;
}

export interface CharLstmWeights {
	/** V × e */
	embedding: Matrix;
	/** e × 4n, gates i, f, g, o */
	kernel: Matrix;
	/** n × 4n */
	recurrent: Matrix;
	/** 4n */
	bias: Vector;
	/** n × V */
	outputKernel: Matrix;
	/** V */
	outputBias: Vector;
}

export interface CharLstmTrace {
	steps: LstmStep[];
	/** T × V */
	logits: Matrix;
}

/** The Keras layout as the per-gate matrices of src/lib/reference/recurrent.ts (W: n × d, U: n × n). */
export function gateWeights(w: CharLstmWeights, units: number): LstmWeights {
	const columns = (m: Matrix, gate: number) => transpose(m.map((row) => row.slice(gate * units, (gate + 1) * units)));
	const gate = (k: number) => ({ W: columns(w.kernel, k), U: columns(w.recurrent, k), b: w.bias.slice(k * units, (k + 1) * units) });
	return { i: gate(0), f: gate(1), g: gate(2), o: gate(3) };
}

export function lstmForward(config: LstmConfig, w: CharLstmWeights, ids: readonly number[]): CharLstmTrace {
	if (ids.length === 0 || ids.length > config.context) throw new RangeError(`expected 1 to ${config.context} tokens, got ${ids.length}`);
	const gates = gateWeights(w, config.units);
	let h: Vector = new Array<number>(config.units).fill(0);
	let c: Vector = new Array<number>(config.units).fill(0);
	const steps: LstmStep[] = [];
	const logits: Matrix = [];
	for (const id of ids) {
		const step = lstmStep(gates, w.embedding[id]!, h, c);
		steps.push(step);
		({ h, c } = step);
		logits.push(w.outputBias.map((b, v) => h.reduce((sum, hj, j) => sum + hj * w.outputKernel[j]![v]!, b)));
	}
	return { steps, logits };
}
