import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { referenceSchema } from '../../src/schemas/reference';
import { modelFamilySchema } from '../../src/schemas/model-family';

const readJson = async (path: string) => JSON.parse(await readFile(path, 'utf8')) as unknown[];

describe('references.json', () => {
	it('every entry satisfies the schema and ids are unique', async () => {
		const entries = await readJson('content/data/references.json');
		const ids = entries.map((e) => referenceSchema.parse(e).id);
		expect(new Set(ids).size).toBe(ids.length);
	});
	it('the schema refuses an entry a reader could not find', () => {
		const result = referenceSchema.safeParse({ id: 'x', authors: ['A'], title: 'T', venue: 'V', year: 2020 });
		expect(result.success).toBe(false);
		expect(result.error?.issues[0]?.message).toMatch(/arxiv, doi or url/);
	});
	it('fixes the draft’s known errors (Longformer, DeBERTa, Sentence-BERT, latent diffusion, GPT-2)', async () => {
		const byId = new Map(
			(await readJson('content/data/references.json')).map((e) => {
				const r = referenceSchema.parse(e);
				return [r.id, r] as const;
			}),
		);
		expect(byId.get('beltagy2020')).toMatchObject({ authors: ['Iz Beltagy', 'Matthew E. Peters', 'Arman Cohan'], arxiv: '2004.05150' });
		expect(byId.get('he2021deberta')?.arxiv).toBe('2006.03654');
		expect(byId.get('reimers2019')?.arxiv).toBe('1908.10084');
		expect(byId.get('rombach2022')).toMatchObject({ arxiv: '2112.10752', authors: expect.arrayContaining(['Robin Rombach']) });
		expect(byId.get('radford2019')?.venue).toMatch(/OpenAI/);
	});
});

describe('models.json', () => {
	it('every family satisfies the schema: each fact sourced and dated', async () => {
		const entries = await readJson('content/data/models.json');
		expect(entries.length).toBeGreaterThanOrEqual(4);
		for (const entry of entries) modelFamilySchema.parse(entry);
	});
	it('mixes open-weight and closed families', async () => {
		const entries = (await readJson('content/data/models.json')).map((e) => modelFamilySchema.parse(e));
		expect(new Set(entries.map((e) => e.access))).toEqual(new Set(['open-weights', 'closed']));
	});
});
