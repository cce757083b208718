/**
 * What part 3 says about the shipped character models (content/{en,zh-cn}/tutorial/algorithms.mdx): what the
 * Transformers' heads do, with numbers, after the trained-attention widget; and how the LSTM and the Transformer
 * compare, beside the measured table. The head numbers are recomputed here from the shipped weights over the held-out
 * texts with the reference forward pass, the comparison from the cards and the parameter shapes, and the numbers are
 * looked for in both chapters: a retrained model that changes them fails this test until the text is rewritten.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCharModel } from '../../src/lib/models/char-model-file';
import { transformerWeights } from '../../src/lib/models/char-model-weights';
import { parameterShapes } from '../../src/lib/compute/char-lm';
import { readCharModelCard } from '../../src/lib/models/char-card';
import { AttentionProfiler, type HeadProfile } from '../../src/lib/reference/attention-profile';
import { encode } from '../../src/lib/reference/char-lm';
import { transformerForward } from '../../src/lib/reference/char-transformer';
import type { TransformerModel } from '../../src/lib/widgets/char-lm/model';

const PUNCTUATION = '，。！？';

function profiles(id: string, data: string): { profiles: HeadProfile[][]; texts: number } {
	const file = (name: string) => readFileSync(`public/models/${id}/${name}`);
	const model = readCharModel(JSON.parse(file('model.json').toString('utf8')), new Uint8Array(file('weights.bin')).buffer) as TransformerModel;
	const { config } = model;
	const weights = transformerWeights(config, model.parameters);
	const texts = (JSON.parse(readFileSync(`public/generated/${data}.json`, 'utf8')) as { test: string[] }).test;
	const profiler = new AttentionProfiler(config.layers, config.heads, 6, (token) => PUNCTUATION.includes(token));
	for (const text of texts) {
		const { ids } = encode(text, config.vocabulary, config.context - 1);
		const trace = transformerForward(config, weights, ids, { logits: false });
		profiler.add(
			trace.heads.map((heads) => heads.map((head) => head.weights)),
			ids.map((i) => config.vocabulary[i]!),
		);
	}
	return { profiles: profiler.profiles(), texts: texts.length };
}

const chapters = ['en', 'zh-cn'].map((locale) => readFileSync(`content/${locale}/tutorial/algorithms.mdx`, 'utf8'));
/** A share as the chapters write it: "75 %". */
const percent = (share: number) => `${Math.round(share * 100)} %`;
const inBothChapters = (...phrases: string[]) => chapters.forEach((text) => phrases.forEach((p) => expect(text).toContain(p)));

describe('what the chapters say the trained heads do', () => {
	it('names: layer 1 heads 1 and 4 look at the current and previous letters, layer 2 head 2 at ⟨s⟩', () => {
		const { profiles: p, texts } = profiles('names-transformer', 'names');
		const recent = (l: number, h: number) => p[l]![h]!.self + p[l]![h]!.back[1]!;
		expect(texts).toBe(842);
		expect(percent(recent(0, 0))).toBe('75 %');
		expect(percent(recent(0, 3))).toBe('70 %');
		expect(percent(p[1]![1]!.start)).toBe('59 %');
		// "the start token takes it": no other head puts as much there.
		expect(
			Math.max(
				...p
					.flat()
					.filter((_, k) => k !== 5)
					.map((h) => h.start),
			),
		).toBeLessThan(0.3);
		inBothChapters('842', '75 %', '70 %', '59 %');
	});

	it('verse: layer 2 heads 2 and 3 weigh the punctuation 2.5 times its share of the keys', () => {
		const { profiles: p, texts } = profiles('verse-transformer', 'tang-verse');
		expect(texts).toBe(371);
		expect(percent(p[1]![1]!.marked)).toBe('27 %');
		expect(percent(p[1]![2]!.marked)).toBe('28 %');
		expect(percent(p[1]![1]!.markedIfUniform)).toBe('11 %');
		// "none looks simply at the same place in the previous line" (6 tokens back: 5 characters and a mark).
		expect(Math.max(...p.flat().map((h) => h.back[6]!))).toBeLessThan(0.15);
		inBothChapters('371', '27 %', '28 %', '11 %');
	});
});

describe('what the chapters say when they compare the LSTM and the Transformer', () => {
	const card = (id: string) => readCharModelCard(id);
	it.each(['names', 'verse'])('%s: the Transformer has the lower held-out bits per character, and more parameters', (corpus) => {
		const [lstm, transformer] = [card(`${corpus}-lstm`), card(`${corpus}-transformer`)];
		expect(transformer.metrics.heldOutBitsPerCharacter).toBeLessThan(lstm.metrics.heldOutBitsPerCharacter);
		expect(transformer.architecture.parameters).toBeGreaterThan(lstm.architecture.parameters);
		expect(transformer.training.epochs).toBe(lstm.training.epochs);
	});

	it('verse: most parameters are the input and output layers of the 2,678-character vocabulary; far more Transformer samples keep the form', () => {
		for (const id of ['verse-lstm', 'verse-transformer']) {
			const model = JSON.parse(readFileSync(`public/models/${id}/model.json`, 'utf8')) as { kind: 'lstm' | 'transformer'; config: never };
			const shapes = parameterShapes(model.kind, model.config);
			const size = (names: string[]) => shapes.filter(([name]) => names.includes(name)).reduce((n, [, shape]) => n + shape.reduce((a, b) => a * b, 1), 0);
			const vocabularyLayers = size(['embedding', 'output.kernel', 'output.bias']);
			expect(vocabularyLayers / card(id).architecture.parameters, id).toBeGreaterThan(0.5);
			expect(card(id).architecture.vocabularySize).toBe(2678);
		}
		const form = (id: string) => card(id).metrics.samples.quatrainFormShare!;
		expect(form('verse-transformer') - form('verse-lstm')).toBeGreaterThan(0.2);
		inBothChapters('2,678');
		// "the learning rate was chosen per architecture: 0.01 for the LSTM, 0.003 for the Transformer"
		for (const [id, rate] of [
			['names-lstm', 0.01],
			['verse-lstm', 0.01],
			['names-transformer', 0.003],
			['verse-transformer', 0.003],
		] as const)
			expect((JSON.parse(readFileSync(`public/models/${id}/card.json`, 'utf8')) as { training: { learningRate: number } }).training.learningRate, id).toBe(
				rate,
			);
		inBothChapters('0.01', '0.003');
		expect(card('verse-lstm').metrics.generation.method).toContain('wasm');
	});
});
