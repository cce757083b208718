/**
 * A cell's edits in localStorage (per page and cell), and its code in a share link: deflate-raw compressed,
 * base64url encoded, in the `cell.<id>` URL parameter. Pure browser APIs, no dependencies.
 */

export function loadEdit(key: string): string | undefined {
	try {
		return localStorage.getItem(key) ?? undefined;
	} catch {
		return undefined; // storage disabled: edits simply do not persist
	}
}

/** Saves an edit; an edit back to the original removes the entry (so “modified” clears). */
export function saveEdit(key: string, code: string, original: string): void {
	try {
		if (code === original) localStorage.removeItem(key);
		else localStorage.setItem(key, code);
	} catch {
		// Quota or disabled storage: the edit lives as long as the page.
	}
}

export function clearEdit(key: string): void {
	try {
		localStorage.removeItem(key);
	} catch {
		// nothing stored
	}
}

const toBase64Url = (bytes: Uint8Array) =>
	btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''))
		.replaceAll('+', '-')
		.replaceAll('/', '_')
		.replace(/=+$/, '');

const fromBase64Url = (text: string) => Uint8Array.from(atob(text.replaceAll('-', '+').replaceAll('_', '/')), (c) => c.charCodeAt(0));

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
	const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
	return new Uint8Array(await new Response(out).arrayBuffer());
}

export async function encodeShared(code: string): Promise<string> {
	return toBase64Url(await pipe(new TextEncoder().encode(code), new CompressionStream('deflate-raw')));
}

/** The code in a share parameter, or undefined when there is none or it is damaged. */
export async function decodeShared(param: string | null): Promise<string | undefined> {
	if (!param) return undefined;
	try {
		return new TextDecoder().decode(await pipe(fromBase64Url(param), new DecompressionStream('deflate-raw')));
	} catch {
		return undefined;
	}
}
