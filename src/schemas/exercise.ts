import { z } from 'astro/zod';

/** A text in both languages of the site. */
export const bilingual = z.object({ 'zh-cn': z.string().min(1), en: z.string().min(1) });

/** A list of texts in both languages, the same number in each. */
const bilingualList = z
	.object({ 'zh-cn': z.array(z.string().min(1)), en: z.array(z.string().min(1)) })
	.refine((l) => l['zh-cn'].length === l.en.length, { message: 'zh-cn and en must have the same number of entries' });

/**
 * A coding exercise: `content/exercises/<id>.json`, with its starter code in `<id>.starter.ts` and its solution in
 * `<id>.solution.ts` (both checked by tests/unit/exercise-content.test.ts: the solution passes, the starter fails).
 * The statement is the chapter's own Markdown, written between `<Exercise id="…">` and `</Exercise>`, so it can use
 * maths and links like the rest of the chapter. Texts here are plain, with `code` in backticks.
 */
export const exerciseSchema = z.object({
	/** The checker: a key of CHECKS in src/lib/exercises/checks.ts (the function's name, its cases, the reference). */
	check: z.string().regex(/^[a-z0-9-]+$/),
	/** The exercise's heading, e.g. “Output size of a convolution”. */
	title: bilingual,
	/** Hints, shown one at a time on request, from gentle to almost the answer. At least one. */
	hints: bilingualList.refine((l) => l.en.length >= 1, { message: 'at least one hint' }),
	/** How long one Check may run before the worker is stopped, in seconds (an infinite loop ends there). */
	timeLimit: z.number().int().min(1).max(120).default(5),
});

export type ExerciseEntry = z.infer<typeof exerciseSchema>;
