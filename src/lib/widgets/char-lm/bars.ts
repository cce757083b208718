/**
 * The next-character distribution as bars (no DOM): the most probable characters, then one bar for all the others,
 * so that the bars always sum to 1. `renderBars` draws the same view in the browser; the .astro components draw it on
 * the server.
 */
import { escapeHtml, template } from '../../text/template';
import type { Vector } from '../../reference/matrix';
import { tokenText } from './model';

export interface LmBarView {
	label: string;
	/** Full precision, for tests. */
	p: number;
	text: string;
	/** Share of the bar's track, in %. */
	width: number;
	/** The bar that stands for every character not listed. */
	rest: boolean;
}

/** Bars shown before the rest are summed into one. */
const BARS = 10;

/** The most probable next characters, then one bar for the rest, so that the bars sum to 1. */
export function nextCharacterBars(distribution: Vector, vocabulary: readonly string[], othersLabel: string): LmBarView[] {
	const ranked = distribution
		.map((p, id) => ({ p, id }))
		.filter(({ p }) => p > 0)
		.sort((a, b) => b.p - a.p || a.id - b.id);
	const top = ranked.slice(0, BARS);
	const rest = ranked.slice(BARS).reduce((sum, { p }) => sum + p, 0);
	const bar = (label: string, p: number, isRest: boolean): LmBarView => ({ label, p, text: p.toFixed(3), width: Math.round(p * 1000) / 10, rest: isRest });
	const bars = top.map(({ p, id }) => bar(tokenText(vocabulary[id] ?? ''), p, false));
	return ranked.length > BARS ? [...bars, bar(template(othersLabel, { n: ranked.length - BARS }), rest, true)] : bars;
}

/** Draws bars into their <ol> (the server renders the same markup for the first frame). */
export function renderBars(list: HTMLElement, bars: LmBarView[]): void {
	list.innerHTML = bars
		.map(
			(b) =>
				`<li${b.rest ? ' data-rest' : ''} data-p="${b.p}"><span class="char">${escapeHtml(b.label)}</span><span class="track"><span class="bar" style="inline-size:${b.width}%"></span></span><span class="p">${b.text}</span></li>`,
		)
		.join('');
}
