// @ts-check
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import starlight from '@astrojs/starlight';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { remarkHeadingId } from './src/lib/markdown/remark-heading-id.mjs';
import { rehypeFailOnKatexError } from './src/lib/markdown/rehype-fail-on-katex-error.mjs';

export default defineConfig({
	site: 'https://dl-explained.example',
	// Formulas are rendered to HTML at build time; the reader's browser never runs KaTeX for static maths.
	// Astro 7's default processor (Sätteri) ignores remark/rehype plugins, so the unified pipeline is chosen explicitly.
	markdown: {
		processor: unified({
			remarkPlugins: [remarkMath, remarkHeadingId],
			rehypePlugins: [[rehypeKatex, { strict: 'error' }], rehypeFailOnKatexError],
		}),
	},
	redirects: { '/': '/zh-cn/' },
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
			customCss: ['katex/dist/katex.min.css', './src/styles/custom.css', './src/styles/widgets.css'],
			// Chapters appear in the order of their `sidebar.order` (the article's six parts, then references),
			// so a contributor adds a chapter without touching this file.
			sidebar: [{ autogenerate: { directory: 'tutorial' } }],
			components: {
				PageTitle: './src/components/PageTitle.astro',
				MarkdownContent: './src/components/MarkdownContent.astro',
			},
			lastUpdated: false,
			pagination: true,
		}),
	],
});
