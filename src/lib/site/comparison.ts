/** The dimensions of the open-weight vs closed comparison, in display order (keys of a model family entry). */
export const COMPARISON_DIMENSIONS = ['licence', 'deployment', 'costModel', 'customisation', 'dataPrivacy', 'support'] as const;

export type ComparisonDimension = (typeof COMPARISON_DIMENSIONS)[number];

export interface ComparisonRow {
	name: string;
	access: string;
}

export type SortKey = 'name' | 'access';
export type SortDirection = 'ascending' | 'descending';

/** Rows in the order a sort on `key` shows them; ties keep their original order. */
export function sortRows<T extends ComparisonRow>(rows: readonly T[], key: SortKey, direction: SortDirection): T[] {
	const sign = direction === 'ascending' ? 1 : -1;
	return rows
		.map((row, index) => ({ row, index }))
		.sort((a, b) => sign * a.row[key].localeCompare(b.row[key]) || a.index - b.index)
		.map(({ row }) => row);
}

/** Whether a row passes the access filter (`all` lets everything through). */
export function matchesAccess(row: ComparisonRow, filter: string): boolean {
	return filter === 'all' || row.access === filter;
}
