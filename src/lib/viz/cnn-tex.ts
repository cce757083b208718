/**
 * TeX for the layer-by-layer CNN widget's detail, with the reader's numbers, in the article's notation (part 3:
 * channels and units numbered from 1, positions from 0; y_{o,i,j} = b_o + Σ_c Σ_m Σ_n w_{o,c,m,n} x_{c,i+m,j+n}).
 * Strings only; the numbers come from src/lib/reference/cnn.ts.
 */
import { bareNum, num } from './tex';

/** Numbers per line when a sum is listed term by term (KaTeX does not break lines by itself). */
const PER_LINE = 8;

const plain = (v: number, digits = 3) => bareNum(v, digits);

/** `a + b + c …` in lines of PER_LINE terms, for an aligned block. */
function termLines(terms: string[]): string[] {
	const lines: string[] = [];
	for (let i = 0; i < terms.length; i += PER_LINE) lines.push(terms.slice(i, i + PER_LINE).join(' + '));
	return lines;
}

export interface ConvUnitNumbers {
	/** The layer's name (conv1, conv2, …) and its numbers of input channels. */
	layer: string;
	inChannels: number;
	/** Output map o (1-based), position (i, j). */
	o: number;
	i: number;
	j: number;
	bias: number;
	/** s_c for c = 1 … C_in. */
	sums: number[];
	/** The channel whose nine products are written out (1-based), its weights and inputs in reading order. */
	c: number;
	weights: number[];
	inputs: number[];
	/** b + Σ s_c, and the output after ReLU. */
	z: number;
	y: number;
}

/** y_{o,i,j} = ReLU(b_o + Σ_c s_c), the channel sums with numbers, then one channel's nine products. */
export function convUnitTex(n: ConvUnitNumbers): string {
	const y = `y_{${n.o},${n.i},${n.j}}`;
	const products = n.weights.map((w, t) => `${num(w)}\\cdot${num(n.inputs[t]!)}`);
	const s = (c: number) => `s_{${c}}`;
	const rows = [
		`${y} &= \\operatorname{ReLU}\\Big(b_{${n.o}} + \\sum_{c=1}^{${n.inChannels}} s_c\\Big),\\quad s_c = \\sum_{m=0}^{2}\\sum_{n=0}^{2} w_{${n.o},c,m,n}\\, x_{c,\\,${n.i}+m,\\,${n.j}+n}`,
	];
	if (n.inChannels > 1) {
		const lines = termLines(n.sums.map((v) => num(v)));
		rows.push(`&= \\operatorname{ReLU}\\big(${num(n.bias, 3)} + ${lines[0]}`);
		for (const line of lines.slice(1)) rows.push(`&\\qquad + ${line}`);
		rows[rows.length - 1] += '\\big)';
	} else rows.push(`&= \\operatorname{ReLU}\\big(${num(n.bias, 3)} + s_1\\big)`);
	rows.push(`&= \\operatorname{ReLU}(${plain(n.z)}) = ${num(n.y, 3)}`);
	const productLines = termLines(products);
	rows.push(`${s(n.c)} &= ${productLines[0]}`);
	for (const line of productLines.slice(1)) rows.push(`&\\qquad + ${line}`);
	rows[rows.length - 1] += ` = ${num(n.sums[n.c - 1]!, 3)}`;
	return `\\begin{aligned}${rows.join(' \\\\ ')}\\end{aligned}`;
}

/** 2 × 2 max pooling of map c at (i, j), with the window's four values. */
export function poolUnitTex(c: number, i: number, j: number, window: number[], y: number): string {
	return `p_{${c},${i},${j}} = \\max(x_{${c},${2 * i},${2 * j}},\\, x_{${c},${2 * i},${2 * j + 1}},\\, x_{${c},${2 * i + 1},${2 * j}},\\, x_{${c},${2 * i + 1},${2 * j + 1}}) = \\max(${window.map((v) => num(v)).join(', ')}) = ${num(y, 3)}`;
}

/** Element t (1-based) of the flattened vector is conv3's map c at (i, j): a copy, no arithmetic. */
export function flattenTex(t: number, c: number, i: number, j: number, value: number, channels: number, width: number): string {
	return `a_{${t}} = x_{c,i,j} \\text{ with } ${t} = (i \\cdot ${width} + j) \\cdot ${channels} + c:\\quad a_{${t}} = x_{${c},${i},${j}} = ${num(value, 3)}`;
}

/** Dense unit u: ReLU(b_u + Σ_t W_{t,u} a_t), with the sum's value and its largest terms. */
export function denseUnitTex(u: number, inputs: number, bias: number, sum: number, y: number, largest: { t: number; w: number; a: number }[]): string {
	const terms = largest.map((l) => `\\underbrace{${num(l.w)}\\cdot${num(l.a)}}_{t=${l.t}}`).join(' + ');
	return (
		`\\begin{aligned}h_{${u}} &= \\operatorname{ReLU}\\Big(b_{${u}} + \\sum_{t=1}^{${inputs}} W_{t,${u}}\\, a_t\\Big) = \\operatorname{ReLU}(${num(bias)} + ${num(sum, 3)}) = ${num(y, 3)}` +
		` \\\\ \\sum_{t} W_{t,${u}}\\, a_t &= ${terms} + \\dots\\end{aligned}`
	);
}

/** Softmax of the ten class scores, for class k: p_k = e^{z_k} / Σ_l e^{z_l}, with every score. */
export function softmaxTex(k: number, logits: number[], p: number): string {
	const exps = termLines(logits.map((z) => `e^{${num(z)}}`));
	const rows = [`p_{${k}} &= \\frac{e^{z_{${k}}}}{\\sum_{l=0}^{9} e^{z_l}} = \\frac{e^{${num(logits[k]!)}}}{${exps.join(' + ')}} = ${num(p, 4)}`];
	return `\\begin{aligned}${rows.join(' \\\\ ')}\\end{aligned}`;
}
