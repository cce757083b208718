import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The bibliography and the chapters agree: every entry of references.json is cited somewhere (an uncited entry is a
 * claim nobody checked it supports), and each chapter's frontmatter `sources` lists exactly the ids its text cites.
 * Both languages of a chapter cite the same sources.
 */

const references: { id: string }[] = JSON.parse(readFileSync('content/data/references.json', 'utf8'));

interface Chapter {
	file: string;
	cited: Set<string>;
	sources: Set<string>;
}

function chapters(): Chapter[] {
	return readdirSync('content', { recursive: true, encoding: 'utf8' })
		.filter((path) => path.endsWith('.mdx'))
		.map((path) => {
			const text = readFileSync(join('content', path), 'utf8');
			const cited = new Set([...text.matchAll(/<Cite id="([^"]+)"/g)].flatMap((m) => m[1]!.split(',').map((id) => id.trim())));
			const list = /^sources:\s*\[([^\]]*)\]/m.exec(text)?.[1] ?? '';
			const sources = new Set(
				list
					.split(',')
					.map((id) => id.trim())
					.filter(Boolean),
			);
			return { file: join('content', path), cited, sources };
		});
}

describe('citations', () => {
	const all = chapters();

	it('reads the chapters', () => {
		expect(all.filter((c) => c.cited.size > 0).length).toBeGreaterThanOrEqual(12);
	});

	it('cite every entry of the bibliography', () => {
		const cited = new Set(all.flatMap((c) => [...c.cited]));
		expect(references.map((r) => r.id).filter((id) => !cited.has(id))).toEqual([]);
	});

	it("list in each chapter's `sources` exactly the ids its text cites", () => {
		const mismatches = all.flatMap(({ file, cited, sources }) => [
			...[...cited].filter((id) => !sources.has(id)).map((id) => `${file}: cites ${id}, missing from sources`),
			...[...sources].filter((id) => !cited.has(id)).map((id) => `${file}: lists ${id} in sources, never cites it`),
		]);
		expect(mismatches).toEqual([]);
	});

	it('are the same in both languages of a chapter', () => {
		const byPath = new Map(all.map((c) => [c.file, c]));
		const differences = all
			.filter((c) => c.file.startsWith(join('content', 'en')))
			.flatMap((en) => {
				const zh = byPath.get(en.file.replace(join('content', 'en'), join('content', 'zh-cn')));
				if (!zh) return [`${en.file}: no Chinese version`];
				return [...new Set([...en.cited, ...zh.cited])]
					.filter((id) => en.cited.has(id) !== zh.cited.has(id))
					.map((id) => `${en.file}: ${id} cited in one language only`);
			});
		expect(differences).toEqual([]);
	});
});
