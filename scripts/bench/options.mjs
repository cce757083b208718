/**
 * The bench's command line (documented in scripts/bench.mjs): which sections, which widget backends, how many runs.
 * A wrong list exits with a message that says what was expected.
 */

/** @typedef {'widgets' | 'cells' | 'downloads' | 'sizes'} Section */
/** @type {Section[]} */
export const SECTIONS = ['widgets', 'cells', 'downloads', 'sizes'];
/** The backends the widgets section measures, in this order (a page's `?backend=`; auto: the widget's own choice). */
export const BACKENDS = ['auto', 'wasm', 'webgl', 'webgpu', 'cpu'];

/**
 * @typedef {object} Options
 * @property {Set<Section>} sections `--only` (default all), less the cells with `--widgets-only`
 * @property {string[]} backends `--backends`: the widgets section's backends (default all)
 * @property {number} updates `--updates`: reader actions per widget and backend (default 100)
 * @property {number} cellTrain `--cell-train`: the CNN example runs with TRAIN = this many digits (it prints its own digits/s)
 * @property {boolean} setBudgets `--set-budgets`: the sizes section rewrites the size budgets
 */

/** @param {string[]} argv the arguments after the script's name @returns {Options} */
export function parseOptions(argv) {
	const args = new Map(argv.map((a, i, all) => [a, all[i + 1]]));
	return {
		sections: chosenSections(args.get('--only'), argv.includes('--widgets-only')),
		backends: chosen('--backends', args.get('--backends'), BACKENDS),
		updates: Number(args.get('--updates') ?? 100),
		cellTrain: Number(args.get('--cell-train') ?? 256),
		setBudgets: argv.includes('--set-budgets'),
	};
}

/** @param {string | undefined} only @param {boolean} widgetsOnly @returns {Set<Section>} */
function chosenSections(only, widgetsOnly) {
	if (only === undefined) return new Set(widgetsOnly ? SECTIONS.filter((s) => s !== 'cells') : SECTIONS);
	return new Set(chosen('--only', only, SECTIONS));
}

/**
 * A comma-separated subset of `all`, in the order of `all`; every one when the option is absent.
 * @template {string} T @param {string} option @param {string | undefined} value @param {readonly T[]} all @returns {T[]}
 */
function chosen(option, value, all) {
	if (value === undefined) return [...all];
	const asked = value.split(',').map((s) => s.trim());
	const unknown = asked.filter((s) => !(/** @type {readonly string[]} */ (all).includes(s)));
	if (unknown.length || !asked.length) {
		console.error(`${option} ${value}: expected a comma-separated list of ${all.join(', ')}`);
		process.exit(1);
	}
	return all.filter((s) => asked.includes(s));
}
