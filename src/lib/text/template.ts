/** Filling localized strings and escaping text for HTML: shared by the widgets and the code cells. */

/** Fills `{{name}}` placeholders of a localized string. */
export function template(text: string, values: Record<string, string | number>): string {
	return text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));
}

export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
