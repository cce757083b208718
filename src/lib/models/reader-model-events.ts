/**
 * News of the reader's kept models (./reader-models.ts) for the controls that offer them, and how their time is
 * written: small and without the storage code, so a widget's first load does not carry it.
 */

/** Sent on `window` when a reader model is kept or forgotten on this page (`detail`: its id). */
export const READER_MODEL_CHANGE = 'tutorial:reader-model';
/** Other pages of the site (another tab) hear of it on this channel. */
const CHANNEL = 'tutorial-reader-models';

export function announceReaderModel(id: string): void {
	dispatchEvent(new CustomEvent(READER_MODEL_CHANGE, { detail: id }));
	if (typeof BroadcastChannel !== 'undefined') {
		const channel = new BroadcastChannel(CHANNEL);
		channel.postMessage(id);
		channel.close();
	}
}

/** Calls `listener` with the id of a reader model kept or forgotten here or in another tab, until `signal` aborts. */
export function onReaderModelChange(listener: (id: string) => void, signal: AbortSignal): void {
	addEventListener(READER_MODEL_CHANGE, (event) => listener(String((event as CustomEvent).detail)), { signal });
	if (typeof BroadcastChannel === 'undefined') return;
	const channel = new BroadcastChannel(CHANNEL);
	channel.onmessage = (event: MessageEvent<unknown>) => listener(String(event.data));
	signal.addEventListener('abort', () => channel.close());
}

/** When a model was trained, as the widgets and the cell say it: "14:02" (24-hour, the page's language). */
export function trainedAtText(trainedAt: Date | string, lang: string): string {
	return new Date(trainedAt).toLocaleTimeString(lang || undefined, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
}
