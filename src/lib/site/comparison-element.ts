import { matchesAccess, sortRows, type SortDirection, type SortKey } from './comparison';

/**
 * Progressive enhancement of the server-rendered comparison table: filter by access, show one dimension,
 * sort by a column. Without JavaScript the full table stays readable, so the controls start hidden.
 */
export class ComparisonTable extends HTMLElement {
	connectedCallback() {
		const controls = this.querySelector<HTMLElement>('.controls');
		const table = this.querySelector('table');
		const body = table?.tBodies[0];
		if (!controls || !table || !body) return;
		controls.hidden = false;

		const access = controls.querySelector<HTMLSelectElement>('select[name="access"]')!;
		const dimension = controls.querySelector<HTMLSelectElement>('select[name="dimension"]')!;
		const count = controls.querySelector<HTMLElement>('.count')!;
		const rows = [...body.rows].map((tr) => ({ tr, name: tr.dataset.name ?? '', access: tr.dataset.access ?? '' }));

		const update = () => {
			let shown = 0;
			for (const row of rows) {
				row.tr.hidden = !matchesAccess(row, access.value);
				if (!row.tr.hidden) shown++;
			}
			table.dataset.dimension = dimension.value;
			count.textContent = (count.dataset.template ?? '').replace('{count}', String(shown)).replace('{total}', String(rows.length));
		};
		access.addEventListener('change', update);
		dimension.addEventListener('change', update);

		for (const th of table.querySelectorAll<HTMLTableCellElement>('th[data-sort]')) {
			const button = document.createElement('button');
			button.type = 'button';
			button.textContent = th.textContent;
			th.replaceChildren(button);
			button.addEventListener('click', () => {
				const direction: SortDirection = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
				for (const other of table.querySelectorAll('th[data-sort]')) other.setAttribute('aria-sort', 'none');
				th.setAttribute('aria-sort', direction);
				body.append(...sortRows(rows, th.dataset.sort as SortKey, direction).map((row) => row.tr));
			});
		}
		update();
	}
}
