/**
 * A character model's flat parameters (src/lib/models/char-model-file.ts) as the plain-TypeScript reference's
 * matrices (src/lib/reference/char-transformer.ts, char-lstm.ts), for the step-by-step numbers and the tests.
 */
import type { CharLstmWeights, LstmConfig } from '../reference/char-lstm';
import type { TransformerConfig, TransformerWeights } from '../reference/char-transformer';
import type { Matrix, Vector } from '../reference/matrix';

type Named = Map<string, Float32Array>;

const values = (p: Named, name: string): Float32Array => {
	const v = p.get(name);
	if (!v) throw new Error(`the model has no parameter “${name}”`);
	return v;
};
const vector = (p: Named, name: string): Vector => Array.from(values(p, name));
const matrix = (p: Named, name: string, cols: number): Matrix => {
	const v = values(p, name);
	return Array.from({ length: v.length / cols }, (_, r) => Array.from(v.subarray(r * cols, (r + 1) * cols)));
};

export function transformerWeights(config: TransformerConfig, p: Named): TransformerWeights {
	const { dModel: d, ff } = config;
	const norm = (prefix: string) => ({ gamma: vector(p, `${prefix}.gamma`), beta: vector(p, `${prefix}.beta`) });
	return {
		embedding: matrix(p, 'embedding', d),
		position: matrix(p, 'position', d),
		blocks: Array.from({ length: config.layers }, (_, l) => {
			const name = (n: string) => `block${l}.${n}`;
			return {
				ln1: norm(name('ln1')),
				wq: matrix(p, name('wq'), d),
				bq: vector(p, name('bq')),
				wk: matrix(p, name('wk'), d),
				bk: vector(p, name('bk')),
				wv: matrix(p, name('wv'), d),
				bv: vector(p, name('bv')),
				wo: matrix(p, name('wo'), d),
				bo: vector(p, name('bo')),
				ln2: norm(name('ln2')),
				w1: matrix(p, name('w1'), ff),
				b1: vector(p, name('b1')),
				w2: matrix(p, name('w2'), d),
				b2: vector(p, name('b2')),
			};
		}),
		final: norm('final'),
		outputBias: vector(p, 'output.bias'),
	};
}

export function lstmWeights(config: LstmConfig, p: Named): CharLstmWeights {
	const V = config.vocabulary.length;
	return {
		embedding: matrix(p, 'embedding', config.embedding),
		kernel: matrix(p, 'lstm.kernel', 4 * config.units),
		recurrent: matrix(p, 'lstm.recurrent', 4 * config.units),
		bias: vector(p, 'lstm.bias'),
		outputKernel: matrix(p, 'output.kernel', V),
		outputBias: vector(p, 'output.bias'),
	};
}
