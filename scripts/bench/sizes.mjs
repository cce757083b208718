/**
 * The sizes section: gzip bytes per page of dist/ before any interaction, next to the budgets `npm test` enforces.
 * No browser: the same measurement as the size-budget test.
 */
// Node 22 strips the types of these .ts modules.
import { BUDGETS_FILE, MARGIN, readBudgets, remeasuredBudgets, sizeTable, writeBudgets } from '../../tests/size/budgets.ts';
import { measureSite } from '../../tests/size/page-sizes.ts';

/** @param {{ setBudgets: boolean }} options with `setBudgets`, rewrites the budgets from these sizes first */
export function sizeSection({ setBudgets }) {
	const sizes = measureSite('dist');
	let budgets = readBudgets();
	if (setBudgets) {
		budgets = remeasuredBudgets(sizes, budgets);
		writeBudgets(budgets);
		console.log(`\nWrote ${BUDGETS_FILE}: measured sizes + ${MARGIN * 100} %.`);
	}
	console.log(`\nPage sizes before any interaction (gzip; budgets from ${BUDGETS_FILE}, enforced by \`npm test\`)\n`);
	console.log(sizeTable(sizes, budgets));
}
