import { readFileSync } from 'node:fs';

/** Serves the shipped model's files from public/, optionally changed, as the page's fetch would. */
export function fileFetcher(change: (path: string, bytes: Buffer) => Buffer | undefined = (_, b) => b) {
	return async (url: string) => {
		const path = `public${url}`;
		const bytes = change(path, readFileSync(path));
		return bytes ? new Response(new Uint8Array(bytes)) : new Response('not found', { status: 404 });
	};
}
