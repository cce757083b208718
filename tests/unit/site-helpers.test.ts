import { describe, expect, it } from 'vitest';
import { formatAuthors, referencesHref } from '../../src/lib/site/references';
import { matchesAccess, sortRows } from '../../src/lib/site/comparison';

describe('formatAuthors', () => {
	it('joins short lists with “and”', () => {
		expect(formatAuthors(['Ada'])).toBe('Ada');
		expect(formatAuthors(['Ada', 'Bo', 'Cy'])).toBe('Ada, Bo and Cy');
	});
	it('keeps “et al.” for long author lists', () => {
		expect(formatAuthors(['Ada', 'Bo', 'et al.'])).toBe('Ada, Bo et al.');
	});
});

describe('referencesHref', () => {
	it('points each locale at its own references page', () => {
		expect(referencesHref('en')).toBe('/en/tutorial/references/');
		expect(referencesHref('zh-cn')).toBe('/zh-cn/tutorial/references/');
		expect(referencesHref(undefined)).toBe('/zh-cn/tutorial/references/');
	});
});

describe('comparison table sorting and filtering', () => {
	const rows = [
		{ name: 'Mistral 7B', access: 'open-weights' },
		{ name: 'GPT-4o', access: 'closed' },
		{ name: 'Llama 3', access: 'open-weights' },
	];
	it('sorts by name both ways', () => {
		expect(sortRows(rows, 'name', 'ascending').map((r) => r.name)).toEqual(['GPT-4o', 'Llama 3', 'Mistral 7B']);
		expect(sortRows(rows, 'name', 'descending').map((r) => r.name)).toEqual(['Mistral 7B', 'Llama 3', 'GPT-4o']);
	});
	it('keeps the original order among ties', () => {
		expect(sortRows(rows, 'access', 'descending').map((r) => r.name)).toEqual(['Mistral 7B', 'Llama 3', 'GPT-4o']);
	});
	it('filters by access', () => {
		expect(rows.filter((r) => matchesAccess(r, 'closed')).map((r) => r.name)).toEqual(['GPT-4o']);
		expect(rows.filter((r) => matchesAccess(r, 'all'))).toHaveLength(3);
	});
});
