import { defineConfig, devices } from '@playwright/test';
import { launchOptions, quietArgs, webgpuArgs } from './tests/e2e/chromium';

/**
 * End-to-end tests run in a real Chromium against the built site (`npm run build` and `npm run build:subpath` first;
 * `npm test` does all three). Which Chromium and with which flags: tests/e2e/chromium.ts.
 * Two projects:
 * - `root`: every test, against dist/ served at the root by `astro preview`;
 * - `sub-path`: the tests tagged `@subpath` (navigation, the 404 page, widgets, a code cell on real data) against
 *   dist-subpath/, built with BASE_PATH=/dl/ and served under /dl/ only, as a static host serves project pages:
 *   a request outside /dl/ is a 404, which fails the test (tests/e2e/fixtures.ts).
 * Tests navigate with URLs relative to the base URL (`page.goto('en/tutorial/code/')`), so one test serves both.
 */

const PORT = Number(process.env.E2E_PORT ?? 4329);
const SUBPATH_PORT = PORT + 1;
const SUBPATH = '/dl/';

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: true,
	// Elsewhere Playwright's default: half the cores.
	...(process.env.CI ? { workers: 2 } : {}),
	retries: 0,
	reporter: [['list']],
	timeout: 60_000,
	// Two workers share two cores with a model training in a code-cell test: a 1 MB chapter can take more than
	// Playwright's default 5 s to parse (it did once in CI). Assertions still fail, just not on a busy machine's pace.
	expect: { timeout: 15_000 },
	use: {
		...devices['Desktop Chrome'],
		launchOptions: launchOptions([...webgpuArgs, ...quietArgs]),
	},
	projects: [
		{ name: 'root', use: { baseURL: `http://127.0.0.1:${PORT}/` } },
		{ name: 'sub-path', grep: /@subpath/, use: { baseURL: `http://127.0.0.1:${SUBPATH_PORT}${SUBPATH}` } },
	],
	webServer: [
		{
			command: `astro preview --host 127.0.0.1 --port ${PORT}`,
			url: `http://127.0.0.1:${PORT}/zh-cn/`,
			reuseExistingServer: !process.env.CI,
			timeout: 60_000,
		},
		{
			command: `node scripts/serve-static.mjs --dir dist-subpath --base ${SUBPATH} --port ${SUBPATH_PORT}`,
			url: `http://127.0.0.1:${SUBPATH_PORT}${SUBPATH}zh-cn/`,
			reuseExistingServer: !process.env.CI,
			timeout: 60_000,
		},
	],
});
