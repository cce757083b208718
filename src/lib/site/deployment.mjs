/**
 * Reads where the site is hosted from environment variables, for astro.config.mjs and the scripts that check a build:
 * - `BASE_PATH`: the sub-path the site is served under (`/dl/`; `dl` and `/dl` mean the same). Default `/`.
 * - `SITE_URL`: the origin, without a path (the path is BASE_PATH), for canonical links and the sitemap. Default
 *   `https://dl-explained.example`, a placeholder that says the real address has not been set.
 * Wrong values stop the build with a message instead of producing a site whose links lead nowhere.
 */

const DEFAULT_SITE = 'https://dl-explained.example';

/**
 * @param {Record<string, string | undefined>} env
 * @returns {{ base: string, site: string }} `base` with a slash at both ends (`/` or `/dl/`)
 */
export function deployment(env) {
	const rawBase = (env.BASE_PATH ?? '').trim();
	const segments = rawBase.split('/').filter(Boolean);
	for (const segment of segments)
		if (!/^[A-Za-z0-9._~-]+$/.test(segment) || segment === '.' || segment === '..')
			throw new Error(`BASE_PATH=${JSON.stringify(rawBase)}: expected a path such as /dl/ (letters, digits, . _ ~ - between slashes)`);
	const base = segments.length ? `/${segments.join('/')}/` : '/';
	const site = (env.SITE_URL ?? '').trim() || DEFAULT_SITE;
	let url;
	try {
		url = new URL(site);
	} catch {
		throw new Error(`SITE_URL=${JSON.stringify(site)}: expected an absolute http(s) URL such as https://user.github.io`);
	}
	if (!/^https?:$/.test(url.protocol)) throw new Error(`SITE_URL=${JSON.stringify(site)}: expected an http or https URL`);
	// Starlight resolves canonical links against the origin, so a path here would be dropped silently.
	if (url.pathname !== '/') throw new Error(`SITE_URL=${JSON.stringify(site)}: give the origin only (https://user.github.io) and the path in BASE_PATH`);
	return { base, site: url.href.replace(/\/$/, '') };
}
