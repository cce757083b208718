import { sitePath } from './base-path';

/** The references page of a locale, under the site's base path; citations link to its `#ref-<id>` anchors. */
export function referencesHref(locale: string | undefined): string {
	return sitePath(`${locale === 'en' ? 'en' : 'zh-cn'}/tutorial/references/`);
}

/** “A, B and C” for up to three names, “A, B, C, … et al.” kept as listed when the data says so. */
export function formatAuthors(authors: readonly string[]): string {
	if (authors.length === 1) return authors[0]!;
	const last = authors.at(-1)!;
	if (last === 'et al.') return `${authors.slice(0, -1).join(', ')} et al.`;
	return `${authors.slice(0, -1).join(', ')} and ${last}`;
}
