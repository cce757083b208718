import { z } from 'astro/zod';

/** A fact is only as good as its source and its date: every claim in the comparison carries both. */
const sourcedFact = z.object({
	/** The fact, in Chinese (the source language). */
	'zh-cn': z.string().min(1),
	/** The same fact in English. */
	en: z.string().min(1),
	/** Where a reader can check it (licence text, official announcement, pricing page, paper). */
	source: z.url(),
	/** The day the fact was checked against the source (YYYY-MM-DD). */
	asOf: z.iso.date(),
});

/** One representative model family in the open-source vs commercial comparison. */
export const modelFamilySchema = z.object({
	/** Stable id, e.g. `llama-3`. */
	id: z.string().regex(/^[a-z0-9-]+$/),
	/** Display name, e.g. “Llama 3”. */
	name: z.string().min(1),
	/** Organisation that publishes the model. */
	publisher: z.string().min(1),
	/** `open-weights`: weights downloadable; `closed`: reachable only through the vendor's API or products. */
	access: z.enum(['open-weights', 'closed']),
	/** The comparison's dimensions; each one a dated, sourced fact. */
	licence: sourcedFact,
	deployment: sourcedFact,
	costModel: sourcedFact,
	customisation: sourcedFact,
	dataPrivacy: sourcedFact,
	support: sourcedFact,
});

export type ModelFamily = z.infer<typeof modelFamilySchema>;
