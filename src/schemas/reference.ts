import { z } from 'astro/zod';

/** One work in the shared bibliography. Only works whose existence and details were checked belong here. */
export const referenceSchema = z
	.object({
		/** Stable id used by `<Cite id="…">`, e.g. `vaswani2017`. */
		id: z.string().regex(/^[a-z0-9-]+$/),
		/** Authors as printed on the work, in order; “et al.” only for author lists over six. */
		authors: z.array(z.string().min(1)).min(1),
		/** Title exactly as published. */
		title: z.string().min(1),
		/** Where it appeared: journal, proceedings, or “arXiv preprint” / “technical report” with the publisher. */
		venue: z.string().min(1),
		/** Year of publication. */
		year: z.number().int().min(1900).max(2100),
		/** arXiv identifier such as `1706.03762`, when the work is on arXiv. */
		arxiv: z
			.string()
			.regex(/^\d{4}\.\d{4,5}$/)
			.optional(),
		/** DOI such as `10.1109/5.726791`, when the work has one. */
		doi: z
			.string()
			.regex(/^10\.\d{4,9}\/\S+$/)
			.optional(),
		/** Canonical URL, for works with neither arXiv id nor DOI (e.g. a company's technical report). */
		url: z.url().optional(),
	})
	.refine((r) => r.arxiv || r.doi || r.url, {
		message: 'a reference needs at least one of arxiv, doi or url so a reader can find it',
	});

export type Reference = z.infer<typeof referenceSchema>;
