/**
 * Part 4's Keras examples as Jupyter notebooks (nbformat 4.5): Markdown cells with the chapter's explanation, then
 * the example's code split into cells at blank lines, so each step can be run and inspected on its own. Pure: the
 * endpoint (src/pages/[locale]/notebooks/) reads the files, the unit tests call it directly.
 */

export interface NotebookCell {
	cell_type: 'markdown' | 'code';
	/** Required since nbformat 4.5: unique in the notebook, 1–64 of [A-Za-z0-9_-]. */
	id: string;
	metadata: Record<string, never>;
	/** The cell's text as lines, each but the last ending in "\n" (the form Jupyter writes). */
	source: string[];
	execution_count?: null;
	outputs?: [];
}

export interface Notebook {
	cells: NotebookCell[];
	metadata: {
		kernelspec: { name: 'python3'; display_name: 'Python 3'; language: 'python' };
		language_info: { name: 'python' };
	};
	nbformat: 4;
	nbformat_minor: 5;
}

export interface NotebookParts {
	/** The example's title and the chapter's explanation, as Markdown paragraphs. */
	title: string;
	intro: string[];
	/** A closing line of the first cell: where the notebook comes from (Markdown, with a link). */
	from: string;
	/** How to set up and what to expect before running (Markdown). */
	setup: string;
	/** The Python source, exactly as the chapter shows it. */
	code: string;
}

const lines = (text: string): string[] => text.split(/(?<=\n)/);

/**
 * The code as cells: a blank line starts a new cell when the next line is a statement at the top level (not
 * indented, not a closing bracket), so a function body or a bracketed list with blank lines stays in one cell.
 */
export function codeCells(code: string): string[] {
	const all = code.replace(/\s+$/, '').split('\n');
	const blocks: string[][] = [[]];
	all.forEach((line, i) => {
		const next = all.slice(i + 1).find((l) => l.trim() !== '');
		const block = blocks.at(-1)!;
		if (line.trim() !== '') block.push(line);
		else if (next !== undefined && /^[^\s)\]}]/.test(next)) {
			if (block.length) blocks.push([]);
		} else if (block.length) block.push(line);
	});
	return blocks.filter((b) => b.length).map((b) => b.join('\n'));
}

export function buildNotebook({ title, intro, from, setup, code }: NotebookParts): Notebook {
	const markdown = (id: string, text: string): NotebookCell => ({ cell_type: 'markdown', id, metadata: {}, source: lines(text) });
	const codeCell = (id: string, text: string): NotebookCell => ({
		cell_type: 'code',
		id,
		metadata: {},
		source: lines(text),
		execution_count: null,
		outputs: [],
	});
	return {
		cells: [
			markdown('intro', [`# ${title}`, ...intro, from].join('\n\n')),
			markdown('setup', setup),
			...codeCells(code).map((block, i) => codeCell(`code-${i + 1}`, block)),
		],
		metadata: {
			kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' },
			language_info: { name: 'python' },
		},
		nbformat: 4,
		nbformat_minor: 5,
	};
}
