import { expect, test } from '@playwright/test';
import { overBudget, readBudgets, unusedBudgets } from '../size/budgets';
import { builtRoutes, measurePage } from '../size/page-sizes';

// Size budgets over the built site in dist/ (what `npm test` has just built). They read files, not the browser's
// network log: which widgets start loading on open would depend on the viewport and on timing, and a budget must
// measure the same bytes on every run. Here with the end-to-end tests because they, too, need a build.

const DIST = 'dist';
const budgets = readBudgets();
const routes = builtRoutes(DIST);

test.describe('size budgets (gzip, before any interaction)', () => {
	for (const route of routes) {
		test(`${route} is within its budget`, () => {
			expect(overBudget(measurePage(DIST, route), budgets), `${route}: measured size vs budget`).toEqual([]);
		});
	}

	test('every budget covers a built page', () => {
		expect(unusedBudgets(routes, budgets), 'patterns in tests/size/budgets.json that match no page').toEqual([]);
	});
});
