import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const script = resolve('scripts/check-mdx.mjs');

/** Runs the checker in `cwd`; resolves with the exit status and both streams, whether it passed or not. */
async function checkMdx(cwd: string, args: string[] = []) {
	try {
		const { stdout, stderr } = await run(process.execPath, [script, ...args], { cwd });
		return { code: 0, stdout, stderr };
	} catch (error) {
		const e = error as { code?: number; stdout?: string; stderr?: string };
		return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
	}
}

/** Every .mdx file at least one folder below content/, listed independently of the script. */
async function pagesUnder(root: string) {
	const entries = await readdir(join(root, 'content'), { recursive: true });
	return entries
		.filter((entry) => entry.endsWith('.mdx') && entry.includes('/'))
		.map((entry) => `content/${entry}`)
		.sort();
}

describe('node scripts/check-mdx.mjs', () => {
	it('with no arguments checks every page of the real site in both locales and says so', async () => {
		const pages = await pagesUnder('.');
		expect(pages).toContain('content/zh-cn/tutorial/algorithms.mdx');
		expect(pages).toContain('content/en/tutorial/algorithms.mdx');
		const { code, stdout, stderr } = await checkMdx('.');
		expect(stderr).toBe('');
		expect(code).toBe(0);
		for (const page of pages) expect(stdout).toContain(`${page}: ok\n`);
		expect(stdout.trim().split('\n')).toHaveLength(pages.length + 1);
		expect(stdout).toContain(`checked ${pages.length} MDX files under content/*/: ${pages.length} ok, 0 failed.`);
	});

	describe('in a scratch tree', () => {
		let scratch: string;
		const write = async (path: string, text: string) => {
			await mkdir(dirname(join(scratch, path)), { recursive: true });
			await writeFile(join(scratch, path), text);
		};
		beforeAll(async () => {
			scratch = await mkdtemp(join(tmpdir(), 'check-mdx-'));
			await write('content/en/index.mdx', '---\ntitle: Home\n---\n\nHello.\n');
			await write('content/en/tutorial/good.mdx', '---\ntitle: Good\n---\n\n## Maths \\{#maths\\}\n\n$$\ny = \\sum_i x_i\n$$\n');
			await write('content/zh-cn/tutorial/bad-katex.mdx', '---\ntitle: 坏公式\n---\n\n## 公式 \\{#maths\\}\n\n$\\frac{1}{$\n');
			await write('content/zh-cn/tutorial/bare-heading.mdx', '---\ntitle: 标题\n---\n\n## 没有 id 的标题\n');
			await write('content/stray.mdx', '# not a page: directly in content/\n');
			await write('content/snippets/en/example.py', 'print("not MDX")\n');
		});
		afterAll(() => rm(scratch, { recursive: true, force: true }));

		it('with no arguments checks every content/*/**/*.mdx, names each failure and exits 1', async () => {
			const { code, stdout, stderr } = await checkMdx(scratch);
			expect(code).toBe(1);
			expect(stdout).toContain('content/en/index.mdx: ok');
			expect(stdout).toContain('content/en/tutorial/good.mdx: ok');
			expect(stderr).toMatch(/^content\/zh-cn\/tutorial\/bad-katex\.mdx: /m);
			expect(stderr).toMatch(/^content\/zh-cn\/tutorial\/bare-heading\.mdx: headings without an explicit/m);
			expect(stderr).toContain('## 没有 id 的标题');
			expect(stdout + stderr).not.toContain('stray.mdx');
			expect(stdout + stderr).not.toContain('example.py');
			expect(stderr).toContain('checked 4 MDX files under content/*/: 2 ok, 2 failed.');
		});

		it('with arguments checks only the files named', async () => {
			const good = await checkMdx(scratch, ['content/en/tutorial/good.mdx']);
			expect(good.code).toBe(0);
			expect(good.stdout).toBe('content/en/tutorial/good.mdx: ok\ncheck-mdx: checked 1 MDX file named: 1 ok, 0 failed.\n');

			const bad = await checkMdx(scratch, ['content/en/tutorial/good.mdx', 'content/zh-cn/tutorial/bad-katex.mdx', 'content/missing.mdx']);
			expect(bad.code).toBe(1);
			expect(bad.stderr).toMatch(/^content\/missing\.mdx: .*ENOENT/m);
			expect(bad.stderr).toContain('checked 3 MDX files named: 1 ok, 2 failed.');
		});

		it('fails, rather than passing silently, when there is nothing to check', async () => {
			const empty = await mkdtemp(join(tmpdir(), 'check-mdx-empty-'));
			try {
				const { code, stdout, stderr } = await checkMdx(empty);
				expect(code).toBe(1);
				expect(stdout).toBe('');
				expect(stderr).toMatch(/no \.mdx files found/);
			} finally {
				await rm(empty, { recursive: true, force: true });
			}
		});
	});
});
