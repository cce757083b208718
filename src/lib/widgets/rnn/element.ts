import type * as TF from '@tensorflow/tfjs-core';
import * as kernels from '../../compute/kernels';
import { lstmStep, rnnStep, type LstmStep } from '../../reference/recurrent';
import type { Matrix, Vector } from '../../reference/matrix';
import { divergingScale, sequentialScale } from '../../viz/colour';
import { drawHeatmap, drawOutline } from '../../viz/heatmap';
import { lstmStepTex, rnnStepTex } from '../../viz/rnn-tex';
import { readState, writeState, type ParamSpec } from '../url-state';
import { InputProblem, WidgetElement } from '../widget-element';
import { bindBackendControl, escapeHtml, fillDataTable, gridCellAt, template } from '../dom';
import { clampText, D_H, displayToken, embed, lstmWeights, mapRange, readSentence, rnnWeights, type MapName } from './model';
import { clampStep, rnnSpec, type RnnMode, type RnnState } from './state';
import { showFormula } from '../formula';

interface RnnResult {
	mode: RnnMode;
	tokens: string[];
	/** Tokens in the (clamped) text, before keeping the first MAX_TOKENS. */
	total: number;
	xs: Vector[];
	/** h_1 … h_T from tfjs, one row per step. */
	h: Matrix;
	/** Every LSTM step from tfjs (LSTM mode only). */
	lstm?: LstmStep[];
}

const LSTM_MAPS = ['c', 'i', 'f', 'o', 'g'] as const satisfies readonly MapName[];
const zeros = () => new Array<number>(D_H).fill(0);
const transpose = (rows: Matrix): Matrix => Array.from({ length: rows[0]?.length ?? 0 }, (_, j) => rows.map((row) => row[j]!));

/**
 * `<rnn-widget>`: steps a vanilla RNN or an LSTM through the reader's sentence. tfjs computes every h_t (and the
 * LSTM's gates and c_t); the formula of the focused step takes its intermediate sums from the reference.
 */
export class RnnElement extends WidgetElement<RnnResult> {
	private state!: RnnState;
	private spec!: ParamSpec<RnnState>;
	private strings: Record<string, string> = {};
	/** Problems with link parameters, shown until the reader changes something. */
	private urlNotice = '';
	/** The reader's text was longer than the limit (the message says how long it was). */
	private charsNotice = '';
	/** The reader's text has no tokens (the last result stays on screen). */
	private emptyNotice = '';

	private q<T extends Element>(role: string): T {
		return this.querySelector<T>(`[data-role="${role}"]`)!;
	}

	protected bindControls() {
		this.strings = JSON.parse(this.q<HTMLScriptElement>('strings').textContent ?? '{}');
		this.spec = rnnSpec(this.dataset.defaultText ?? '');
		this.loadStateFromUrl();
		addEventListener('popstate', () => {
			this.loadStateFromUrl();
			this.requestUpdate();
		});
		bindBackendControl(this);

		const input = this.q<HTMLInputElement>('text');
		input.addEventListener('input', () => this.readText(input.value, 'replace'));
		for (const button of this.querySelectorAll<HTMLButtonElement>('button[data-example]'))
			button.addEventListener('click', () => {
				input.value = button.dataset.example ?? '';
				this.readText(input.value, 'push');
			});
		this.q<HTMLSelectElement>('mode').addEventListener('change', (e) =>
			this.commit({ mode: (e.target as HTMLSelectElement).value === 'lstm' ? 'lstm' : 'rnn' }),
		);
		this.q<HTMLButtonElement>('prev').addEventListener('click', () => this.goTo(this.currentStep() - 1));
		this.q<HTMLButtonElement>('next').addEventListener('click', () => this.goTo(this.currentStep() + 1));
		this.q<HTMLInputElement>('step').addEventListener('input', (e) => this.goTo(Number((e.target as HTMLInputElement).value)));
		this.q<HTMLElement>('tokens').addEventListener('click', (e) => {
			const button = (e.target as Element).closest<HTMLButtonElement>('button[data-t]');
			if (button) this.goTo(Number(button.dataset.t));
		});
		// Clicking a column of any heatmap focuses that step (the slider and buttons do the same from the keyboard).
		for (const svg of this.querySelectorAll<SVGSVGElement>('svg[data-map]'))
			svg.addEventListener('click', (e) => {
				const cell = gridCellAt(svg, e as PointerEvent);
				if (cell) this.goTo(cell.col + 1);
			});
	}

	private loadStateFromUrl() {
		const { state, problems } = readState(this.spec, new URLSearchParams(location.search));
		this.state = state;
		this.charsNotice = '';
		this.emptyNotice = '';
		this.urlNotice = problems.length ? template(this.strings.urlIgnored!, { list: problems.join('; ') }) : '';
		const input = this.q<HTMLInputElement>('text');
		if (input.value !== state.text) input.value = state.text;
		input.removeAttribute('aria-invalid');
		this.q<HTMLSelectElement>('mode').value = state.mode;
		if (this.urlNotice) this.showInputProblem(this.urlNotice);
	}

	/** A change the reader made: new history entry (or replace while typing / stepping), recompute. */
	private commit(change: Partial<RnnState>, mode: 'push' | 'replace' = 'push') {
		this.state = { ...this.state, ...change };
		this.urlNotice = '';
		writeState(this.spec, this.state, mode);
		this.requestUpdate();
	}

	/** The reader's text: too long is clamped (with a note), empty is reported and the last result stays. */
	private readText(raw: string, mode: 'push' | 'replace') {
		const clamped = clampText(raw);
		this.charsNotice = clamped.truncated ? template(this.strings.tooLongChars!, { n: clamped.length, max: clamped.text.length }) : '';
		const sentence = readSentence(clamped.text);
		const input = this.q<HTMLInputElement>('text');
		if (sentence.tokens.length === 0) {
			input.setAttribute('aria-invalid', 'true');
			this.emptyNotice = this.strings.empty!;
			this.showInputProblem(this.emptyNotice);
			return;
		}
		input.removeAttribute('aria-invalid');
		this.emptyNotice = '';
		this.commit({ text: clamped.text, step: clampStep(this.state.step, sentence.tokens.length) }, mode);
	}

	/** The step shown: the state's step clamped to the current sentence (the last result may be older). */
	private currentStep(): number {
		return clampStep(this.state.step, readSentence(this.state.text).tokens.length);
	}

	private goTo(step: number) {
		const next = clampStep(step, readSentence(this.state.text).tokens.length);
		if (next !== this.state.step) this.commit({ step: next }, 'replace');
	}

	protected async compute(tf: typeof TF): Promise<RnnResult> {
		const sentence = readSentence(this.state.text);
		if (sentence.tokens.length === 0) throw new InputProblem(this.strings.empty!);
		const xs = sentence.tokens.map(embed);
		const mode = this.state.mode;
		if (mode === 'rnn') {
			const h = await kernels.rnnSequence(tf, rnnWeights(), xs);
			return { mode, tokens: sentence.tokens, total: sentence.total, xs, h };
		}
		const lstm = await kernels.lstmSequence(tf, lstmWeights(), xs);
		return { mode, tokens: sentence.tokens, total: sentence.total, xs, h: lstm.map((s) => s.h), lstm };
	}

	protected render(result: RnnResult) {
		const { tokens, h, mode } = result;
		const count = tokens.length;
		const t = clampStep(this.state.step, count);
		const token = displayToken(tokens[t - 1]!);

		this.renderTokens(tokens, t);
		const readout = template(this.strings.stepReadout!, { t, n: count, token });
		const slider = this.q<HTMLInputElement>('step');
		slider.max = String(count);
		slider.value = String(t);
		slider.setAttribute('aria-valuetext', readout);
		// aria-disabled, not disabled: a disabled button would drop the keyboard focus at the first or last step.
		this.q<HTMLButtonElement>('prev').setAttribute('aria-disabled', String(t <= 1));
		this.q<HTMLButtonElement>('next').setAttribute('aria-disabled', String(t >= count));
		this.q<HTMLElement>('step-readout').textContent = readout;
		this.q<HTMLSelectElement>('mode').value = mode;

		this.drawMap('h', h, t);
		const lstmMaps = this.q<HTMLElement>('lstm-maps');
		lstmMaps.hidden = mode !== 'lstm';
		if (result.lstm) for (const name of LSTM_MAPS) this.drawMap(name, result.lstm.map((s) => s[name]), t);

		const formula = this.q<HTMLElement>('step-formula');
		showFormula(formula, this.formulaTex(result, t));
		formula.dataset.value = h[t - 1]!.join(',');

		fillDataTable(
			this.q<HTMLTableElement>('data-table'),
			h,
			tokens.map((tok, k) => `${k + 1} ${displayToken(tok)}`),
			Array.from({ length: D_H }, (_, j) => template(this.strings.unit!, { j: j + 1 })),
		);

		const notes = [this.urlNotice, this.emptyNotice, this.charsNotice, result.total > count ? template(this.strings.tooLong!, { n: result.total, max: count }) : '']
			.filter(Boolean)
			.join(' ');
		if (notes) this.showInputProblem(notes);
		else this.clearInputProblem();
	}

	/** The step's formula: intermediate sums and gates from the reference, h_t and c_t from tfjs. */
	private formulaTex(result: RnnResult, t: number): string {
		const x = result.xs[t - 1]!;
		const hPrev = t > 1 ? result.h[t - 2]! : zeros();
		if (result.mode === 'rnn' || !result.lstm) {
			const w = rnnWeights();
			const parts = rnnStep(w, x, hPrev);
			return rnnStepTex({ t, x, hPrev, ...parts, bias: w.bh, h: result.h[t - 1]! });
		}
		const cPrev = t > 1 ? result.lstm[t - 2]!.c : zeros();
		const gates = lstmStep(lstmWeights(), x, hPrev, cPrev);
		const now = result.lstm[t - 1]!;
		return lstmStepTex({ t, cPrev, i: gates.i, f: gates.f, o: gates.o, g: gates.g, c: now.c, h: now.h });
	}

	/** One heatmap: rows = the d_h units, columns = tokens; the focused step's column outlined. */
	private drawMap(name: MapName, rows: Matrix, t: number) {
		const svg = this.querySelector<SVGSVGElement>(`svg[data-map="${name}"]`);
		if (!svg) return;
		const range = mapRange(name, rows);
		const colour = range.kind === 'signed' ? divergingScale(range.max) : sequentialScale(range.max);
		drawHeatmap(svg, transpose(rows), colour);
		svg.style.setProperty('--cols', String(rows.length));
		const column = { row: 0, col: t - 1, h: D_H, w: 1 };
		drawOutline(svg, 'step-halo', column);
		drawOutline(svg, 'step', column);
		// New columns are appended after the outlines: keep the outlines on top (halo under the black line).
		const outlines = [svg.querySelector('rect.outline-step-halo'), svg.querySelector('rect.outline-step')];
		if (outlines[1] !== svg.lastElementChild) for (const outline of outlines) if (outline) svg.append(outline);
	}

	/** Token buttons are rebuilt only when the tokens change, so focus stays on the button the reader pressed. */
	private renderTokens(tokens: string[], t: number) {
		const box = this.q<HTMLElement>('tokens');
		const key = JSON.stringify(tokens);
		if (box.dataset.tokens !== key) {
			box.dataset.tokens = key;
			box.innerHTML = tokens
				.map((full, k) => {
					const token = displayToken(full);
					const label = escapeHtml(template(this.strings.tokenButton!, { t: k + 1, token }));
					return `<button type="button" data-t="${k + 1}" aria-label="${label}">${escapeHtml(token)}</button>`;
				})
				.join('');
		}
		for (const button of box.querySelectorAll<HTMLButtonElement>('button[data-t]')) {
			if (Number(button.dataset.t) === t) button.setAttribute('aria-current', 'step');
			else button.removeAttribute('aria-current');
		}
	}
}
