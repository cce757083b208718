/**
 * TeX for the RNN / LSTM widget's current step, with its numbers, in the chapter's notation (x_t ∈ R^{d_x},
 * h_t ∈ R^{d_h}; LSTM gates written with the concatenation [h_{t−1}; x_t]). Strings only: the numbers come from
 * the caller (the step arithmetic from src/lib/reference, h_t and c_t from tfjs).
 */
import type { Vector } from '../reference/matrix';
import type { LstmStep } from '../reference/recurrent';
import { bareNum, num } from './tex';

/** A column vector; plain minus signs (num()'s parentheses are for inline products, not matrix entries). */
export function vecTex(v: Vector, digits = 2): string {
	const entries = v.map((x) => bareNum(x, digits));
	return `\\begin{bmatrix} ${entries.join(' \\\\ ')} \\end{bmatrix}`;
}

const under = (v: Vector, label: string, digits = 2) => `\\underbrace{${vecTex(v, digits)}}_{${label}}`;

export interface RnnStepNumbers {
	/** The step, 1-based. */
	t: number;
	x: Vector;
	hPrev: Vector;
	/** W_xh x_t, W_hh h_{t−1}, b_h and their sum (the reference's step). */
	inputPart: Vector;
	recurrentPart: Vector;
	bias: Vector;
	preActivation: Vector;
	/** h_t as computed by tfjs. */
	h: Vector;
}

/** h_t = tanh(W_xh x_t + W_hh h_{t−1} + b_h), then the same with the current numbers. */
export function rnnStepTex(s: RnnStepNumbers): string {
	const t = s.t;
	const prev = `h_{${t - 1}}`;
	return [
		'\\begin{aligned}',
		`h_{${t}} &= \\tanh\\big(W_{xh}\\, x_{${t}} + W_{hh}\\, ${prev} + b_h\\big), \\qquad x_{${t}} = ${vecTex(s.x)},\\quad ${prev} = ${vecTex(s.hPrev, 3)} \\\\[0.5em]`,
		`&= \\tanh\\left( ${under(s.inputPart, `W_{xh} x_{${t}}`)} + ${under(s.recurrentPart, `W_{hh} ${prev}`)} + ${under(s.bias, 'b_h')} \\right)`,
		`= \\tanh ${vecTex(s.preActivation)} = ${vecTex(s.h, 3)}`,
		'\\end{aligned}',
	].join('\n');
}

/** One LSTM step as the formula shows it: the step's gates, c_t and h_t (c and h as computed by tfjs). */
export interface LstmStepNumbers extends LstmStep {
	t: number;
	cPrev: Vector;
}

/** The gate definitions, then c_t = f_t ⊙ c_{t−1} + i_t ⊙ g_t and h_t = o_t ⊙ tanh(c_t) with the current numbers. */
export function lstmStepTex(s: LstmStepNumbers): string {
	const t = s.t;
	const hx = `[h_{${t - 1}};\\, x_{${t}}]`;
	return [
		'\\begin{aligned}',
		`&f_{${t}} = \\sigma\\big(W_f ${hx} + b_f\\big),\\quad i_{${t}} = \\sigma\\big(W_i ${hx} + b_i\\big),\\quad o_{${t}} = \\sigma\\big(W_o ${hx} + b_o\\big),\\quad g_{${t}} = \\tanh\\big(W_g ${hx} + b_g\\big) \\\\[0.5em]`,
		`c_{${t}} &= f_{${t}} \\odot c_{${t - 1}} + i_{${t}} \\odot g_{${t}}`,
		`= ${under(s.f, `f_{${t}}`)} \\odot ${under(s.cPrev, `c_{${t - 1}}`, 3)} + ${under(s.i, `i_{${t}}`)} \\odot ${under(s.g, `g_{${t}}`)} = ${vecTex(s.c, 3)} \\\\[0.5em]`,
		`h_{${t}} &= o_{${t}} \\odot \\tanh(c_{${t}}) = ${under(s.o, `o_{${t}}`)} \\odot \\tanh ${vecTex(s.c, 3)} = ${vecTex(s.h, 3)}`,
		'\\end{aligned}',
	].join('\n');
}

/** One unit j of a trained LSTM at step t: its gates (scalars), then c_t and h_t with the numbers. */
export interface LstmUnitNumbers {
	t: number;
	/** 1-based. */
	j: number;
	f: number;
	i: number;
	o: number;
	g: number;
	cPrev: number;
	c: number;
	/** h_t as computed by tfjs. */
	h: number;
}

/** c_{t,j} = f·c_{t−1,j} + i·g and h_{t,j} = o·tanh(c_{t,j}) for one unit: 32 units' vectors would not fit a page. */
export function lstmUnitTex(s: LstmUnitNumbers): string {
	const at = (name: string, t: number | string = s.t) => `${name}_{${t},${s.j}}`;
	return [
		'\\begin{aligned}',
		`${at('f')} &= ${bareNum(s.f, 3)},\\quad ${at('i')} = ${bareNum(s.i, 3)},\\quad ${at('g')} = ${bareNum(s.g, 3)},\\quad ${at('o')} = ${bareNum(s.o, 3)} \\\\[0.5em]`,
		`${at('c')} &= ${at('f')}\\, ${at('c', s.t - 1)} + ${at('i')}\\, ${at('g')} = ${num(s.f, 3)} \\cdot ${num(s.cPrev, 3)} + ${num(s.i, 3)} \\cdot ${num(s.g, 3)} = ${bareNum(s.c, 3)} \\\\[0.5em]`,
		`${at('h')} &= ${at('o')} \\tanh(${at('c')}) = ${num(s.o, 3)} \\cdot \\tanh(${bareNum(s.c, 3)}) = ${bareNum(s.h, 3)}`,
		'\\end{aligned}',
	].join('\n');
}
