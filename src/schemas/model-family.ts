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

/**
 * Where a family stands on `asOf`: `current` (the vendor's source lists it, no successor recorded there),
 * `superseded` (a successor is out; the family may still be available) or `retired` (withdrawn from the vendor's
 * services named in the text). The text says what changed, where, and when.
 */
const modelStatus = sourcedFact.extend({
	kind: z.enum(['current', 'superseded', 'retired']),
	/** The day it took effect: the successor's release, the retirement, or for `current` the family's release. */
	date: z.iso.date(),
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
	/**
	 * Its status, checked against a source. Left out when no source could confirm it: the table then says the status
	 * is not verified, instead of guessing.
	 */
	status: modelStatus.optional(),
	/** The comparison's dimensions; each one a dated, sourced fact. */
	licence: sourcedFact,
	deployment: sourcedFact,
	costModel: sourcedFact,
	customisation: sourcedFact,
	dataPrivacy: sourcedFact,
	support: sourcedFact,
});

export type ModelFamily = z.infer<typeof modelFamilySchema>;
