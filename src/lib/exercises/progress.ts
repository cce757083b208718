/**
 * The reader's progress on exercises and concept questions, in localStorage only (nothing leaves the browser): per
 * item, whether it was solved, how many checks it took, and (coding exercises) the reader's code. Items are named
 * `<exercise id>` or `concept:<chapter>:<question id>`, the same in both languages, so switching language keeps it.
 * Every change is announced with a `progress-change` event on `document`, for the chapter's counter and the sidebar.
 */
export interface ItemProgress {
	solved: boolean;
	attempts: number;
	/** The reader's code for a coding exercise, when it differs from the starter. */
	code?: string;
}

const KEY = 'dl-explained:progress:v1';
export const PROGRESS_CHANGE = 'progress-change';
/** After “reset my progress”: exercises go back to their starter code, questions to unanswered. */
export const PROGRESS_RESET = 'progress-reset';

function readAll(): Record<string, ItemProgress> {
	try {
		const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '{}');
		return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, ItemProgress>) : {};
	} catch {
		return {}; // storage disabled or damaged: start afresh
	}
}

function writeAll(all: Record<string, ItemProgress>, announce = true): void {
	try {
		localStorage.setItem(KEY, JSON.stringify(all));
	} catch {
		// Quota or disabled storage: progress lives as long as the page.
	}
	if (announce) document.dispatchEvent(new CustomEvent(PROGRESS_CHANGE));
}

export function progressOf(id: string): ItemProgress {
	const item = readAll()[id];
	return { solved: item?.solved === true, attempts: Number(item?.attempts) || 0, ...(typeof item?.code === 'string' ? { code: item.code } : {}) };
}

/** One more check of `id`; solved stays solved once it was. */
export function recordAttempt(id: string, solved: boolean): ItemProgress {
	const all = readAll();
	const before = progressOf(id);
	const next = { ...before, attempts: before.attempts + 1, solved: before.solved || solved };
	all[id] = next;
	writeAll(all);
	return next;
}

/** Keeps the reader's code (undefined: back to the starter). */
export function saveCode(id: string, code: string | undefined): void {
	const all = readAll();
	const { code: _old, ...rest } = progressOf(id);
	all[id] = code === undefined ? rest : { ...rest, code };
	writeAll(all, false); // code is not progress: the counters need not hear of every keystroke
}

/** How many of `ids` are solved. */
export const solvedCount = (ids: string[]): number => {
	const all = readAll();
	return ids.filter((id) => all[id]?.solved === true).length;
};

/** Forgets everything: solved marks, attempts and code, on every chapter. */
export function resetProgress(): void {
	try {
		localStorage.removeItem(KEY);
	} catch {
		// nothing stored
	}
	document.dispatchEvent(new CustomEvent(PROGRESS_CHANGE));
}
