/**
 * The scaling calculator's view: state + result → formulas with the reader's numbers, readouts, the log–log plot of
 * N against D with the chapter's runs, and the same points as a table. Pure: the component renders it on the server
 * for the first frame and the element applies it in the browser.
 */
import { EU_SYSTEMIC_RISK_FLOPS, KNOWN_RUNS } from '../../calculators/scaling';
import { sciTex, sciText, typedTex } from '../../calculators/quantity';
import { template } from '../../text/template';
import { logPlotView, powerOfTen, type LogPlotView, type PlotMark, type PowerLine } from '../../viz/log-plot';
import type { TableView } from '../../viz/table';
import type { ViewStrings, WidgetView } from '../view';
import type { ScalingResult } from './result';

export const SCALING_STRINGS = [
	'title',
	'given',
	'givenModel',
	'givenBudget',
	'parameters',
	'tokens',
	'budget',
	'ratio',
	'accelerator',
	'count',
	'utilisation',
	'pue',
	'plot',
	'xLabel',
	'yLabel',
	'lineRatio',
	'lineEu',
	'markYours',
	'markOptimal',
	'run',
	'tokensPerParameter',
	'computeColumn',
	'seconds',
	'minutes',
	'hours',
	'days',
	'years',
	'timeReadout',
	'energyReadout',
	'split',
	'aboveEu',
] as const;

export interface ScalingView extends WidgetView {
	plot: LogPlotView;
}

/** A duration in the largest unit that keeps it readable (“16.8 days”, “3.2 years”). */
export function durationText(seconds: number, strings: ViewStrings): string {
	const units: [limit: number, size: number, key: string][] = [
		[120, 1, 'seconds'],
		[2 * 3600, 60, 'minutes'],
		[48 * 3600, 3600, 'hours'],
		[730 * 86400, 86400, 'days'],
		[Infinity, 365.25 * 86400, 'years'],
	];
	const [, size, key] = units.find(([limit]) => seconds < limit)!;
	return template(strings[key] ?? `{{n}} ${key}`, { n: sciText(seconds / size) });
}

function plotSpec(result: ScalingResult, strings: ViewStrings): Parameters<typeof logPlotView>[0] {
	const { state, compute, optimal } = result;
	const yours = state.given === 'model' ? { parameters: state.parameters, tokens: state.tokens } : optimal;
	const span = (lo: number, hi: number, values: number[]): [number, number] => [
		Math.min(lo, ...values.map((v) => v / 3)),
		Math.max(hi, ...values.map((v) => v * 3)),
	];
	const x = span(1e8, 1e13, [yours.parameters, optimal.parameters]);
	const y = span(1e9, 1e14, [yours.tokens, optimal.tokens]);
	const guides: PowerLine[] = [19, 21, 23, 27, 29].map((e) => ({
		id: `c1e${e}`,
		coefficient: 10 ** e / 6,
		exponent: -1,
		label: `${powerOfTen(e)} FLOPs`,
		kind: 'guide',
	}));
	const lines: PowerLine[] = [
		...guides,
		{ id: 'eu', coefficient: EU_SYSTEMIC_RISK_FLOPS / 6, exponent: -1, label: strings.lineEu ?? '', kind: 'threshold' },
		{ id: 'ratio', coefficient: state.ratio, exponent: 1, label: template(strings.lineRatio ?? '', { r: sciText(state.ratio) }), kind: 'ratio' },
		{ id: 'yours', coefficient: compute / 6, exponent: -1, label: '', kind: 'yours' },
	];
	const marks: PlotMark[] = KNOWN_RUNS.map((run) => ({ id: run.id, x: run.parameters, y: run.tokens, label: run.name, kind: 'known' }));
	marks.push({ id: 'optimal', x: optimal.parameters, y: optimal.tokens, label: strings.markOptimal ?? '', kind: 'optimal' });
	if (state.given === 'model') marks.push({ id: 'yours', x: state.parameters, y: state.tokens, label: strings.markYours ?? '', kind: 'yours' });
	return { x: { domain: x, label: strings.xLabel ?? '' }, y: { domain: y, label: strings.yLabel ?? '' }, lines, marks };
}

function runsTable(result: ScalingResult, strings: ViewStrings): TableView {
	const row = (label: string, n: number, d: number) => ({
		label,
		cells: [n, d, d / n, 6 * n * d].map((value) => ({ value, text: sciText(value) })),
	});
	const rows = KNOWN_RUNS.map((run) => row(run.name, run.parameters, run.tokens));
	if (result.state.given === 'model') rows.push(row(strings.markYours ?? '', result.state.parameters, result.state.tokens));
	rows.push(row(strings.markOptimal ?? '', result.optimal.parameters, result.optimal.tokens));
	return { colLabels: ['N', 'D', strings.tokensPerParameter ?? 'D/N', strings.computeColumn ?? '6ND'], rows };
}

export function scalingView(result: ScalingResult, strings: ViewStrings): ScalingView {
	const { state, compute, optimal, accelerator, seconds } = result;
	const c = sciTex(compute);
	const computeTex =
		state.given === 'model'
			? `C \\approx 6ND = 6 \\times ${typedTex(state.parameters)} \\times ${typedTex(state.tokens)} \\approx ${c}\\ \\text{FLOPs}`
			: `C = ${typedTex(compute)}\\ \\text{FLOPs}`;
	const optimalTex = `\\begin{aligned} N_{\\text{opt}} &= \\sqrt{\\frac{C}{6r}} = \\sqrt{\\frac{${c}}{6 \\times ${typedTex(state.ratio)}}} \\approx ${sciTex(optimal.parameters)} \\\\ D_{\\text{opt}} &= r\\,N_{\\text{opt}} \\approx ${sciTex(optimal.tokens)} \\end{aligned}`;
	const u = state.utilisation / 100;
	const timeTex = `t = \\frac{C}{n\\,F\\,u} = \\frac{${c}}{${typedTex(state.count)} \\times ${sciTex(accelerator.peakFlops)} \\times ${typedTex(u)}} \\approx ${sciTex(seconds)}\\ \\text{s}`;
	const power = state.count * accelerator.watts;
	const energyTex = `E = \\mathrm{PUE}\\cdot P\\cdot t = ${typedTex(state.pue)} \\times ${sciTex(power)}\\ \\text{W} \\times ${sciTex(seconds)}\\ \\text{s} \\approx ${sciTex(result.kilowattHours)}\\ \\text{kWh}`;
	const split =
		state.given === 'model'
			? template(strings.split ?? '', {
					ratio: sciText(state.tokens / state.parameters),
					r: sciText(state.ratio),
					n: sciText(optimal.parameters),
					d: sciText(optimal.tokens),
				})
			: '';
	return {
		heatmaps: {},
		formulas: {
			'compute-formula': { tex: computeTex, data: { compute: String(compute) } },
			'optimal-formula': { tex: optimalTex, data: { parameters: String(optimal.parameters), tokens: String(optimal.tokens) } },
			'time-formula': { tex: timeTex, data: { seconds: String(seconds), deviceHours: String(result.deviceHours) } },
			'energy-formula': { tex: energyTex, data: { joules: String(result.joules), kilowattHours: String(result.kilowattHours) } },
		},
		tables: { runs: runsTable(result, strings) },
		texts: {
			split,
			'time-readout': template(strings.timeReadout ?? '', {
				duration: durationText(seconds, strings),
				count: state.count.toLocaleString('en'),
				accelerator: accelerator.name,
				hours: sciText(result.deviceHours),
			}),
			'energy-readout': template(strings.energyReadout ?? '', {
				energy: energyText(result.kilowattHours),
				count: state.count.toLocaleString('en'),
				watts: accelerator.watts,
				power: sciText(power),
			}),
			'eu-remark': compute > EU_SYSTEMIC_RISK_FLOPS ? template(strings.aboveEu ?? '', { c: sciText(compute) }) : '',
		},
		notes: [],
		plot: logPlotView(plotSpec(result, strings)),
	};
}

/** kWh in the unit that keeps it readable: kWh, MWh or GWh. */
export function energyText(kilowattHours: number): string {
	if (kilowattHours >= 1e6) return `${sciText(kilowattHours / 1e6)} GWh`;
	if (kilowattHours >= 1e3) return `${sciText(kilowattHours / 1e3)} MWh`;
	return `${sciText(kilowattHours)} kWh`;
}
