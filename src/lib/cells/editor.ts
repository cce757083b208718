/**
 * CodeMirror 6 for a cell: TypeScript highlighting, the standard keymap, and Escape releases the editor so Tab
 * moves focus on instead of indenting (no keyboard trap, WCAG 2.1.2). Loaded lazily by the cell.
 */
import { basicSetup, EditorView } from 'codemirror';
import { syntaxHighlighting } from '@codemirror/language';
import { classHighlighter } from '@lezer/highlight';
import { javascript } from '@codemirror/lang-javascript';
import { indentWithTab } from '@codemirror/commands';
import { EditorState } from '@codemirror/state';
import { keymap } from '@codemirror/view';

export interface CellEditor {
	getCode(): string;
	setCode(code: string): void;
	focus(): void;
}

/** Replaces the static, highlighted code in `host` with an editor holding `code`. */
export function createEditor(host: HTMLElement, code: string, onChange: (code: string) => void): CellEditor {
	const label = host.dataset.label ?? 'Code';
	const view = new EditorView({
		state: EditorState.create({
			doc: code,
			extensions: [
				basicSetup,
				// Tab indents while editing; after Escape, Tab leaves the editor (CodeMirror's documented pattern).
				keymap.of([indentWithTab]),
				javascript({ typescript: true }),
				// Wrapped lines: the editor never scrolls sideways, so there is no scroll region to reach by keyboard.
				EditorView.lineWrapping,
				// Token classes (tok-keyword, …) coloured by the site's CSS, so light and dark themes both keep AA contrast.
				syntaxHighlighting(classHighlighter),
				EditorView.contentAttributes.of({ 'aria-label': label }),
				EditorView.updateListener.of((update) => {
					if (update.docChanged) onChange(update.state.doc.toString());
				}),
			],
		}),
	});
	host.replaceChildren(view.dom);
	return {
		getCode: () => view.state.doc.toString(),
		setCode: (next) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: next } }),
		focus: () => view.focus(),
	};
}
