/**
 * What a widget's `view(state, result, strings)` returns: plain data, no DOM. The widget's .astro component renders
 * it on the server for the first frame (through components/ui/), and `applyView` (./apply-view.ts) applies the same
 * object in the browser, so both frames come from one function.
 */
import type { HeatmapView } from '../viz/heatmap';
import type { TableView } from '../viz/table';

export interface FormulaView {
	tex: string;
	/** Numbers behind the formula as `data-*` attributes (full precision, for tests and the benchmark). */
	data?: Record<string, string>;
}

export interface WidgetView {
	/** Heatmaps by the `data-role` of their <svg>. */
	heatmaps: Record<string, HeatmapView>;
	/** Formulas by the `data-role` of their box. */
	formulas: Record<string, FormulaView>;
	/** Data tables by the `data-role` of their <table>. */
	tables: Record<string, TableView>;
	/** Plain text by the `data-role` of its element (readouts, sizes). */
	texts: Record<string, string>;
	/** Remarks about the result for the reader (e.g. "only the first 16 tokens are shown"). */
	notes: string[];
}

/** Localized strings a view fills in (`{{name}}` templates), the same on the server and in the browser. */
export type ViewStrings = Record<string, string>;

/**
 * The strings a widget needs, looked up once on the server (`t` is Astro's i18n lookup) and handed to the view and,
 * as JSON, to the element: `{ rnn.empty → empty, … }` plus the note about ignored link parameters all widgets share.
 */
export function widgetStrings(t: Translate, prefix: string, keys: readonly string[]): ViewStrings {
	// Starlight types `t` with the union of its known keys; ours are checked by the i18n schema instead.
	const lookup = t as unknown as (key: string) => string;
	return { ...Object.fromEntries(keys.map((key) => [key, lookup(`${prefix}.${key}`)])), urlIgnored: lookup('conv.urlIgnored') };
}

/** Astro's `Astro.locals.t`, or any lookup from a key to its string (the tests pass a plain function). */
export type Translate = (key: never) => string;
