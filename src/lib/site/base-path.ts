/**
 * The site's base path, as Astro's `base` option sets it (`BASE_PATH=/dl/ npm run build`): `/` at the root of a
 * domain, `/dl/` under a sub-path. Every URL the site's own code writes by hand (data sets, model files, the code
 * cells' fetch guard) is built here, so the site works wherever it is hosted. Vite replaces `import.meta.env.BASE_URL`
 * at build time, in pages and in workers alike.
 */
// `import.meta.env` is undefined where Vite does not run: the Node scripts that reuse the data decoders.
export const BASE_PATH: string = (import.meta.env?.BASE_URL ?? '/').replace(/\/?$/, '/');

/** A path inside the site (`generated/mnist.json`, with or without a leading slash) as a root-relative URL. */
export function sitePath(path: string): string {
	return BASE_PATH + path.replace(/^\/+/, '');
}
