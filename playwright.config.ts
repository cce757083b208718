import { defineConfig, devices } from '@playwright/test';
import { launchOptions, quietArgs, webgpuArgs } from './tests/e2e/chromium';

/**
 * End-to-end tests run in a real Chromium against the built site (`npm run build` first; `npm test` does both).
 * Which Chromium and with which flags: tests/e2e/chromium.ts.
 */

const PORT = Number(process.env.E2E_PORT ?? 4329);

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
		baseURL: `http://127.0.0.1:${PORT}`,
		...devices['Desktop Chrome'],
		launchOptions: launchOptions([...webgpuArgs, ...quietArgs]),
	},
	webServer: {
		command: `astro preview --host 127.0.0.1 --port ${PORT}`,
		url: `http://127.0.0.1:${PORT}/zh-cn/`,
		reuseExistingServer: !process.env.CI,
		timeout: 60_000,
	},
});
