/**
 * The overfitting widget's view: the training and validation errors against the step (the gap between them, the
 * noise floor, the step early stopping would keep), the points with the model's curve and the function they came
 * from, the loss with its numbers, readouts, and the curves as a table. Pure: the server renders it, the element
 * applies it.
 */
import { sciTex } from '../../calculators/quantity';
import { predict, trueFunction, type CurvePoint } from '../../reference/regression';
import { template } from '../../text/template';
import type { TableView } from '../../viz/table';
import { curvesMarkup, fitMarkup } from '../../viz/training-plots';
import type { ViewStrings, WidgetView } from '../view';
import type { OverfitResult } from './result';
import { NOISE } from './state';

export const OVERFIT_STRINGS = [
	'title',
	'trainSize',
	'hidden',
	'weightDecay',
	'seed',
	'play',
	'pause',
	'reset',
	'curvesPlot',
	'fitPlot',
	'stepAxis',
	'errorAxis',
	'trainSeries',
	'validationSeries',
	'floor',
	'best',
	'truth',
	'model',
	'readout',
	'remark',
	'notStarted',
	'stepColumn',
	'trainColumn',
	'validationColumn',
	'gapColumn',
	'table',
	'training',
] as const;

export interface OverfitView extends WidgetView {
	curves: string;
	fit: string;
}

/** An error as the readouts write it: three significant digits. */
const err = (v: number) => String(Number(v.toPrecision(3)));
const tex = (v: number) => sciTex(v, 3);

function bestOf(curve: CurvePoint[]): CurvePoint {
	return curve.reduce((best, p) => (p.validation < best.validation ? p : best));
}

/** About ten rows: the curve every `every` steps, the best point and the last. */
function curveTable(curve: CurvePoint[], strings: ViewStrings): TableView {
	const last = curve.at(-1)!;
	const every = Math.max(10, Math.ceil(last.step / 10 / 10) * 10);
	const best = bestOf(curve);
	const rows = curve.filter((p) => p.step % every === 0 || p === best || p === last);
	return {
		colLabels: [strings.trainColumn ?? '', strings.validationColumn ?? '', strings.gapColumn ?? ''],
		rows: rows.map((p) => ({
			label: template(strings.stepColumn ?? '{{t}}', { t: p.step }),
			cells: [p.train, p.validation, p.validation - p.train].map((value) => ({ value, text: err(value) })),
		})),
	};
}

export function overfitView(result: OverfitResult, strings: ViewStrings): OverfitView {
	const { state, curve, data, theta, loss, config } = result;
	const now = curve.at(-1)!;
	const best = bestOf(curve);
	const floor = NOISE ** 2;
	const lambda = config.weightDecay;
	const penalty = lambda > 0 ? ` + \\frac{${tex(lambda)}}{2}\\left(\\lVert w\\rVert^2 + \\lVert v\\rVert^2\\right)` : '';
	const lossTex = [
		'\\begin{aligned}',
		`\\mathcal{L} &= \\frac{1}{${config.trainSize}} \\sum_{i=1}^{${config.trainSize}} (\\hat y_i - y_i)^2${penalty} = ${tex(loss.mse)}${lambda > 0 ? ` + ${tex(loss.penalty)} = ${tex(loss.total)}` : ''} \\\\`,
		`E_{\\text{val}} - E_{\\text{train}} &= ${tex(now.validation)} - ${tex(now.train)} = ${tex(now.validation - now.train)}`,
		'\\end{aligned}',
	].join(' ');
	return {
		heatmaps: {},
		formulas: {
			'of-formula': {
				tex: lossTex,
				data: { t: String(now.step), train: String(now.train), validation: String(now.validation), best: String(best.step) },
			},
		},
		tables: { 'of-curve': curveTable(curve, strings) },
		texts: {
			'of-readout':
				now.step === 0
					? (strings.notStarted ?? '')
					: template(strings.readout ?? '', { t: now.step, train: err(now.train), validation: err(now.validation), gap: err(now.validation - now.train) }),
			'of-remark': now.step === 0 ? '' : template(strings.remark ?? '', { t: best.step, best: err(best.validation), floor: err(floor) }),
		},
		notes: [],
		curves: curvesMarkup({
			series: [
				{ id: 'train', label: strings.trainSeries ?? '', points: curve.map((p) => [p.step, p.train]) },
				{ id: 'validation', label: strings.validationSeries ?? '', points: curve.map((p) => [p.step, p.validation]) },
			],
			steps: Math.max(500, state.steps),
			floor: { value: floor, label: template(strings.floor ?? '', { floor: err(floor) }) },
			mark: { step: best.step, value: best.validation, label: template(strings.best ?? '', { t: best.step }) },
			xLabel: strings.stepAxis ?? '',
			yLabel: strings.errorAxis ?? '',
		}),
		fit: fitMarkup({
			train: data.train,
			validation: data.validation,
			truth: trueFunction,
			model: (x) => predict(theta, config.hidden, x),
			labels: { truth: strings.truth ?? '', model: strings.model ?? '' },
		}),
	};
}
