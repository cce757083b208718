/**
 * `/<locale>/notebooks/<id>.ipynb`: each Keras example of part 4 as a Jupyter notebook in the page's language, built
 * from content/snippets/<locale>/ and content/data/notebooks.json at build time (src/lib/site/notebook.ts).
 */
import { readFile } from 'node:fs/promises';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import zhStrings from '../../../content/i18n/zh-CN.json';
import enStrings from '../../../content/i18n/en.json';
import type { NotebookEntry } from '../../../schemas/notebook';
import { buildNotebook } from '../../../lib/site/notebook';
import { sitePath } from '../../../lib/site/base-path';

// The interface strings of each locale (the same files as Astro.locals.t reads; this endpoint has no page context).
const LOCALES = { 'zh-cn': zhStrings, en: enStrings } as const;
type Locale = keyof typeof LOCALES;

export const getStaticPaths = (async () => {
	const notebooks = await getCollection('notebooks');
	return (Object.keys(LOCALES) as Locale[]).flatMap((locale) =>
		notebooks.map(({ data }) => ({ params: { locale, id: data.id }, props: { locale, notebook: data } })),
	);
}) satisfies GetStaticPaths;

interface Props {
	locale: Locale;
	notebook: NotebookEntry;
}

export const GET: APIRoute<Props> = async ({ props: { locale, notebook }, site }) => {
	const strings = LOCALES[locale];
	const page = new URL(sitePath(`${locale}/tutorial/code/#${notebook.section}`), site).href;
	const text = notebook[locale];
	const body = buildNotebook({
		title: text.title,
		intro: text.intro,
		from: strings['notebook.from'].replace('{{link}}', `[${strings['notebook.chapter']}](${page})`),
		setup: strings['notebook.setup'],
		code: await readFile(`content/snippets/${locale}/${notebook.snippet}`, 'utf8'),
	});
	return new Response(`${JSON.stringify(body, null, 1)}\n`, { headers: { 'Content-Type': 'application/x-ipynb+json' } });
};
