/**
 * What the reader reads after a Check or an answer: the worked example's marks (worked-example.ts), the problem in
 * each language (exercise-view.ts's problemText with the site's strings), the numbers a concept question accepts, the
 * items a chapter counts, and the inline code of hints.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compare } from '../../src/lib/exercises/compare';
import { chapterItems } from '../../src/lib/exercises/chapter-items';
import { readNumber } from '../../src/lib/exercises/read-number';
import { problemText } from '../../src/lib/exercises/exercise-view';
import { numberText, show } from '../../src/lib/exercises/worked-example';
import { inlineCodeHtml } from '../../src/lib/text/inline-code';

const strings = (file: string) =>
	Object.fromEntries(
		Object.entries(JSON.parse(readFileSync(`src/content/i18n/${file}.json`, 'utf8')) as Record<string, string>)
			.filter(([k]) => k.startsWith('exercise.'))
			.map(([k, v]) => [k.slice('exercise.'.length), v]),
	);
const en = strings('en');
const zh = strings('zh-CN');

describe('the worked example', () => {
	it('marks exactly the entries that differ, on both sides, within the tolerance', () => {
		const expected = [
			[1, 2],
			[3, 4],
		];
		const yours = [
			[1 + 1e-9, 2.5],
			[3, 4],
		];
		const mine = show(yours, { value: expected, tolerance: 1e-6 });
		const theirs = show(expected, { value: yours, tolerance: 1e-6 });
		expect(mine.kind).toBe('grid');
		if (mine.kind !== 'grid' || theirs.kind !== 'grid') return;
		expect(mine.rows.flat().map((c) => c.differs)).toEqual([false, true, false, false]);
		expect(theirs.rows.flat().map((c) => c.differs)).toEqual([false, true, false, false]);
		expect(mine.rows[0]![1]!.text).toBe('2.5');
	});
	it('shows inputs unmarked, records as labelled lists, and −∞, NaN as such', () => {
		const input = show([[0, -Infinity]]);
		expect(input.kind === 'grid' && input.rows[0]!.map((c) => [c.text, c.differs])).toEqual([
			['0', false],
			['−∞', false],
		]);
		const lstm = show({ h: [0.1], c: [NaN] }, { value: { h: [0.1], c: [0.2] }, tolerance: 1e-6 });
		expect(lstm.kind).toBe('list');
		if (lstm.kind !== 'list') return;
		expect(lstm.items.map((i) => i.label)).toEqual(['h', 'c']);
		expect(lstm.items[1]!.value).toEqual({ kind: 'row', cells: [{ text: 'NaN', differs: true }] });
		expect(numberText(-0.123456789)).toBe('−0.12345679');
		expect(show('same')).toEqual({ kind: 'text', text: '"same"', differs: false });
	});
	it('marks an entry the other side lacks', () => {
		const row = show([1, 2, 3], { value: [1, 2], tolerance: 1e-6 });
		expect(row.kind === 'row' && row.cells.map((c) => c.differs)).toEqual([false, false, true]);
	});
});

describe('the problem, in each language', () => {
	it('names a shape mismatch as one', () => {
		const problem = compare(
			[
				[0, 0],
				[0, 0],
			],
			[
				[0, 0, 0],
				[0, 0, 0],
				[0, 0, 0],
			],
		)!;
		expect(problemText(problem, en)).toBe('Wrong shape: expected 2×2, got 3×3.');
		expect(problemText(problem, zh)).toBe('形状不对：应为 2×2，实际为 3×3。');
	});
	it('says a number was expected, a key is missing, NaN came, or how many entries differ', () => {
		expect(problemText(compare([1, 2], 3)!, en)).toBe('Expected an array of 2, got a number.');
		expect(problemText(compare([1, 2], 3)!, zh)).toBe('应为长度为 2 的数组，实际得到一个数。');
		expect(problemText(compare(3, undefined)!, en)).toBe('Expected a number, got undefined (does the function return its result?).');
		expect(problemText(compare({ h: [1], c: [2] }, { h: [1] })!, en)).toBe('The result has no “c”.');
		expect(problemText(compare([1, 2], [1, NaN])!, en)).toBe('Got NaN at [1] where 2 was expected.');
		expect(problemText(compare([1, 2, 3], [1, 5, 6])!, en)).toBe('2 of 3 entries differ (highlighted).');
		expect(problemText(compare([1, 2, 3], [1, 5, 6])!, zh)).toBe('3 个元素中有 2 个不同（已高亮）。');
	});
});

describe('a concept question reads numbers as a reader writes them', () => {
	it.each([
		['26', 26],
		[' 0,5 ', 0.5],
		['−3', -3],
		['1e-3', 0.001],
		['.5', 0.5],
		['309,770', 309770],
		['1,048,576', 1048576],
		['32 768', 32768],
		['0,25', 0.25],
		['0,500', 0.5],
	])('%j is %d', (text, value) => expect(readNumber(text)).toBe(value));
	it.each(['abc', '', '1 2', '2x', '--1', '1,2,3', '32 76'])('%j is not a number', (text) => expect(readNumber(text)).toBeUndefined());
});

it("a chapter's items are its exercises and its concept check's questions", () => {
	const body = '<Exercise id="conv2d">\nText\n</Exercise>\n\n<Exercise  id="softmax">…</Exercise>\n<ConceptCheck id="background" />';
	expect(chapterItems(body, (id) => (id === 'background' ? ['a', 'b'] : []))).toEqual({
		exercises: ['conv2d', 'softmax'],
		questions: ['concept:background:a', 'concept:background:b'],
	});
});

it('hints keep their `code` and nothing else as markup', () => {
	expect(inlineCodeHtml('use `Math.floor` <b>not</b> `|0`')).toBe('use <code>Math.floor</code> &#60;b&#62;not&#60;/b&#62; <code>|0</code>');
});
