// @ts-check
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * ESLint looks for likely mistakes; Prettier (.prettierrc) owns the layout, so there are no stylistic rules here.
 * typescript-eslint's rules run without type information: the type-aware set took 32 s instead of 8 s on two cores,
 * and most of what it adds (no-unsafe-*) is what `astro check` with the strictest tsconfig already reports.
 */
export default defineConfig(
	// Built or generated output and test reports (.gitignore); ESLint skips node_modules by itself.
	globalIgnores(['dist/', 'dist-subpath/', '.astro/', 'public/generated/', 'test-results/', 'playwright-report/', 'blob-report/', 'bench-results/']),
	js.configs.recommended,
	tseslint.configs.recommended,
	astro.configs.recommended,
	{
		languageOptions: {
			// Site code runs in pages and workers, scripts and tests in Node. All of these globals everywhere is simpler
			// than a map of which file runs where, and TypeScript checks each file against its real environment.
			globals: { ...globals.browser, ...globals.worker, ...globals.node },
		},
		rules: {
			// `_name` marks a parameter or binding that a signature needs and the body does not use.
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
		},
	},
	{
		// Exercises are scripts, not modules: the checker calls the function a file defines (so it looks unused), and a
		// starter's parameters are unused until the reader writes the body.
		files: ['content/exercises/**/*.ts'],
		rules: { '@typescript-eslint/no-unused-vars': 'off' },
	},
);
