/**
 * The parts of a character model's card (public/models/<id>/card.json, written by scripts/models/char-models.mjs) that
 * the site prints: sizes, held-out bits per character, samples and the time per generated character. Read at build
 * time, so a table on the page is the card's numbers and nothing typed by hand.
 */
import { readFileSync } from 'node:fs';
import * as z from 'zod/mini';

const share = z.number().check(z.gte(0), z.lte(1));

export const charModelCard = z.object({
	id: z.string(),
	architecture: z.object({
		kind: z.enum(['transformer', 'lstm']),
		parameters: z.number(),
		context: z.number(),
		vocabularySize: z.number(),
		/** The Transformer's sizes. */
		layers: z.optional(z.number()),
		heads: z.optional(z.number()),
		dModel: z.optional(z.number()),
		/** The LSTM's. */
		units: z.optional(z.number()),
	}),
	data: z.object({ train: z.number(), test: z.number() }),
	training: z.object({ epochs: z.number(), seconds: z.number() }),
	metrics: z.object({
		heldOutBitsPerCharacter: z.number(),
		trainingBitsPerCharacter: z.number(),
		uniformBitsPerCharacter: z.number(),
		samples: z.object({ count: z.number(), novelShare: share, quatrainFormShare: z.optional(share), first: z.array(z.string()) }),
		/** Recorded since the cards were rescored with the timing (`npm run train-models -- --rescore`). */
		generation: z.object({ msPerCharacter: z.number(), method: z.string() }),
	}),
});

export type CharModelCard = z.infer<typeof charModelCard>;

/** The shipped model `id`'s card, checked: a card without a field the page prints fails the build, naming it. */
export function readCharModelCard(id: string): CharModelCard {
	const path = `public/models/${id}/card.json`;
	const parsed = charModelCard.safeParse(JSON.parse(readFileSync(path, 'utf8')));
	if (!parsed.success) throw new Error(`${path}: ${z.prettifyError(parsed.error)}`);
	return parsed.data;
}
