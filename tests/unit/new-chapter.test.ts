import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);

describe('npm run new:chapter', () => {
	let scratch: string;
	beforeAll(async () => {
		scratch = await mkdtemp(join(tmpdir(), 'chapter-'));
		await cp('content', join(scratch, 'content'), { recursive: true });
	});
	afterAll(() => rm(scratch, { recursive: true, force: true }));

	it('scaffolds the chapter in both locales, after the existing ones, with valid MDX and maths', async () => {
		await run(process.execPath, [resolve('scripts/new-chapter.mjs'), 'attention-variants', '注意力的变体', 'Attention variants'], { cwd: scratch });
		const zh = await readFile(join(scratch, 'content/zh-cn/tutorial/attention-variants.mdx'), 'utf8');
		const en = await readFile(join(scratch, 'content/en/tutorial/attention-variants.mdx'), 'utf8');
		expect(zh).toContain('title: "注意力的变体"');
		expect(en).toContain('title: "Attention variants"');
		expect(en).toMatch(/order: 8\b/); // after the references (7)
		const { stdout } = await run(
			process.execPath,
			[resolve('scripts/check-mdx.mjs'), 'content/zh-cn/tutorial/attention-variants.mdx', 'content/en/tutorial/attention-variants.mdx'],
			{ cwd: scratch },
		);
		expect(stdout).toMatch(/ok/);
	});

	it('refuses a bad slug and an existing chapter', async () => {
		await expect(run(process.execPath, [resolve('scripts/new-chapter.mjs'), 'Bad Slug', 'x'], { cwd: scratch })).rejects.toThrow(/lower-case/);
		await expect(run(process.execPath, [resolve('scripts/new-chapter.mjs'), 'faq', 'x'], { cwd: scratch })).rejects.toThrow(/Not overwriting/);
	});
});
