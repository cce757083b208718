import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);

/**
 * Runs `astro sync` (which loads and validates every collection) in a scratch copy of the project, so the real
 * project's generated files (.astro/) never see the broken chapters.
 */
async function syncWith(root: string) {
	try {
		const { stdout, stderr } = await run(resolve('node_modules/.bin/astro'), ['sync'], {
			cwd: root,
			env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
		});
		return { ok: true, output: stdout + stderr };
	} catch (error) {
		const e = error as { stdout?: string; stderr?: string };
		return { ok: false, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
	}
}

describe('a chapter that breaks the schema fails the build, naming the file and the field', () => {
	let scratch: string;
	beforeAll(async () => {
		scratch = await mkdtemp(join(tmpdir(), 'site-'));
		for (const path of ['package.json', 'astro.config.mjs', 'tsconfig.json', 'src', 'content', 'components'])
			await cp(path, join(scratch, path), { recursive: true, verbatimSymlinks: true });
		await symlink(resolve('node_modules'), join(scratch, 'node_modules'));
	});
	afterAll(async () => {
		await rm(scratch, { recursive: true, force: true });
	});

	it('accepts the real content', async () => {
		const result = await syncWith(scratch);
		expect(result.output).not.toMatch(/InvalidContentEntryDataError/);
		expect(result.ok).toBe(true);
	});

	it('rejects a part number outside 1–6', async () => {
		const file = join(scratch, 'content/en/tutorial/zz-bad-part.mdx');
		await writeFile(file, '---\ntitle: Bad\npart: 9\n---\n\nText.\n');
		const result = await syncWith(scratch);
		await rm(file);
		expect(result.ok).toBe(false);
		expect(result.output).toMatch(/zz-bad-part/);
		expect(result.output).toMatch(/part/);
	});

	it('rejects a chapter without a title', async () => {
		const file = join(scratch, 'content/zh-cn/tutorial/zz-no-title.mdx');
		await writeFile(file, '---\ndescription: no title here\n---\n\nText.\n');
		const result = await syncWith(scratch);
		await rm(file);
		expect(result.ok).toBe(false);
		expect(result.output).toMatch(/zz-no-title/);
		expect(result.output).toMatch(/title/);
	});
});
