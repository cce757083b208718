/**
 * A row of token buttons (the attention widgets'): rebuilt only when the tokens change, so that the focused button
 * keeps its focus while the reader moves through them; the current token is marked with aria-current.
 */
import { escapeHtml } from '../text/template';

export interface TokenButton {
	index: number;
	text: string;
	label: string;
	current: boolean;
}

/**
 * `key` identifies the tokens (the widget's tokensKey); `flags` names boolean data attributes a button gets
 * (e.g. `data-generated`).
 */
export function renderTokenButtons<T extends TokenButton>(list: HTMLElement, tokens: T[], key: string, flags: (token: T) => string[] = () => []): void {
	if (list.dataset.tokens !== key) {
		const focused = list.contains(document.activeElement) ? (document.activeElement as HTMLElement).dataset.index : undefined;
		list.innerHTML = tokens
			.map(
				(t) =>
					`<button type="button" data-index="${t.index}"${flags(t)
						.map((f) => ` data-${f}`)
						.join('')} aria-label="${escapeHtml(t.label)}">${escapeHtml(t.text)}</button>`,
			)
			.join('');
		list.dataset.tokens = key;
		if (focused !== undefined) list.querySelector<HTMLElement>(`[data-index="${focused}"]`)?.focus();
	}
	for (const button of list.querySelectorAll<HTMLButtonElement>('button'))
		if (tokens[Number(button.dataset.index)]?.current) button.setAttribute('aria-current', 'true');
		else button.removeAttribute('aria-current');
}
