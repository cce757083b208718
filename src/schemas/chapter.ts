import { z } from 'astro/zod';

/** Fields a tutorial chapter adds to Starlight's frontmatter. */
export const chapterFields = z.object({
	/**
	 * Which of the article's six parts this page is (1 background, 2 core concepts, 3 algorithms and the maths,
	 * 4 code examples, 5 trends and challenges, 6 FAQ). Leave it out for pages outside the six parts
	 * (home, references, appendices). The page shows it as “Part N”.
	 */
	part: z.number().int().min(1).max(6).optional(),
	/**
	 * Ids of entries in `content/data/references.json` that this page relies on. Every id must exist;
	 * the `<Cite>` component checks the ids used in the text, this list documents the page's sources for reviewers.
	 */
	sources: z.array(z.string().regex(/^[a-z0-9-]+$/, 'reference ids are lower-case words joined by "-"')).default([]),
});
