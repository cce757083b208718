import { z } from 'astro/zod';

/** What a notebook says before its code, in one language. */
const notebookText = z.object({
	/** The notebook's title (its first Markdown cell's heading): the example's section title in the chapter. */
	title: z.string().min(1),
	/**
	 * The chapter's short explanation of the example, as Markdown paragraphs (KaTeX-style `$…$` maths is fine: Jupyter
	 * renders it). Citations are written out, e.g. “(LeCun et al., 1998)”: a notebook has no references page.
	 */
	intro: z.array(z.string().min(1)).min(1),
});

/**
 * One downloadable Jupyter notebook of part 4: a Keras example of `content/snippets/<locale>/`, with the chapter's
 * explanation as Markdown cells, built per locale at `/<locale>/notebooks/<id>.ipynb` (src/pages/[locale]/notebooks/).
 */
export const notebookSchema = z.object({
	/** The file name without `.ipynb`, e.g. `cnn_mnist`. */
	id: z.string().regex(/^[a-z0-9_]+$/),
	/** The snippet file, the same name in each locale's folder: its code cells are this file, split at blank lines. */
	snippet: z.string().regex(/^[a-z0-9_]+\.py$/),
	/** The heading id of the example's section in the code chapter, for the link back. */
	section: z.string().regex(/^[a-z0-9-]+$/),
	'zh-cn': notebookText,
	en: notebookText,
});

export type NotebookEntry = z.infer<typeof notebookSchema>;
