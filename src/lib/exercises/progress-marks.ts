/**
 * The reader's progress where they look for it: the chapter's counter under its title ("3 of 13 solved in this
 * chapter", with a reset action that asks first) and a mark after each sidebar entry that has exercises ("3/13", ✓
 * when all are solved). Reads the index ChapterProgress.astro puts in the page; updates on every progress change.
 */
import { template } from '../text/template';
import { PROGRESS_CHANGE, PROGRESS_RESET, resetProgress, solvedCount } from './progress';

interface ProgressIndex {
	/** Chapter path (with the base) → its item ids. */
	index: Record<string, string[]>;
	strings: Record<string, string>;
}

export function markProgress(): void {
	const data = document.getElementById('progress-index')?.textContent;
	if (!data) return;
	const { index, strings } = JSON.parse(data) as ProgressIndex;
	const chapter = document.querySelector<HTMLElement>('chapter-progress');
	const update = () => {
		if (chapter) {
			const items = (chapter.dataset.items ?? '').split(' ').filter(Boolean);
			const solved = solvedCount(items);
			chapter.querySelector('[data-role="progress-text"]')!.textContent = template(strings.summary!, { solved, total: items.length });
			chapter.dataset.solved = String(solved);
		}
		for (const link of document.querySelectorAll<HTMLAnchorElement>('nav.sidebar a[href], #starlight__sidebar a[href]')) {
			const items = index[new URL(link.href).pathname];
			if (!items) continue;
			const solved = solvedCount(items);
			let mark = link.querySelector<HTMLElement>('.progress-mark');
			if (!mark) {
				mark = document.createElement('span');
				mark.className = 'progress-mark';
				link.append(mark);
			}
			mark.textContent = solved === items.length ? '✓' : `${solved}/${items.length}`;
			mark.toggleAttribute('data-complete', solved === items.length);
			// The visible mark is terse; its accessible text says what it counts.
			mark.setAttribute('aria-label', template(strings.sidebarMark!, { solved, total: items.length }));
			mark.setAttribute('role', 'img');
		}
	};
	update();
	document.addEventListener(PROGRESS_CHANGE, update);
	// Another tab solved something: its write reaches this one as a storage event.
	addEventListener('storage', update);
	if (chapter) bindReset(chapter, strings);
}

function bindReset(chapter: HTMLElement, strings: Record<string, string>) {
	const q = <T extends HTMLElement>(role: string) => chapter.querySelector<T>(`[data-role="${role}"]`)!;
	q('actions').hidden = false;
	const confirm = q('confirm');
	q('reset').addEventListener('click', () => {
		confirm.hidden = false;
		q<HTMLButtonElement>('confirm-no').focus();
	});
	q('confirm-no').addEventListener('click', () => {
		confirm.hidden = true;
		q<HTMLButtonElement>('reset').focus();
	});
	q('confirm-yes').addEventListener('click', () => {
		resetProgress();
		confirm.hidden = true;
		q<HTMLButtonElement>('reset').focus();
		document.dispatchEvent(new CustomEvent(PROGRESS_RESET));
		q('reset-done').textContent = strings.resetDone!;
	});
}
