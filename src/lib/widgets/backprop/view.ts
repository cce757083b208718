/**
 * The backpropagation widget's view: the 2-3-1 network as a graph whose numbers follow the stage (the forward values,
 * the gradients on the way back, the weights after the step), the chosen parameter's gradient as the chain rule's
 * product with its numbers, readouts, and every unit and parameter in two tables. Pure: the server renders it, the
 * element applies it.
 */
import { sciTex, sciText } from '../../calculators/quantity';
import { template } from '../../text/template';
import { layerPositions, networkGraphMarkup, type GraphEdge, type GraphNode } from '../../viz/network-graph';
import type { TableView } from '../../viz/table';
import type { ViewStrings, WidgetView } from '../view';
import { placeOf, valueAt, type BackpropResult, type Place } from './result';
import { PARAMETERS, type ParameterId } from './state';

export const BACKPROP_STRINGS = [
	'title',
	'x1',
	'x2',
	'target',
	'learningRate',
	'weights',
	'stage',
	'forward',
	'backward',
	'update',
	'parameter',
	'takeStep',
	'reset',
	'graph',
	'inputHeader',
	'clickHint',
	'readoutForward',
	'readoutBackward',
	'readoutUpdate',
	'lossRose',
	'stepsTaken',
	'tooFar',
	'unitsTable',
	'parametersTable',
	'unitRow',
	'valueColumn',
	'factorsColumn',
	'gradientColumn',
	'nextColumn',
] as const;

export interface BackpropView extends WidgetView {
	graph: string;
	/** A parameter the step would carry out of range (the step is then refused), or undefined. */
	tooFar: ParameterId | undefined;
}

export const GRAPH_WIDTH = 440;
export const GRAPH_HEIGHT = 300;
export const GRAPH_VIEWBOX = `0 0 ${GRAPH_WIDTH} ${GRAPH_HEIGHT}`;

const SUB = '₀₁₂₃₄₅₆₇₈₉';
const sub = (n: number) => [...String(n)].map((d) => SUB[Number(d)]).join('');

/** A parameter's name as text (the graph, the tables, the menu): W⁽¹⁾₁₂, b⁽¹⁾₃, W⁽²⁾₂, b⁽²⁾. */
export function parameterText(id: ParameterId): string {
	const p = placeOf(id);
	if (p.kind === 'w1') return `W⁽¹⁾${sub(p.j + 1)}${sub(p.i + 1)}`;
	if (p.kind === 'b1') return `b⁽¹⁾${sub(p.j + 1)}`;
	if (p.kind === 'w2') return `W⁽²⁾${sub(p.j + 1)}`;
	return 'b⁽²⁾';
}

/** The same name in TeX. */
export function parameterTex(p: Place): string {
	if (p.kind === 'w1') return `W^{(1)}_{${p.j + 1}${p.i + 1}}`;
	if (p.kind === 'b1') return `b^{(1)}_{${p.j + 1}}`;
	if (p.kind === 'w2') return `W^{(2)}_{${p.j + 1}}`;
	return 'b^{(2)}';
}

/** A number on the graph and in the tables: three significant digits, a power of ten when tiny or huge. */
export const short = (value: number) => (value === 0 ? '0' : sciText(value, 3).replace(/^-/, '−'));
/** A number in a formula: four significant digits. */
const tex = (value: number) => sciTex(value, 4);
/** A factor in a product: negative ones in parentheses. */
const factor = (value: number) => (value < 0 ? `(${tex(value)})` : tex(value));
const vector = (values: readonly number[]) => `\\begin{pmatrix} ${values.map(tex).join(' \\\\ ')} \\end{pmatrix}`;

function forwardTex({ network, x, forward, state }: BackpropResult): string {
	const w1 = `\\begin{pmatrix} ${network.w1.map((row) => row.map(tex).join(' & ')).join(' \\\\ ')} \\end{pmatrix}`;
	const products = network.w2.map((w, j) => `${factor(w)} \\cdot ${tex(forward.h[j]!)}`).join(' + ');
	return [
		'\\begin{aligned}',
		`z &= W^{(1)} x + b^{(1)} = ${w1} ${vector(x)} + ${vector(network.b1)} = ${vector(forward.z)} \\\\`,
		`h &= \\sigma(z) = ${vector(forward.h)} \\\\`,
		`\\hat y &= W^{(2)} h + b^{(2)} = ${products} + ${factor(network.b2)} = ${tex(forward.output)} \\\\`,
		`\\mathcal{L} &= \\tfrac12 (\\hat y - y)^2 = \\tfrac12 (${tex(forward.output)} - ${factor(state.target)})^2 = ${tex(forward.loss)}`,
		'\\end{aligned}',
	].join(' ');
}

/** The chain rule's factors of the gradient at `p`: each as [symbol, partial derivative it is, value]. */
export function chainFactors(result: BackpropResult, p: Place): [string, string, number][] {
	const { grad, network, forward, x } = result;
	const out: [string, string, number] = ['(\\hat y - y)', '\\frac{\\partial \\mathcal{L}}{\\partial \\hat y}', grad.dOutput];
	if (p.kind === 'b2') return [out];
	const j = p.j + 1;
	if (p.kind === 'w2') return [out, [`h_{${j}}`, `\\frac{\\partial \\hat y}{\\partial W^{(2)}_{${j}}}`, forward.h[p.j]!]];
	const back: [string, string, number][] = [
		out,
		[`W^{(2)}_{${j}}`, `\\frac{\\partial \\hat y}{\\partial h_{${j}}}`, network.w2[p.j]!],
		[`h_{${j}}(1 - h_{${j}})`, `\\frac{\\partial h_{${j}}}{\\partial z_{${j}}}`, grad.slope[p.j]!],
	];
	if (p.kind === 'b1') return back;
	return [...back, [`x_{${p.i + 1}}`, `\\frac{\\partial z_{${j}}}{\\partial W^{(1)}_{${j}${p.i + 1}}}`, x[p.i]!]];
}

function backwardTex(result: BackpropResult, p: Place): string {
	const factors = chainFactors(result, p);
	const name = parameterTex(p);
	return [
		'\\begin{aligned}',
		`\\frac{\\partial \\mathcal{L}}{\\partial ${name}} &= ${factors.map(([, partial]) => partial).join(' \\cdot ')} \\\\`,
		`&= ${factors.map(([symbol]) => symbol).join(' \\cdot ')} \\\\`,
		`&= ${factors.map(([, , value]) => factor(value)).join(' \\cdot ')} = ${tex(valueAt(result.grad, p))}`,
		'\\end{aligned}',
	].join(' ');
}

function updateTex(result: BackpropResult, p: Place): string {
	const name = parameterTex(p);
	const eta = tex(result.state.learningRate);
	return [
		'\\begin{aligned}',
		`${name} &\\leftarrow ${name} - \\eta\\, \\frac{\\partial \\mathcal{L}}{\\partial ${name}} \\\\`,
		`&= ${tex(valueAt(result.network, p))} - ${eta} \\cdot ${factor(valueAt(result.grad, p))} = ${tex(valueAt(result.next, p))} \\\\`,
		`\\mathcal{L} &: ${tex(result.forward.loss)} \\to ${tex(result.nextForward.loss)}`,
		'\\end{aligned}',
	].join(' ');
}

const strongest = (values: number[]) => Math.max(1e-12, ...values.map(Math.abs));

/** The graph's nodes and edges at the stage: forward values, gradients, or the network after the step. */
function graphMarkup(result: BackpropResult, strings: ViewStrings): string {
	const { state, grad } = result;
	const stage = state.stage;
	const back = stage === 'backward';
	const net = stage === 'update' ? result.next : result.network;
	const f = stage === 'update' ? result.nextForward : result.forward;
	const [inputs = [], hidden = [], [output] = []] = layerPositions([2, 3, 1], GRAPH_WIDTH - 40, GRAPH_HEIGHT / 2 + 4, 92, 56);
	const shown = (id: ParameterId) => (back ? valueAt(grad, placeOf(id)) : valueAt(net, placeOf(id)));
	const bias = (id: ParameterId) => ({ text: `${back ? '∂L/∂b' : 'b'} = ${short(shown(id))}`, param: id });
	const edgeIds = PARAMETERS.filter((id) => id.startsWith('w'));
	const scale = strongest(edgeIds.map(shown));
	const nodes: GraphNode[] = [
		...inputs.map(([x, y], i) => ({ id: `x${i + 1}`, x, y, value: short(result.x[i]!), captions: [{ text: `x${sub(i + 1)}` }] })),
		...hidden.map(([x, y], j) => ({
			id: `h${j + 1}`,
			x,
			y,
			value: short(back ? grad.dZ[j]! : f.h[j]!),
			captions: [{ text: back ? `σ′(z${sub(j + 1)}) = ${short(grad.slope[j]!)}` : `z${sub(j + 1)} = ${short(f.z[j]!)}` }, bias(`b1_${j + 1}` as ParameterId)],
		})),
		{
			id: 'y',
			x: output![0],
			y: output![1],
			value: short(back ? grad.dOutput : f.output),
			captions: [{ text: stage === 'update' ? `L: ${short(result.forward.loss)} → ${short(f.loss)}` : `L = ${short(f.loss)}` }, bias('b2')],
		},
	];
	const headers = [
		{ x: inputs[0]![0], text: strings.inputHeader ?? 'x' },
		{ x: hidden[0]![0], text: back ? '∂L/∂z' : 'h = σ(z)' },
		{ x: output![0], text: back ? '∂L/∂ŷ = ŷ − y' : 'ŷ' },
	];
	const edges: GraphEdge[] = edgeIds.map((id) => {
		const p = placeOf(id);
		const value = shown(id);
		return {
			from: p.kind === 'w1' ? `x${p.i + 1}` : `h${(p as { j: number }).j + 1}`,
			to: p.kind === 'w1' ? `h${p.j + 1}` : 'y',
			param: id,
			label: short(value),
			sign: value,
			strength: Math.abs(value) / scale,
			labelAt: p.kind === 'w1' ? 0.6 : 0.45,
		};
	});
	return networkGraphMarkup(headers, nodes, edges, state.selected);
}

const cell = (value: number, text = short(value)) => ({ value, text });

function unitsTable(result: BackpropResult, strings: ViewStrings): TableView {
	const { forward, grad } = result;
	return {
		colLabels: ['z', 'h = σ(z)', 'σ′(z) = h(1 − h)', '∂L/∂z'],
		rows: [0, 1, 2].map((j) => ({
			label: template(strings.unitRow ?? '{{j}}', { j: j + 1 }),
			cells: [cell(forward.z[j]!), cell(forward.h[j]!), cell(grad.slope[j]!), cell(grad.dZ[j]!)],
		})),
	};
}

function parametersTable(result: BackpropResult, strings: ViewStrings): TableView {
	return {
		colLabels: [strings.valueColumn ?? 'θ', strings.factorsColumn ?? '', strings.gradientColumn ?? '∂L/∂θ', strings.nextColumn ?? ''],
		rows: PARAMETERS.map((id) => {
			const p = placeOf(id);
			const gradient = valueAt(result.grad, p);
			const factors = chainFactors(result, p).map(([, , value]) => (value < 0 ? `(${short(value)})` : short(value)));
			return {
				label: parameterText(id),
				cells: [cell(valueAt(result.network, p)), cell(gradient, factors.join(' × ')), cell(gradient), cell(valueAt(result.next, p))],
			};
		}),
	};
}

/** The first parameter that one step would carry out of [−1000, 1000], if any. */
function outOfRange(result: BackpropResult, limit: number): ParameterId | undefined {
	return PARAMETERS.find((id) => !(Math.abs(valueAt(result.next, placeOf(id))) <= limit));
}

export function backpropView(result: BackpropResult, strings: ViewStrings, limit: number): BackpropView {
	const { state, forward, grad, nextForward } = result;
	const p = placeOf(state.selected);
	const tooFar = outOfRange(result, limit);
	const largest = PARAMETERS.reduce((a, b) => (Math.abs(valueAt(grad, placeOf(b))) > Math.abs(valueAt(grad, placeOf(a))) ? b : a));
	const readouts = {
		forward: template(strings.readoutForward ?? '', { output: short(forward.output), target: short(state.target), loss: short(forward.loss) }),
		backward: template(strings.readoutBackward ?? '', { d: short(grad.dOutput), param: parameterText(largest), g: short(valueAt(grad, placeOf(largest))) }),
		update:
			template(strings.readoutUpdate ?? '', { eta: short(state.learningRate), before: short(forward.loss), after: short(nextForward.loss) }) +
			(nextForward.loss > forward.loss ? ` ${strings.lossRose ?? ''}` : ''),
	};
	const formula = { forward: forwardTex(result), backward: backwardTex(result, p), update: updateTex(result, p) }[state.stage];
	return {
		heatmaps: {},
		formulas: {
			'bp-formula': {
				tex: formula,
				data: {
					stage: state.stage,
					param: state.selected,
					value: String(valueAt(result.network, p)),
					gradient: String(valueAt(grad, p)),
					next: String(valueAt(result.next, p)),
					loss: String(forward.loss),
					after: String(nextForward.loss),
				},
			},
		},
		tables: { 'bp-units': unitsTable(result, strings), 'bp-parameters': parametersTable(result, strings) },
		texts: {
			'bp-readout': readouts[state.stage],
			'bp-remark': [
				state.steps > 0 ? template(strings.stepsTaken ?? '', { t: state.steps }) : '',
				tooFar ? template(strings.tooFar ?? '', { param: parameterText(tooFar), eta: short(state.learningRate), limit: short(limit) }) : '',
			]
				.filter(Boolean)
				.join(' '),
		},
		notes: [],
		graph: graphMarkup(result, strings),
		tooFar,
	};
}
