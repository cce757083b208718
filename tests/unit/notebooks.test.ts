import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { buildNotebook, codeCells } from '../../src/lib/site/notebook';
import { notebookSchema } from '../../src/schemas/notebook';

/**
 * nbformat 4.5 as Jupyter validates it (nbformat's v4.5 JSON schema): the required top-level fields, and per cell
 * type the required fields and no others that the schema forbids.
 */
const source = z.union([z.string(), z.array(z.string())]);
const cellId = z
	.string()
	.regex(/^[a-zA-Z0-9-_]+$/)
	.min(1)
	.max(64);
const markdownCell = z.strictObject({
	cell_type: z.literal('markdown'),
	id: cellId,
	metadata: z.record(z.string(), z.unknown()),
	source,
	attachments: z.record(z.string(), z.unknown()).optional(),
});
const codeCell = z.strictObject({
	cell_type: z.literal('code'),
	id: cellId,
	metadata: z.record(z.string(), z.unknown()),
	source,
	execution_count: z.number().int().nullable(),
	outputs: z.array(z.unknown()),
});
const nbformat45 = z.strictObject({
	cells: z.array(z.discriminatedUnion('cell_type', [markdownCell, codeCell])),
	metadata: z.object({
		kernelspec: z.object({ name: z.string(), display_name: z.string() }).optional(),
		language_info: z.object({ name: z.string() }).optional(),
	}),
	nbformat: z.literal(4),
	nbformat_minor: z.number().int().min(5),
});

const entries = z.array(notebookSchema).parse(JSON.parse(readFileSync('content/data/notebooks.json', 'utf8')));

describe('notebooks', () => {
	it('one for each Keras example of part 4', () => {
		expect(entries.map((e) => e.id)).toEqual(['cnn_mnist', 'lstm_imdb', 'attention_imdb']);
	});

	for (const entry of entries)
		for (const locale of ['zh-cn', 'en'] as const)
			it(`${locale}/${entry.id}.ipynb is nbformat 4.5 and runs exactly the chapter's listing`, () => {
				const code = readFileSync(`content/snippets/${locale}/${entry.snippet}`, 'utf8');
				const notebook = buildNotebook({ ...entry[locale], from: 'From the tutorial.', setup: 'Setup.', code });
				const parsed = nbformat45.parse(JSON.parse(JSON.stringify(notebook)));
				const ids = parsed.cells.map((c) => c.id);
				expect(new Set(ids).size, 'cell ids are unique').toBe(ids.length);
				expect(parsed.cells.slice(0, 2).map((c) => c.cell_type)).toEqual(['markdown', 'markdown']);
				const text = (cell: (typeof parsed.cells)[number]) => (Array.isArray(cell.source) ? cell.source.join('') : cell.source);
				expect(text(parsed.cells[0]!)).toMatch(new RegExp(`^# ${entry[locale].title.replace(/[()]/g, '\\$&')}\n\n`));
				// Every line is a line of the snippet, in order: the code cells, joined with the blank lines they were split at.
				const codeText = parsed.cells.filter((c) => c.cell_type === 'code').map(text);
				expect(codeText.length).toBeGreaterThanOrEqual(3);
				expect(codeText.join('\n\n')).toBe(code.replace(/\n{3,}/g, '\n\n').trimEnd());
				for (const cell of parsed.cells) if (Array.isArray(cell.source)) expect(cell.source.slice(0, -1).every((line) => line.endsWith('\n'))).toBe(true);
			});

	it('splits code at blank lines before top-level statements, keeping comments with the code they introduce', () => {
		expect(codeCells('import a\n\n# 1. data\nx = 1\n\n\ny = 2\n')).toEqual(['import a', '# 1. data\nx = 1', 'y = 2']);
	});

	it('keeps a function body or a bracketed list with blank lines in one cell', () => {
		expect(codeCells('def f():\n    a = 1\n\n    return a\n\nlayers = [\n    1,\n\n]\nf()')).toEqual([
			'def f():\n    a = 1\n\n    return a',
			'layers = [\n    1,\n\n]\nf()',
		]);
	});
});
