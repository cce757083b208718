import { z } from 'astro/zod';

/**
 * Interface strings of the tutorial's own components, added to Starlight's i18n schema so that one mechanism
 * (`Astro.locals.t(key)`) serves Starlight's strings and ours. Every locale file in `src/content/i18n/`
 * must provide every key: a missing translation fails the build instead of showing a key to the reader.
 */
export const uiStrings = z.object({
	'part.label': z.string(),
	'references.doi': z.string(),
	'references.arxiv': z.string(),
	'references.link': z.string(),
	'comparison.caption': z.string(),
	'comparison.filterAccess': z.string(),
	'comparison.accessAll': z.string(),
	'comparison.accessOpen': z.string(),
	'comparison.accessClosed': z.string(),
	'comparison.dimension': z.string(),
	'comparison.allDimensions': z.string(),
	'comparison.model': z.string(),
	'comparison.publisher': z.string(),
	'comparison.access': z.string(),
	'comparison.licence': z.string(),
	'comparison.deployment': z.string(),
	'comparison.costModel': z.string(),
	'comparison.customisation': z.string(),
	'comparison.dataPrivacy': z.string(),
	'comparison.support': z.string(),
	'comparison.source': z.string(),
	'comparison.asOf': z.string(),
	'comparison.sortBy': z.string(),
	'comparison.shown': z.string(),
});
