/**
 * Content collections: the contract for contributors.
 *
 * - `docs`: every page of the site, one MDX (or Markdown) file per locale under `content/<locale>/`, and the 404 page
 *   that serves both languages (`content/404.mdx`).
 *   Starlight's frontmatter (title, description, sidebar, …) plus the fields in {@link chapterFields}.
 * - `references`: the bibliography shared by both languages (`content/data/references.json`).
 * - `i18n`: the interface strings of our components, per locale (`src/content/i18n/<lang>.json`).
 * - `models`: the dated, sourced facts of the open-source vs commercial comparison (`content/data/models.json`).
 * - `notebooks`: part 4's Keras examples as Jupyter notebooks, with their explanations (`content/data/notebooks.json`).
 * - `exercises`: the coding exercises (`content/exercises/<id>.json`, beside `<id>.starter.ts` and `<id>.solution.ts`).
 * - `concepts`: the concept checks at the end of chapters (`content/exercises/concepts/<chapter>.json`).
 *
 * A file that breaks a schema fails the build; Astro's message names the file and the field.
 */
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { i18nLoader } from '@astrojs/starlight/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { uiStrings } from './schemas/ui-strings';
import { chapterFields } from './schemas/chapter';
import { referenceSchema } from './schemas/reference';
import { modelFamilySchema } from './schemas/model-family';
import { notebookSchema } from './schemas/notebook';
import { exerciseSchema } from './schemas/exercise';
import { conceptCheckSchema } from './schemas/concept-check';

/**
 * Where the chapters and data live. The real folder is the top-level content/ (the design card's layout);
 * src/content/docs is a symbolic link to it, because Starlight derives a page's language from a path under
 * src/content/docs (copy-button labels, aside titles, heading-anchor labels). See astro.config.mjs.
 */
const contentDir = './src/content/docs';

export const collections = {
	docs: defineCollection({
		loader: glob({ base: contentDir, pattern: ['zh-cn/**/*.{md,mdx}', 'en/**/*.{md,mdx}', '404.mdx'] }),
		schema: docsSchema({ extend: chapterFields }),
	}),
	references: defineCollection({
		loader: file(`${contentDir}/data/references.json`),
		schema: referenceSchema,
	}),
	i18n: defineCollection({ loader: i18nLoader(), schema: i18nSchema({ extend: uiStrings }) }),
	models: defineCollection({
		loader: file(`${contentDir}/data/models.json`),
		schema: modelFamilySchema,
	}),
	notebooks: defineCollection({
		loader: file(`${contentDir}/data/notebooks.json`),
		schema: notebookSchema,
	}),
	exercises: defineCollection({
		loader: glob({ base: `${contentDir}/exercises`, pattern: '*.json' }),
		schema: exerciseSchema,
	}),
	concepts: defineCollection({
		loader: glob({ base: `${contentDir}/exercises/concepts`, pattern: '*.json' }),
		schema: conceptCheckSchema,
	}),
};
