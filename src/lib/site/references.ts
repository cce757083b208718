/** The references page of a locale; citations link to its `#ref-<id>` anchors. */
export function referencesHref(locale: string | undefined): string {
	return `/${locale === 'en' ? 'en' : 'zh-cn'}/tutorial/references/`;
}
