/** TeX for one row of attention with the reader's numbers (strings only). */
import { num } from './tex';

const vector = (values: number[], digits = 2) => `\\begin{bmatrix} ${values.map((v) => num(v, digits)).join(' & ')} \\end{bmatrix}`;

/**
 * s_i = q_i K^T / (√d_k · τ), α_i = softmax(s_i) (masked entries shown as −∞ and weight 0), z_i = α_i V.
 */
export function attentionRowTex(opts: {
	i: number;
	dk: number;
	scale: boolean;
	temperature: number;
	scores: number[];
	weights: number[];
	output: number[];
}): string {
	const divisor = [opts.scale ? `\\sqrt{${opts.dk}}` : '', opts.temperature !== 1 ? `${num(opts.temperature)}` : ''].filter(Boolean).join(' \\cdot ');
	const scoreDef = divisor ? `s_{${opts.i}} = \\frac{q_{${opts.i}} K^{\\top}}{${divisor}}` : `s_{${opts.i}} = q_{${opts.i}} K^{\\top}`;
	return [
		`${scoreDef} = ${vector(opts.scores)}`,
		`\\alpha_{${opts.i}} = \\operatorname{softmax}(s_{${opts.i}}) = ${vector(opts.weights, 3)}`,
		`z_{${opts.i}} = \\alpha_{${opts.i}} V = ${vector(opts.output.slice(0, 6))}${opts.output.length > 6 ? '\\ldots' : ''}`,
	]
		.join(' \\\\[6pt] ')
		.replace(/^/, '\\begin{gathered} ')
		.concat(' \\end{gathered}');
}
