import { compile } from '@mdx-js/mdx';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { describe, expect, it } from 'vitest';
import { remarkHeadingId } from '../../src/lib/markdown/remark-heading-id.mjs';
import { rehypeFailOnKatexError } from '../../src/lib/markdown/rehype-fail-on-katex-error.mjs';

const render = (source: string) =>
	compile(
		{ path: 'chapter.mdx', value: source },
		{
			remarkPlugins: [remarkMath, remarkHeadingId],
			rehypePlugins: [[rehypeKatex, { strict: 'error' }], rehypeFailOnKatexError],
		},
	).then(String);

describe('remarkHeadingId', () => {
	it('takes an explicit id from a trailing \\{#id\\} and removes it from the text', async () => {
		const js = await render('## 卷积运算 \\{#convolution\\}\n');
		expect(js).toContain('id: "convolution"');
		expect(js).toContain('"卷积运算"');
		expect(js).not.toContain('{#convolution}');
	});
	it('leaves headings without the suffix alone', async () => {
		const js = await render('## Plain heading\n');
		expect(js).not.toContain('id:');
	});
});

describe('rehypeFailOnKatexError', () => {
	it('renders valid maths', async () => {
		expect(await render('$$\n\\frac{QK^{\\top}}{\\sqrt{d_k}}\n$$\n')).toContain('katex');
	});
	it('fails with the file, the position and KaTeX’s message on a broken formula', async () => {
		await expect(render('Text $\\frac{1}{2$ here.\n')).rejects.toThrow(/chapter\.mdx:1:6: KaTeX parse error/);
	});
});
