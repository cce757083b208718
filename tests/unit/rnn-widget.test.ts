import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import katex from 'katex';
import { beforeAll, describe, expect, it } from 'vitest';
import * as kernels from '../../src/lib/compute/kernels';
import { lstmStep, rnnStep } from '../../src/lib/reference/recurrent';
import {
	clampText,
	D_H,
	D_X,
	defaultSentence,
	displayToken,
	embed,
	lstmConcatWeights,
	lstmWeights,
	MAX_CHARS,
	MAX_TOKENS,
	readSentence,
	referenceFrame,
	rnnWeights,
	RNN_EXAMPLES,
	tokenize,
} from '../../src/lib/widgets/rnn/model';
import { clampStep, rnnSpec } from '../../src/lib/widgets/rnn/state';
import { readState } from '../../src/lib/widgets/url-state';
import { lstmStepTex, lstmUnitTex, rnnStepTex, vecTex } from '../../src/lib/viz/rnn-tex';

const TOLERANCE = 1e-4;

function expectClose(actual: number[][], expected: number[][]) {
	expect(actual.length).toBe(expected.length);
	actual.forEach((row, i) => {
		expect(row.length).toBe(expected[i]!.length);
		row.forEach((v, j) => expect(Math.abs(v - expected[i]![j]!), `[${i}][${j}] ${v} vs ${expected[i]![j]}`).toBeLessThan(TOLERANCE));
	});
}

beforeAll(async () => {
	expect(await tf.setBackend('cpu')).toBe(true);
});

describe('rnn widget tokenizer', () => {
	it('gives no tokens for empty or blank text', () => {
		expect(tokenize('')).toEqual([]);
		expect(tokenize(' \n\t ')).toEqual([]);
		expect(readSentence('   ')).toMatchObject({ tokens: [], total: 0, charsTruncated: false });
	});

	it('lower-cases words and splits off punctuation', () => {
		expect(tokenize('The cat sat on the mat.')).toEqual(['the', 'cat', 'sat', 'on', 'the', 'mat', '.']);
		expect(tokenize('Hello, world! Don’t stop?!')).toEqual(['hello', ',', 'world', '!', 'don’t', 'stop', '?', '!']);
	});

	it('makes one token per CJK character unless the words are separated by spaces', () => {
		expect(tokenize('我爱深度学习。')).toEqual(['我', '爱', '深', '度', '学', '习', '。']);
		expect(tokenize('我 爱 深度 学习')).toEqual(['我', '爱', '深度', '学习']);
		// A space next to Latin text is not word segmentation: the Chinese stays per character.
		expect(tokenize('I love 深度学习')).toEqual(['i', 'love', '深', '度', '学', '习']);
		expect(tokenize('今天 天气 很 好 ， 今天')).toEqual(['今天', '天气', '很', '好', '，', '今天']);
	});

	it('keeps the first MAX_TOKENS tokens and reports how many there were', () => {
		const s = readSentence('a b c d e f g h i j k l m n o p q r s t u v w x y z');
		expect(s.tokens).toHaveLength(MAX_TOKENS);
		expect(s.total).toBe(26);
		expect(s.tokens.at(-1)).toBe('x');
	});

	it('truncates text over MAX_CHARS characters and says so', () => {
		const long = 'ab '.repeat(1000); // 3,000 characters
		const s = readSentence(long);
		expect(s.charsTruncated).toBe(true);
		expect(s.length).toBe(3000);
		expect(s.tokens).toHaveLength(MAX_TOKENS);
		expect(s.total).toBe(667); // ⌈2000 / 3⌉ words in the first 2,000 characters
		expect(clampText('x'.repeat(MAX_CHARS)).truncated).toBe(false);
		// Never cut a surrogate pair in half.
		const emoji = clampText('x'.repeat(MAX_CHARS - 1) + '😀');
		expect(emoji.truncated).toBe(true);
		expect(emoji.text).toBe('x'.repeat(MAX_CHARS - 1));
	});

	it('shortens very long tokens for display only', () => {
		expect(displayToken('cat')).toBe('cat');
		expect(displayToken('x'.repeat(40))).toBe(`${'x'.repeat(15)}…`);
		expect(Array.from(displayToken('深'.repeat(30)))).toHaveLength(16);
	});

	it('has an example in the page language first, usable as the default sentence', () => {
		expect(readSentence(defaultSentence('en')).tokens).toEqual(['the', 'cat', 'sat', 'on', 'the', 'mat']);
		expect(readSentence(defaultSentence('zh-cn')).tokens).toEqual(['我', '爱', '深度', '学习']);
		for (const list of Object.values(RNN_EXAMPLES)) for (const e of list) expect(readSentence(e).tokens.length).toBeGreaterThan(0);
	});
});

describe('rnn widget seeded weights', () => {
	it('gives the same vector to the same token and different vectors to different tokens', () => {
		expect(embed('cat')).toEqual(embed('cat'));
		expect(embed('cat')).not.toEqual(embed('mat'));
		expect(embed('cat')).toHaveLength(D_X);
		expect(embed('cat').every((v) => Math.abs(v) <= 1)).toBe(true);
	});

	it('is deterministic, with the shapes of the chapter', () => {
		const w = rnnWeights();
		expect(w.Wxh).toHaveLength(D_H);
		expect(w.Wxh[0]).toHaveLength(D_X);
		expect(w.Whh.map((r) => r.length)).toEqual(new Array(D_H).fill(D_H));
		expect(w.bh).toHaveLength(D_H);
		expect(JSON.stringify(w)).toBe(JSON.stringify(rnnWeights()));
		// Fixed seeds: pinned, so that a change of seed or scale (which changes every number in the chapter's widget) is noticed.
		expect(w.Wxh[0]![0]).toBeCloseTo(0.37347798743004446, 12);
		expect(embed('cat')[0]).toBeCloseTo(0.9529663324356079, 12);
	});

	it('splits the concatenated LSTM weights W·[h_{t−1}; x_t] into U (on h) and W (on x)', () => {
		const concat = lstmConcatWeights();
		const split = lstmWeights();
		for (const gate of ['i', 'f', 'o', 'g'] as const) {
			expect(concat[gate].W[0]).toHaveLength(D_H + D_X);
			concat[gate].W.forEach((row, r) => expect([...split[gate].U[r]!, ...split[gate].W[r]!]).toEqual(row));
		}
		expect(split.f.b).toEqual(new Array(D_H).fill(1));
	});
});

describe('rnn widget: reference and tfjs agree on the default sentences', () => {
	for (const lang of ['en', 'zh-cn'] as const) {
		const frame = referenceFrame(defaultSentence(lang));

		it(`RNN, ${lang}`, async () => {
			const before = tf.memory().numTensors;
			const h = await kernels.rnnSequence(tf, rnnWeights(), frame.xs);
			expect(tf.memory().numTensors).toBe(before);
			expectClose(
				h,
				frame.rnn.map((s) => s.h),
			);
			// The widget prints one step from the reference with the previous h from tfjs: same numbers.
			const t = 2;
			const step = rnnStep(rnnWeights(), frame.xs[t - 1]!, h[t - 2]!);
			expectClose([step.h], [h[t - 1]!]);
		});

		it(`LSTM, ${lang}`, async () => {
			const before = tf.memory().numTensors;
			const steps = await kernels.lstmSequence(tf, lstmWeights(), frame.xs);
			expect(tf.memory().numTensors).toBe(before);
			for (const key of ['i', 'f', 'o', 'g', 'c', 'h'] as const)
				expectClose(
					steps.map((s) => s[key]),
					frame.lstm.map((s) => s[key]),
				);
			const t = 2;
			const step = lstmStep(lstmWeights(), frame.xs[t - 1]!, steps[t - 2]!.h, steps[t - 2]!.c);
			expectClose([step.c, step.h], [steps[t - 1]!.c, steps[t - 1]!.h]);
		});
	}
});

describe('rnn widget state and formulas', () => {
	it('round-trips its URL keys and rejects bad values', () => {
		const spec = rnnSpec('the cat');
		const ok = readState(spec, new URLSearchParams('rnn.text=hello%20world&rnn.mode=lstm&rnn.step=2'));
		expect(ok).toEqual({ state: { text: 'hello world', mode: 'lstm', step: 2 }, problems: [] });
		const bad = readState(spec, new URLSearchParams(`rnn.mode=gru&rnn.step=0&rnn.text=${'x'.repeat(MAX_CHARS + 1)}`));
		expect(bad.state).toEqual({ text: 'the cat', mode: 'rnn', step: 1 });
		expect(bad.problems).toHaveLength(3);
		expect(clampStep(20, 6)).toBe(6);
		expect(clampStep(3, 0)).toBe(1);
	});

	it('renders the step formulas with KaTeX', () => {
		const frame = referenceFrame(defaultSentence('en'));
		const s = frame.rnn[1]!;
		const rnn = rnnStepTex({ t: 2, x: frame.xs[1]!, hPrev: frame.rnn[0]!.h, ...s, bias: rnnWeights().bh });
		const l = frame.lstm[1]!;
		const lstm = lstmStepTex({ t: 2, cPrev: frame.lstm[0]!.c, i: l.i, f: l.f, o: l.o, g: l.g, c: l.c, h: l.h });
		for (const tex of [rnn, lstm]) expect(() => katex.renderToString(tex, { displayMode: true, throwOnError: true, strict: 'error' })).not.toThrow();
		expect(rnn).toContain('W_{hh}\\, h_{1}');
		expect(lstm).toContain('c_{2} &= f_{2} \\odot c_{1} + i_{2} \\odot g_{2}');
		expect(vecTex([-0.123456, 0.5], 3)).toBe('\\begin{bmatrix} -0.123 \\\\ 0.5 \\end{bmatrix}');
	});

	it('writes one unit of the trained LSTM with negatives in parentheses only inside products', () => {
		const tex = lstmUnitTex({ t: 3, j: 7, f: 0.9, i: 0.5, o: 0.25, g: -0.8, cPrev: -2.5, c: -2.65, h: -0.2466 });
		expect(() => katex.renderToString(tex, { displayMode: true, throwOnError: true, strict: 'error' })).not.toThrow();
		expect(tex).toContain('g_{3,7} = -0.8');
		expect(tex).toContain('0.9 \\cdot (-2.5) + 0.5 \\cdot (-0.8) = -2.65');
		expect(tex).toContain('\\tanh(-2.65) = -0.247');
		expect(tex).not.toContain('((');
	});
});
