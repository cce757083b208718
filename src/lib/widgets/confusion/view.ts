/**
 * The confusion widget's view: the 10 × 10 matrix as a table of buttons (each cell's count, shaded by its share of the
 * row), the chosen cell's digits, what the cell means for precision and recall, the formulas of P, R and F₁ with the
 * counts of the classes involved, and every class's metrics as a table. Pure: the server renders it, the element
 * applies it.
 */
import type { ClassMetrics } from '../../reference/confusion';
import { escapeHtml, template } from '../../text/template';
import { colourFor, textOn } from '../../viz/colour';
import type { TableView } from '../../viz/table';
import { thumbnailPaths } from '../../viz/thumbnail';
import type { ViewStrings, WidgetView } from '../view';
import { CLASSES, type ConfusionResult } from './result';
import { MAX_DIGITS } from './state';

export const CONFUSION_STRINGS = [
	'title',
	'matrix',
	'trueAxis',
	'predictedAxis',
	'cellLabel',
	'summary',
	'cellRight',
	'cellWrong',
	'cellNone',
	'shownFirst',
	'roles',
	'rolesRight',
	'metricsTable',
	'classRow',
	'precisionColumn',
	'recallColumn',
	'f1Column',
	'supportColumn',
	'digitLabel',
	'loadingDigits',
	'evaluating',
	'ours',
	'yours',
] as const;

/** The CNN model-choice strings the widget words its notes with (`cnn.*`). */
export const CONFUSION_MODEL_STRINGS = ['modelYours', 'modelAccuracy', 'noModelYet', 'yoursDiffers', 'storageFailed', 'modelFailed'] as const;

export interface ConfusionView extends WidgetView {
	matrix: string;
	/** The chosen cell's digits, or undefined while they are being fetched (the picture stays as drawn). */
	digits: string | undefined;
}

const percent = (x: number) => (x * 100).toFixed(1);
const three = (x: number | undefined) => (x === undefined ? '—' : x.toFixed(3));
const unit = colourFor('unit');

function matrixMarkup(result: ConfusionResult, strings: ViewStrings): string {
	const { counts, perClass } = result.confusion;
	const [ct, cp] = result.cell;
	const head = Array.from({ length: CLASSES }, (_, p) => `<th scope="col">${p}</th>`).join('');
	const rows = counts.map((row, t) => {
		const support = perClass[t]!.support;
		const cells = row.map((n, p) => {
			const label = template(strings.cellLabel ?? '{{n}}', { n, t, p });
			const chosen = t === ct && p === cp;
			const style =
				n > 0
					? (() => {
							const fill = unit(support ? n / support : 0);
							return ` style="background:${fill};color:${textOn(fill)}"`;
						})()
					: '';
			return `<td><button type="button" class="cm-cell${n === 0 ? ' empty' : ''}${t === p ? ' diagonal' : ''}" data-t="${t}" data-p="${p}" aria-pressed="${chosen}" aria-label="${escapeHtml(label)}"${style}>${n}</button></td>`;
		});
		return `<tr><th scope="row">${t}</th>${cells.join('')}</tr>`;
	});
	return `<thead><tr><td></td><th scope="colgroup" colspan="${CLASSES}" class="cm-axis">${escapeHtml(strings.predictedAxis ?? '')}</th></tr><tr><th scope="col" class="cm-axis">${escapeHtml(strings.trueAxis ?? '')}</th>${head}</tr></thead><tbody>${rows.join('')}</tbody>`;
}

function digitsMarkup(result: ConfusionResult, strings: ViewStrings): string | undefined {
	if (!result.digits) return undefined;
	return result.digits
		.map(({ index, pixels }) => {
			const label = template(strings.digitLabel ?? '{{i}}', { i: index + 1 });
			const paths = thumbnailPaths(pixels)
				.map((p) => `<path fill="${p.fill}" d="${p.d}"/>`)
				.join('');
			return `<svg class="cm-digit" viewBox="0 0 28 28" role="img" aria-label="${escapeHtml(label)}"><rect width="28" height="28" class="paper"/>${paths}</svg>`;
		})
		.join('');
}

/** P, R and F₁ of class c with its counts: TP over the column's sum, TP over the row's sum. */
function classTex(c: number, m: ClassMetrics): string {
	const value = (x: number | undefined) => (x === undefined ? '\\text{—}' : x.toFixed(3));
	const p = `P_{${c}} = \\frac{\\mathrm{TP}}{\\mathrm{TP} + \\mathrm{FP}} = \\frac{${m.truePositives}}{${m.truePositives} + ${m.falsePositives}} = ${value(m.precision)}`;
	const r = `R_{${c}} = \\frac{\\mathrm{TP}}{\\mathrm{TP} + \\mathrm{FN}} = \\frac{${m.truePositives}}{${m.truePositives} + ${m.falseNegatives}} = ${value(m.recall)}`;
	const f =
		m.precision === undefined || m.recall === undefined
			? `F_{1,${c}} = \\text{—}`
			: `F_{1,${c}} = \\frac{2PR}{P + R} = \\frac{2 \\cdot ${m.precision.toFixed(3)} \\cdot ${m.recall.toFixed(3)}}{${m.precision.toFixed(3)} + ${m.recall.toFixed(3)}} = ${value(m.f1)}`;
	return `${p} \\\\ ${r} \\\\ ${f}`;
}

function metricsTable(result: ConfusionResult, strings: ViewStrings): TableView {
	const cell = (x: number | undefined) => ({ value: x ?? Number.NaN, text: three(x) });
	return {
		colLabels: [strings.precisionColumn ?? 'P', strings.recallColumn ?? 'R', strings.f1Column ?? 'F1', strings.supportColumn ?? 'n'],
		rows: result.confusion.perClass.map((m, c) => ({
			label: template(strings.classRow ?? '{{c}}', { c }),
			cells: [cell(m.precision), cell(m.recall), cell(m.f1), { value: m.support, text: String(m.support) }],
		})),
	};
}

export function confusionView(result: ConfusionResult, strings: ViewStrings): ConfusionView {
	const { confusion, cell, examples } = result;
	const [t, p] = cell;
	const n = examples.length;
	const classes = t === p ? [t] : [t, p];
	const about = n === 0 ? template(strings.cellNone ?? '', { t, p }) : template((t === p ? strings.cellRight : strings.cellWrong) ?? '', { n, t, p });
	const shown = n > MAX_DIGITS ? ` ${template(strings.shownFirst ?? '', { k: MAX_DIGITS })}` : '';
	const roles = n === 0 ? '' : template((t === p ? strings.rolesRight : strings.roles) ?? '', { t, p });
	return {
		heatmaps: {},
		formulas: {
			'cm-formula': {
				tex: `\\begin{gathered} ${classes.map((c) => classTex(c, confusion.perClass[c]!)).join(' \\\\[4pt] ')} \\end{gathered}`,
				data: { t: String(t), p: String(p), count: String(n), accuracy: String(confusion.accuracy) },
			},
		},
		tables: { 'cm-metrics': metricsTable(result, strings) },
		texts: {
			'cm-summary': template(strings.summary ?? '', {
				model: (result.model.startsWith('yours') ? strings.yours : strings.ours) ?? '',
				correct: confusion.correct.toLocaleString('en'),
				total: confusion.total.toLocaleString('en'),
				accuracy: percent(confusion.accuracy),
				f1: three(confusion.macroF1),
			}),
			'cm-about': `${about}${shown}`,
			'cm-roles': roles,
		},
		notes: result.note ? [result.note] : [],
		matrix: matrixMarkup(result, strings),
		digits: digitsMarkup(result, strings),
	};
}
