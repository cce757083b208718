/**
 * Which exercises and concept questions a chapter has, read from its MDX at build time: `<Exercise id="…">` and
 * `<ConceptCheck id="…" />` tags. Their ids are the names under which the reader's progress is kept (./progress.ts):
 * the exercise's id, and `concept:<check id>:<question id>` for each question.
 */

export interface ChapterItems {
	exercises: string[];
	questions: string[];
}

const tagIds = (body: string, tag: string) => [...body.matchAll(new RegExp(`<${tag}\\s+id="([a-z0-9-]+)"`, 'g'))].map((m) => m[1]!);

/** `questionsOf(checkId)`: the question ids of a concept check (from its file). */
export function chapterItems(body: string, questionsOf: (checkId: string) => string[]): ChapterItems {
	return {
		exercises: tagIds(body, 'Exercise'),
		questions: tagIds(body, 'ConceptCheck').flatMap((check) => questionsOf(check).map((q) => `concept:${check}:${q}`)),
	};
}
