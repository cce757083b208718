/**
 * The line of messages under a widget (`[data-role="message"]`). Notes come from four places and are shown together:
 * - `page`: about the page, shown until the reader changes something (ignored link parameters, a failed backend);
 * - `control`: a problem with what the reader is typing or choosing now (set and cleared by the widget's controls);
 * - `compute`: the last update's problem with the input (an InputProblem), cleared by the next good update;
 * - `view`: remarks about the result shown (e.g. "only the first 16 tokens are shown").
 * An error (the widget cannot compute at all) replaces them.
 */
export type NoteSource = 'page' | 'control' | 'compute';

export class ReaderNotes {
	private notes: Record<NoteSource, string> = { page: '', control: '', compute: '' };
	private viewNotes: string[] = [];

	constructor(private readonly root: HTMLElement) {}

	set(source: NoteSource, text: string): void {
		this.notes[source] = text;
		this.show();
	}

	/** After a good update: its remarks replace the last ones, and the last input problem is gone. */
	updated(viewNotes: string[]): void {
		this.notes.compute = '';
		this.viewNotes = viewNotes;
		this.show();
	}

	private get box(): HTMLElement | null {
		return this.root.querySelector<HTMLElement>('[data-role="message"]');
	}

	private show(): void {
		const box = this.box;
		if (!box) return;
		const text = [this.notes.page, this.notes.control, this.notes.compute, ...this.viewNotes].filter(Boolean).join(' ');
		if (box.textContent !== text) box.textContent = text;
		if (text) box.dataset.kind = 'problem';
		else delete box.dataset.kind;
	}

	error(error: unknown): void {
		const box = this.box;
		if (!box) return;
		box.textContent = error instanceof Error ? error.message : String(error);
		box.dataset.kind = 'error';
	}
}
