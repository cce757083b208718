import { defineConfig } from 'vitest/config';

export default defineConfig({
	test: {
		include: ['tests/unit/**/*.test.ts'],
		// The content-schema test runs `astro sync` on a scratch copy of content/: give it time on 2 cores.
		testTimeout: 60_000,
	},
});
