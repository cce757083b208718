import { escapeHtml } from './template';

/**
 * A plain text with `code` in backticks (the hints and explanations of exercises) as HTML: the text escaped, each
 * backtick pair a `<code>`. The only markup those texts have, so they stay plain in their JSON files.
 */
export function inlineCodeHtml(text: string): string {
	return escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');
}
