// @ts-check
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import starlight from '@astrojs/starlight';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { remarkHeadingId } from './src/lib/markdown/remark-heading-id.mjs';
import { rehypeFailOnKatexError } from './src/lib/markdown/rehype-fail-on-katex-error.mjs';
import { rehypeBaseLinks } from './src/lib/markdown/rehype-base-links.mjs';
import { deployment } from './src/lib/site/deployment.mjs';

// Where the site is hosted, from the environment (README, "Deploying"): `BASE_PATH=/dl/` for a sub-path,
// `SITE_URL=https://user.github.io` for the canonical links and the sitemap.
const { base, site } = deployment(process.env);
// `astro build --base /dl/` would set Astro's base but not the chapters' links or the root redirect, which read it here.
if (process.argv.some((arg) => arg === '--base' || arg.startsWith('--base=')))
	throw new Error(
		"Set the sub-path with the environment variable BASE_PATH (BASE_PATH=/dl/ npm run build), not with --base: astro.config.mjs reads it for the chapters' links and the root redirect too.",
	);

export default defineConfig({
	site,
	base,
	// Formulas are rendered to HTML at build time; the reader's browser never runs KaTeX for static maths.
	// Astro 7's default processor (Sätteri) ignores remark/rehype plugins, so the unified pipeline is chosen explicitly.
	markdown: {
		processor: unified({
			remarkPlugins: [remarkMath, remarkHeadingId],
			rehypePlugins: [[rehypeKatex, { strict: 'error' }], rehypeFailOnKatexError, [rehypeBaseLinks, { base }]],
		}),
	},
	// Astro puts the base in front of a redirect's source, not of its destination.
	redirects: { '/': `${base}zh-cn/` },
	// Chapters live in the top-level content/ folder and are reached through the link src/content/docs → ../../content,
	// Starlight's default location. Keeping the link's path (instead of the real one) is what lets Starlight tell
	// a page's language from its path.
	vite: { resolve: { preserveSymlinks: true } },
	integrations: [
		starlight({
			title: { 'zh-CN': '深度学习图解', en: 'Deep Learning, Explained' },
			description: 'An interactive tutorial on convolutional networks, recurrent networks and attention.',
			defaultLocale: 'zh-cn',
			locales: {
				'zh-cn': { label: '简体中文', lang: 'zh-CN' },
				en: { label: 'English', lang: 'en' },
			},
			customCss: ['katex/dist/katex.min.css', './src/styles/custom.css'],
			// Chapters appear in the order of their `sidebar.order` (the article's six parts, then references),
			// so a contributor adds a chapter without touching this file.
			sidebar: [{ autogenerate: { directory: 'tutorial' } }],
			// Nothing on this site talks to another origin, and this policy makes the browser enforce it — also inside
			// code cells, whose workers (started from blob: URLs) inherit it: no fetch and no script or module import
			// from elsewhere. Inline scripts (Starlight's theme) and eval (the cells' reader code) stay allowed.
			head: [
				{
					tag: 'meta',
					attrs: {
						'http-equiv': 'Content-Security-Policy',
						content:
							"default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval' 'wasm-unsafe-eval' blob:; " +
							"style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
							"connect-src 'self'; worker-src 'self' blob:",
					},
				},
			],
			components: {
				PageTitle: './src/components/PageTitle.astro',
				MarkdownContent: './src/components/MarkdownContent.astro',
			},
			// The home pages' hero links get the base path (src/route-data.ts).
			routeMiddleware: './src/route-data.ts',
			lastUpdated: false,
			pagination: true,
		}),
	],
});
