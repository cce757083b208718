/**
 * The page-wide backend preference: one choice (URL `?backend=`) shared by every widget and code cell, and the
 * page event that tells them when it changed or when a backend broke. Browser main thread only (reads `location`).
 */
import { isBackendPreference, reportBrokenBackend, type BackendName, type BackendPreference } from './backend';

/** Dispatched on `document` when the preference changes or a backend failed: widgets choose their backend again. */
export const BACKEND_CHANGE = 'tutorial:backend-change';

/** The backend the URL asks for (`?backend=wasm`), or auto. Nonsense values fall back to auto. */
export function backendFromUrl(): BackendPreference {
	const value = new URLSearchParams(location.search).get('backend');
	return isBackendPreference(value) ? value : 'auto';
}

/** Records the reader's choice in the URL (no new history entry) and tells everything on the page. */
export function setBackendPreference(preference: BackendPreference): void {
	const url = new URL(location.href);
	if (preference === 'auto') url.searchParams.delete('backend');
	else url.searchParams.set('backend', preference);
	history.replaceState(history.state, '', url);
	document.dispatchEvent(new Event(BACKEND_CHANGE));
}

/** A backend failed in use (WebGPU device lost, WebGL context lost): never choose it again here, and re-choose. */
export function reportBackendFailure(name: BackendName, why: string): void {
	reportBrokenBackend(name, why);
	document.dispatchEvent(new Event(BACKEND_CHANGE));
}
