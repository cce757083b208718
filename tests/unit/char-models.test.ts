/**
 * The character-level language models the site ships (public/models/{names,verse}-{transformer,lstm}/, written by
 * `npm run train-models`), read from the very files a page downloads:
 * - the card describes the files beside it, and the held-out bits per character it states are what the model scores
 *   now (on WASM, the backend that trained and scored it);
 * - the tfjs forward pass (src/lib/compute/char-lm.ts) equals the plain-TypeScript reference to 1e-4, attention
 *   weights and logits alike; causal weights above the diagonal are exactly 0 and every row sums to 1;
 * - seeded sampling gives the same text for the same seed;
 * - a corrupt or mismatched file is refused with a message that says what is wrong.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../scripts/models/backend.mjs';
import { CHAR_MODELS } from '../../scripts/models/char-models.mjs';
import { bitsPerCharacter, sequences } from '../../scripts/models/train-char-lm.mjs';
import { lstmForward, parameterShapes, transformerForward } from '../../src/lib/compute/char-lm';
import { CharModelError, readCharModel, type CharModel } from '../../src/lib/models/char-model-file';
import { lstmWeights, transformerWeights } from '../../src/lib/models/char-model-weights';
import { encode, sample, softmaxWithTemperature } from '../../src/lib/reference/char-lm';
import { lstmForward as lstmReference } from '../../src/lib/reference/char-lstm';
import { transformerForward as transformerReference } from '../../src/lib/reference/char-transformer';
import { preparePrefix } from '../../src/lib/widgets/char-lm/model';

const RETRAIN = 'run `npm run train-models -- --only <id>` and commit public/models/<id>/';
const PREFIXES: Record<string, string[]> = { names: ['', 'mar', 'christopher'], 'tang-verse': ['', '床前明月光，', '白日依山尽，黄河入海流。欲穷千里目，'] };

interface Card {
	id: string;
	architecture: { parameters: number; vocabularySize: number; context: number };
	data: { train: number; test: number };
	metrics: { heldOutBitsPerCharacter: number; samples: { count: number; seed: number; temperature: number; topK: number; first: string[] } };
	files: Record<string, { bytes: number; sha256: string }>;
}

const shipped = new Map<string, { card: Card; model: CharModel; files: { 'model.json': Buffer; 'weights.bin': Buffer } }>();

beforeAll(async () => {
	// public/generated/ is built, not committed: write it (only what is stale), as tests/unit/datasets.test.ts does.
	await promisify(execFile)(process.execPath, ['scripts/prepare-data.mjs']);
	await useBackend('wasm');
	for (const spec of CHAR_MODELS) {
		const dir = join('public/models', spec.id);
		const files = { 'model.json': await readFile(join(dir, 'model.json')), 'weights.bin': await readFile(join(dir, 'weights.bin')) };
		const weights = files['weights.bin'];
		const model = readCharModel(
			JSON.parse(files['model.json'].toString('utf8')),
			weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength),
		);
		shipped.set(spec.id, { card: JSON.parse(await readFile(join(dir, 'card.json'), 'utf8')) as Card, model, files });
	}
}, 120_000);

const parametersOf = (model: CharModel) =>
	Object.fromEntries(parameterShapes(model.kind, model.config).map(([name, shape]) => [name, tf.tensor(model.parameters.get(name)!, shape)]));

describe.each(CHAR_MODELS.map((spec) => [spec.id, spec] as const))('the shipped %s', (id, spec) => {
	it('its card describes the files beside it', () => {
		const { card, model, files } = shipped.get(id)!;
		expect(card.id, RETRAIN).toBe(id);
		for (const [name, bytes] of Object.entries(files))
			expect(card.files[name], `card.json files.${name}`).toEqual({ bytes: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex') });
		expect(card.architecture.vocabularySize).toBe(model.config.vocabulary.length);
		expect(card.architecture.parameters).toBe([...model.parameters.values()].reduce((n, v) => n + v.length, 0));
	});

	it('scores the held-out texts as its card says', async () => {
		const { card, model } = shipped.get(id)!;
		const corpus = JSON.parse(await readFile(`public/generated/${spec.corpus}.json`, 'utf8')) as { train: string[]; test: string[] };
		expect(corpus.test.length, 'the held-out split changed: retrain').toBe(card.data.test);
		const parameters = parametersOf(model);
		const bpc = bitsPerCharacter(
			model.kind,
			model.config,
			parameters,
			sequences(corpus.test, model.config.vocabulary, model.config.context),
			model.config.context,
		);
		tf.dispose(Object.values(parameters));
		expect(Math.abs(bpc - card.metrics.heldOutBitsPerCharacter), `${bpc} vs the card's ${card.metrics.heldOutBitsPerCharacter}; ${RETRAIN}`).toBeLessThan(1e-4);
	});

	it('computes in tfjs what the plain-TypeScript reference computes, to 1e-4', () => {
		const { model } = shipped.get(id)!;
		const parameters = parametersOf(model);
		for (const prefix of PREFIXES[spec.corpus]!) {
			const { ids } = encode(prefix, model.config.vocabulary, model.config.context);
			const input = tf.tensor2d([ids], [1, ids.length], 'int32');
			if (model.kind === 'transformer') {
				const reference = transformerReference(model.config, transformerWeights(model.config, model.parameters), ids);
				const out = transformerForward(tf, model.config, parameters, input);
				expectClose(out.logits.arraySync()[0]!, reference.logits, `${id} logits for “${prefix}”`);
				out.attention.forEach((layer, l) => {
					const weights = layer.arraySync()[0]!;
					weights.forEach((head, h) => {
						expectClose(head, reference.heads[l]![h]!.weights, `${id} layer ${l} head ${h} for “${prefix}”`);
						head.forEach((row, i) => {
							expect(
								row.slice(i + 1).every((w) => w === 0),
								`row ${i} above the diagonal`,
							).toBe(true);
							expect(Math.abs(row.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-6);
						});
					});
				});
				tf.dispose([out.logits, ...out.attention]);
				// One row only (what the widgets and generation ask for) is that row of the full pass.
				const last = ids.length - 1;
				const row = transformerForward(tf, model.config, parameters, input, { logitsAt: last });
				expectClose(row.logits.arraySync()[0]!, [reference.logits[last]!], `${id} logits at ${last} for “${prefix}”`);
				tf.dispose([row.logits, ...row.attention]);
			} else {
				const reference = lstmReference(model.config, lstmWeights(model.config, model.parameters), ids);
				const out = lstmForward(tf, model.config, parameters, input);
				expectClose(out.logits.arraySync()[0]!, reference.logits, `${id} logits for “${prefix}”`);
				expectClose(
					out.hidden.arraySync()[0]!,
					reference.steps.map((s) => s.h),
					`${id} h_t for “${prefix}”`,
				);
				tf.dispose([out.logits, out.hidden]);
				const last = ids.length - 1;
				const row = lstmForward(tf, model.config, parameters, input, { logitsAt: last });
				expectClose(row.logits.arraySync()[0]!, [reference.logits[last]!], `${id} logits at ${last} for “${prefix}”`);
				tf.dispose([row.logits, row.hidden]);
			}
			input.dispose();
		}
		tf.dispose(Object.values(parameters));
	});

	it('samples the same text for the same seed, and the card’s first samples are the model’s', () => {
		const { card, model } = shipped.get(id)!;
		const next = (ids: number[]) => {
			const w = model.kind === 'transformer' ? transformerWeights(model.config, model.parameters) : undefined;
			const logits = w
				? transformerReference(model.config as never, w, ids).logits
				: lstmReference(model.config as never, lstmWeights(model.config as never, model.parameters), ids).logits;
			return logits[logits.length - 1]!;
		};
		const { seed, temperature, topK } = card.metrics.samples;
		const options = { temperature, topK, maxLength: model.config.context - 1 };
		const first = sample(next, [0], { ...options, seed });
		expect(sample(next, [0], { ...options, seed })).toEqual(first);
		// The card's samples come from the tfjs forward pass on WASM; the reference agrees to 1e-4, so the draws match
		// unless a uniform number falls within 1e-4 of a boundary between two characters.
		expect(first.map((i) => model.config.vocabulary[i]).join('')).toBe(card.metrics.samples.first[0]);
	});
});

function expectClose(actual: number[][], expected: number[][], what: string) {
	expect(actual.length, what).toBe(expected.length);
	let worst = 0;
	actual.forEach((row, i) => row.forEach((v, j) => (worst = Math.max(worst, Math.abs(v - expected[i]![j]!)))));
	expect(worst, what).toBeLessThan(1e-4);
}

describe('reading a character model', () => {
	const good = () => {
		const { files } = shipped.get('names-lstm')!;
		return { json: JSON.parse(files['model.json'].toString('utf8')) as Record<string, unknown>, weights: new Uint8Array(files['weights.bin']).buffer };
	};
	it('refuses a truncated weights file, saying how many bytes it needs', () => {
		const { json, weights } = good();
		expect(() => readCharModel(json, weights.slice(0, 100))).toThrow(/weights\.bin holds 100 bytes; \d+ float32 parameters need \d+/);
	});
	it('refuses a file of another format', () => {
		expect(() => readCharModel({ format: 'layers-model' }, new ArrayBuffer(0))).toThrow(CharModelError);
	});
	it('refuses a manifest that does not match the sizes', () => {
		const { json, weights } = good();
		const config = { ...(json.config as Record<string, unknown>), units: 31 };
		expect(() => readCharModel({ ...json, config }, weights)).toThrow(/expected “lstm\.kernel” of shape 16×124/);
	});
	it('refuses NaN weights', () => {
		const { json, weights } = good();
		const broken = new Float32Array(weights.slice(0));
		broken[5] = NaN;
		expect(() => readCharModel(json, broken.buffer)).toThrow(/“embedding” holds a NaN/);
	});
});

describe('encoding and sampling', () => {
	const vocabulary = ['<s>', '<unk>', 'a', 'b'];
	it('marks unknown characters and keeps the end of a text that is too long', () => {
		expect(encode('abxa', vocabulary, 4)).toEqual({ ids: [0, 3, 1, 2], chars: ['b', 'x', 'a'], unknown: [1], truncated: 1 });
		expect(encode('', vocabulary, 4).ids).toEqual([0]);
	});
	it('softmax with a temperature sums to 1 and sharpens below 1', () => {
		const cold = softmaxWithTemperature([1, 2, 3], 0.5);
		expect(cold.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
		expect(cold[2]!).toBeGreaterThan(softmaxWithTemperature([1, 2, 3], 1)[2]!);
	});
	it('top-1 sampling is greedy and never draws <unk>', () => {
		const logits = [0, 10, 5, 1];
		expect(sample(() => logits, [0], { temperature: 1, topK: 1, seed: 1, maxLength: 3 })).toEqual([2, 2, 2]);
	});
	it('lower-cases a prefix only for a model that knows small letters and no capitals', () => {
		expect(preparePrefix('Ab', vocabulary, 8)).toMatchObject({ ids: [0, 2, 3], lowerCased: true });
		const verse = ['<s>', '<unk>', '床', '，'];
		expect(preparePrefix('床AB', verse, 8)).toMatchObject({ ids: [0, 2, 1, 1], unknown: [1, 2], lowerCased: false });
		expect(preparePrefix('Ab', ['<s>', '<unk>', 'A', 'b'], 8)).toMatchObject({ ids: [0, 2, 3], lowerCased: false });
	});
});
