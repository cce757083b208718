/**
 * The cost comparison's view: state + result → the API's bill, the self-hosted rates (upper bounds) and bill, each as
 * a formula with the reader's numbers, a readout of which is cheaper and from what volume, and a log–log plot of the
 * monthly cost against the monthly tokens for both. Pure: the server renders it, the element applies it.
 */
import { HOURS_PER_MONTH, selfHostedAt } from '../../calculators/serving-cost';
import { countTex, sciTex, sciText, typedTex } from '../../calculators/quantity';
import { template } from '../../text/template';
import { logPlotView, type LogPlotView, type PlotMark, type PlotPath, type PowerLine } from '../../viz/log-plot';
import type { ViewStrings, WidgetView } from '../view';
import type { CostResult } from './result';

export const COST_STRINGS = [
	'title',
	'volumeGroup',
	'inputTokens',
	'outputTokens',
	'apiGroup',
	'apiInputPrice',
	'apiOutputPrice',
	'selfGroup',
	'parameters',
	'bits',
	'accelerator',
	'hourlyPrice',
	'batch',
	'utilisation',
	'plot',
	'xLabel',
	'yLabel',
	'apiLine',
	'selfLine',
	'you',
	'writeMemory',
	'writeCompute',
	'cheaperApi',
	'cheaperSelf',
	'breakEven',
	'neverCheaper',
	'noTokens',
	'monthColumn',
	'perMillionColumn',
	'busyColumn',
	'selfRow',
	'bound',
] as const;

export interface CostView extends WidgetView {
	plot: LogPlotView;
}

const dollars = (v: number) => `US$${v >= 1e6 ? sciText(v) : Math.round(v).toLocaleString('en')}`;
const dollarsTex = (v: number) => `\\$${v >= 1e6 ? sciTex(v) : countTex(Math.round(v))}`;

function plotSpec(result: CostResult, strings: ViewStrings): Parameters<typeof logPlotView>[0] {
	const { cost, tokens } = result;
	const apiRate = cost.apiPerMillion / 1e6; // dollars per token at this mix
	const capacity = cost.replicaCapacity;
	const x: [number, number] = [Math.min(1e6, tokens / 10), Math.max(1e12, tokens * 10)];
	const costs = [apiRate * x[0], apiRate * x[1], cost.replicaMonth, selfHostedAt(x[1], cost)].filter((v) => v > 0);
	const y: [number, number] = [Math.max(1e-2, Math.min(...costs) / 3), Math.max(10, ...costs) * 3];
	const lines: PowerLine[] = apiRate > 0 ? [{ id: 'api', coefficient: apiRate, exponent: 1, label: strings.apiLine ?? '', kind: 'ratio' }] : [];
	const steps: [number, number][] = [[x[0], cost.replicaMonth]];
	// One step per further copy while the steps can be seen; past 40 the staircase is drawn as the line it approaches.
	for (let k = 1; k <= 40 && k * capacity < x[1]; k++) steps.push([k * capacity, k * cost.replicaMonth], [k * capacity, (k + 1) * cost.replicaMonth]);
	steps.push([x[1], selfHostedAt(x[1], cost)]);
	const paths: PlotPath[] =
		cost.replicaMonth > 0 ? [{ id: 'self', points: steps, label: template(strings.selfLine ?? '', { g: cost.perReplica, hw: result.accelerator.name }) }] : [];
	const marks: PlotMark[] = [];
	if (cost.api > 0) marks.push({ id: 'api-you', x: tokens, y: cost.api, label: strings.you ?? '', kind: 'known' });
	if (cost.selfHosted > 0) marks.push({ id: 'self-you', x: tokens, y: cost.selfHosted, label: strings.you ?? '', kind: 'yours' });
	return { x: { domain: x, label: strings.xLabel ?? '' }, y: { domain: y, label: strings.yLabel ?? '' }, lines, marks, paths };
}

export function costView(result: CostResult, strings: ViewStrings): CostView {
	const { state, cost, accelerator } = result;
	const apiTex = `\\text{API} = \\frac{V_{\\text{in}}\\,p_{\\text{in}} + V_{\\text{out}}\\,p_{\\text{out}}}{10^6} = \\frac{${typedTex(state.inputTokens)} \\times ${typedTex(state.apiInputPrice)} + ${typedTex(state.outputTokens)} \\times ${typedTex(state.apiOutputPrice)}}{10^6} = ${dollarsTex(cost.api)}`;
	const g = cost.perReplica;
	const fgu = `${g} \\times ${sciTex(accelerator.peakFlops)} \\times ${typedTex(state.utilisation / 100)}`;
	const weightBytes = (state.parameters * state.bits) / 8;
	const memoryMs = (1000 * weightBytes) / (g * accelerator.bandwidth);
	const computeMs = (1000 * state.batch * 2 * state.parameters) / (g * accelerator.peakFlops * (state.utilisation / 100));
	const rateTex = `\\begin{aligned} R_{\\text{in}} &\\le \\frac{G\\,F\\,u}{2N} = \\frac{${fgu}}{2 \\times ${typedTex(state.parameters)}} \\approx ${sciTex(cost.readRate)}\\ \\text{tokens/s} \\\\ R_{\\text{out}} &\\le \\frac{B}{\\max\\!\\left(\\frac{N\\,b_W}{G\\,W},\\ \\frac{2NB}{G\\,F\\,u}\\right)} = \\frac{${typedTex(state.batch)}}{\\max(${sciTex(memoryMs)}\\ \\text{ms},\\ ${sciTex(computeMs)}\\ \\text{ms})} \\approx ${sciTex(cost.writeRate)}\\ \\text{tokens/s} \\end{aligned}`;
	const hours = cost.busySeconds / 3600;
	const selfTex = `\\begin{aligned} \\text{self} &= \\left\\lceil \\frac{T}{${HOURS_PER_MONTH}\\ \\text{h}} \\right\\rceil G \\cdot ${HOURS_PER_MONTH}\\ \\text{h} \\cdot p_{\\text{h}} = ${countTex(cost.replicas)} \\times ${g} \\times ${HOURS_PER_MONTH} \\times ${typedTex(state.hourlyPrice)} = ${dollarsTex(cost.selfHosted)} \\\\ T &= \\frac{V_{\\text{in}}}{R_{\\text{in}}} + \\frac{V_{\\text{out}}}{R_{\\text{out}}} \\approx ${sciTex(hours)}\\ \\text{h} \\end{aligned}`;
	const cheaper = cost.api <= cost.selfHosted ? 'cheaperApi' : 'cheaperSelf';
	const values = {
		api: dollars(cost.api),
		self: dollars(cost.selfHosted),
		g: g * cost.replicas,
		hw: accelerator.name,
		busy: sciText(100 * cost.busyShare),
		tokens: sciText(cost.breakEvenTokens ?? 0),
		capacity: sciText(cost.replicaCapacity),
		apiPer: sciText(cost.apiPerMillion),
		selfPer: sciText(cost.selfPerMillionBusy),
		weights: sciText(weightBytes / 1e9),
	};
	const sentences = [
		template(strings[cheaper] ?? '', values),
		template(strings[cost.breakEvenTokens === undefined ? 'neverCheaper' : 'breakEven'] ?? '', values),
	];
	return {
		heatmaps: {},
		formulas: {
			'api-formula': { tex: apiTex, data: { dollars: String(cost.api) } },
			'rate-formula': { tex: rateTex, data: { read: String(cost.readRate), write: String(cost.writeRate) } },
			'self-formula': { tex: selfTex, data: { dollars: String(cost.selfHosted), replicas: String(cost.replicas), hours: String(hours) } },
		},
		tables: {
			costs: {
				colLabels: [strings.monthColumn ?? '', strings.perMillionColumn ?? '', strings.busyColumn ?? ''],
				rows: [
					{ label: strings.apiLine ?? '', cells: [cost.api, cost.apiPerMillion, cost.apiPerMillion].map((value) => ({ value, text: sciText(value) })) },
					{
						label: strings.selfRow ?? '',
						cells: [cost.selfHosted, (cost.selfHosted / result.tokens) * 1e6, cost.selfPerMillionBusy].map((value) => ({ value, text: sciText(value) })),
					},
				],
			},
		},
		texts: {
			'write-bound': template(strings[cost.writeBoundBy === 'memory' ? 'writeMemory' : 'writeCompute'] ?? '', values),
			verdict: sentences.join(' '),
		},
		notes: [],
		plot: logPlotView(plotSpec(result, strings)),
	};
}
