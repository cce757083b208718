/**
 * TeX for the formulas with the reader's current numbers in them. Strings only (no DOM, no maths beyond
 * formatting); KaTeX renders them, on the server for the first frame and in the browser after that.
 */
import type { ConvTerm } from '../reference/convolution';

/** A number as TeX: at most `digits` decimals, no trailing zeros, a real minus sign, negatives in parentheses. */
export function num(value: number, digits = 2): string {
	if (!Number.isFinite(value)) return value > 0 ? '\\infty' : value < 0 ? '-\\infty' : '\\text{NaN}';
	const rounded = Number(value.toFixed(digits));
	const text = String(Object.is(rounded, -0) ? 0 : rounded);
	return rounded < 0 ? `(${text})` : text;
}

/** A number as TeX where it stands alone (after “=”, inside a function's parentheses, a matrix entry): no parentheses. */
export function bareNum(value: number, digits = 2): string {
	return num(value, digits).replace(/^\((.*)\)$/, '$1');
}

/** The multiply-accumulate of one output cell, skipping zero terms when there are many of them. */
export function convCellTex(terms: ConvTerm[], bias: number, sum: number, out: number, i: number, j: number, relu: boolean): string {
	const shown = terms.filter((t) => t.input !== 0 && t.weight !== 0);
	const products = shown.map((t) => `${num(t.weight)}\\cdot${num(t.input)}`);
	const body = products.length ? products.join(' + ') : '0';
	const hidden = terms.length - shown.length;
	const note = hidden ? ` + \\underbrace{0}_{${hidden}\\ \\text{zero terms}}` : '';
	const biasPart = bias !== 0 ? ` + ${num(bias)}` : '';
	const lhs = relu ? `y_{${i},${j}} = \\operatorname{ReLU}\\big(${body}${note}${biasPart}\\big)` : `y_{${i},${j}} = ${body}${note}${biasPart}`;
	return relu ? `${lhs} = \\operatorname{ReLU}(${bareNum(sum, 3)}) = ${num(out, 3)}` : `${lhs} = ${num(out, 3)}`;
}

/** The output-size formula with the current numbers: ⌊(H + 2p − k)/s⌋ + 1 (valid) or ⌈H/s⌉ (same). */
export function outputSizeTex(size: number, k: number, stride: number, padding: 'valid' | 'same', out: number): string {
	return padding === 'valid'
		? `H_{\\text{out}} = \\left\\lfloor \\frac{H - k}{s} \\right\\rfloor + 1 = \\left\\lfloor \\frac{${size} - ${k}}{${stride}} \\right\\rfloor + 1 = ${out}`
		: `H_{\\text{out}} = \\left\\lceil \\frac{H}{s} \\right\\rceil = \\left\\lceil \\frac{${size}}{${stride}} \\right\\rceil = ${out}`;
}

/** Max or average of a pooling window with its values. */
export function poolCellTex(mode: 'max' | 'avg', values: number[], out: number, i: number, j: number): string {
	const list = values.map((v) => num(v)).join(', ');
	return mode === 'max'
		? `p_{${i},${j}} = \\max(${list}) = ${num(out, 3)}`
		: `p_{${i},${j}} = \\tfrac{1}{${values.length}}(${values.map((v) => num(v)).join(' + ')}) = ${num(out, 3)}`;
}
