import { z } from 'astro/zod';
import { bilingual } from './exercise';

/**
 * Where an explanation comes from: a chapter and one of its heading ids, `<chapter>#<heading-id>`, e.g.
 * `concepts#receptive-field`. The build fails when the heading does not exist in both languages.
 */
const section = z.string().regex(/^(background|concepts|algorithms|code|trends|faq)#[a-z0-9-]+$/, {
	message: 'expected <chapter>#<heading-id>, e.g. concepts#cnn',
});

const choiceOption = z.object({
	text: bilingual,
	correct: z.boolean().default(false),
	/** One sentence: why this option is right or wrong. */
	explanation: bilingual,
	section,
});

const choiceQuestion = z.object({
	id: z.string().regex(/^[a-z0-9-]+$/),
	kind: z.literal('choice'),
	prompt: bilingual,
	options: z
		.array(choiceOption)
		.min(2)
		.max(6)
		.refine((options) => options.filter((o) => o.correct).length === 1, { message: 'exactly one option must be correct' }),
});

/** A common wrong number and why it is wrong (e.g. 28 for a convolution's output size: the padding was counted twice). */
const numberMistake = z.object({ value: z.number(), explanation: bilingual });

const numberQuestion = z.object({
	id: z.string().regex(/^[a-z0-9-]+$/),
	kind: z.literal('number'),
	prompt: bilingual,
	answer: z.number(),
	/** Accepted distance from the answer (0: exact). */
	tolerance: z.number().min(0).default(0),
	/** Why the answer is what it is, shown after any attempt. */
	explanation: bilingual,
	section,
	mistakes: z.array(numberMistake).default([]),
});

/**
 * The concept check at the end of a chapter: `content/exercises/concepts/<chapter>.json`, shown by
 * `<ConceptCheck id="<chapter>" />`. Short questions, multiple choice or a number; every option has its own
 * explanation and the section it comes from.
 */
export const conceptCheckSchema = z.object({
	questions: z
		.array(z.discriminatedUnion('kind', [choiceQuestion, numberQuestion]))
		.min(3)
		.max(6),
});

export type ConceptCheckEntry = z.infer<typeof conceptCheckSchema>;
export type ConceptQuestion = ConceptCheckEntry['questions'][number];
