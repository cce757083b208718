/**
 * The gradient-descent widget's view: the contour lines of the chosen loss, the path the optimizer took, the last
 * update as a formula with its numbers (Adam's m, v and bias correction included), readouts, the divergence
 * explained, and the last steps as a table. Pure: the server renders it, the element applies it.
 */
import { contourMarkup, pathGeometry, toPixels, type PathGeometry } from '../../viz/contour-plot';
import { SURFACES } from '../../reference/loss-surfaces';
import type { StepDetail } from '../../reference/optimizers';
import { template } from '../../text/template';
import type { TableView } from '../../viz/table';
import { bareNum } from '../../viz/tex';
import { sciText } from '../../calculators/quantity';
import type { ViewStrings, WidgetView } from '../view';
import type { DescentResult } from './result';

export const DESCENT_STRINGS = [
	'title',
	'surface',
	'bowl',
	'valley',
	'rosenbrock',
	'noisy',
	'optimizer',
	'sgd',
	'momentum',
	'adam',
	'learningRate',
	'mu',
	'beta1',
	'beta2',
	'startX',
	'startY',
	'seed',
	'step',
	'play',
	'pause',
	'reset',
	'plot',
	'clickHint',
	'readout',
	'notStarted',
	'diverged',
	'divergedQuadratic',
	'stepColumn',
	'lossColumn',
] as const;

export interface DescentView extends WidgetView {
	contours: string;
	path: PathGeometry;
	minimum: [number, number];
}

const contourCache = new Map<string, string>();

/** The surface's contour markup, traced once per surface (it does not change with the run). */
function contoursOf(surfaceId: keyof typeof SURFACES): string {
	let markup = contourCache.get(surfaceId);
	if (!markup) {
		const surface = SURFACES[surfaceId];
		markup = contourMarkup({ loss: surface.loss, domain: surface.domain, levels: 14 });
		contourCache.set(surfaceId, markup);
	}
	return markup;
}

const vec = (v: readonly number[], digits = 3) => `\\begin{pmatrix} ${v.map((x) => bareNum(x, digits)).join(' \\\\ ')} \\end{pmatrix}`;

/** The last update with its numbers, in the form of the chapter's formula for the optimizer. */
export function updateTex(result: DescentResult, last: StepDetail | undefined): string {
	const { spec } = result;
	if (!last) return `\\theta_0 = ${vec([result.state.startX, result.state.startY])}`;
	const t = last.t;
	const eta = bareNum(spec.learningRate, 6);
	const g = `g_{${t}} &= \\nabla\\mathcal{L}(\\theta_{${t - 1}}) = ${vec(last.gradient)}`;
	if (spec.kind === 'sgd')
		return `\\begin{aligned} ${g} \\\\ \\theta_{${t}} &= \\theta_{${t - 1}} - \\eta\\, g_{${t}} = ${vec(last.before)} - ${eta}\\, ${vec(last.gradient)} = ${vec(last.after)} \\end{aligned}`;
	if (spec.kind === 'momentum') {
		const u = last.update.map((d) => -d / spec.learningRate);
		return `\\begin{aligned} ${g} \\\\ u_{${t}} &= \\mu\\, u_{${t - 1}} + g_{${t}} = ${vec(u)} \\\\ \\theta_{${t}} &= \\theta_{${t - 1}} - \\eta\\, u_{${t}} = ${vec(last.before)} - ${eta}\\, ${vec(u)} = ${vec(last.after)} \\end{aligned}`;
	}
	const m = last.mHat!.map((value) => value * (1 - spec.beta1 ** t));
	const v = last.vHat!.map((value) => value * (1 - spec.beta2 ** t));
	return `\\begin{aligned} ${g} \\\\ m_{${t}} &= \\beta_1 m_{${t - 1}} + (1 - \\beta_1)\\, g_{${t}} = ${vec(m, 4)}, \\quad v_{${t}} = \\beta_2 v_{${t - 1}} + (1 - \\beta_2)\\, g_{${t}}^2 = ${vec(v, 4)} \\\\ \\hat m_{${t}} &= \\frac{m_{${t}}}{1 - ${bareNum(spec.beta1, 4)}^{${t}}} = ${vec(last.mHat!, 4)}, \\quad \\hat v_{${t}} = \\frac{v_{${t}}}{1 - ${bareNum(spec.beta2, 5)}^{${t}}} = ${vec(last.vHat!, 4)} \\\\ \\theta_{${t}} &= \\theta_{${t - 1}} - \\eta\\, \\frac{\\hat m_{${t}}}{\\sqrt{\\hat v_{${t}}} + \\epsilon} = ${vec(last.before)} + ${vec(last.update, 4)} = ${vec(last.after)} \\end{aligned}`;
}

function stepsTable(result: DescentResult, strings: ViewStrings): TableView {
	const { path, losses } = result.run;
	const first = Math.max(0, path.length - 10);
	return {
		colLabels: ['θ₁', 'θ₂', strings.lossColumn ?? 'L'],
		rows: path.slice(first).map((p, i) => ({
			label: template(strings.stepColumn ?? '{{t}}', { t: first + i }),
			cells: [p[0], p[1], losses[first + i]!].map((value) => ({ value, text: String(Number(value.toPrecision(5))) })),
		})),
	};
}

/** A coordinate for the readout: four decimals, or a power of ten once a diverging run has left the plot far behind. */
function coordinate(value: number): string {
	return Math.abs(value) >= 1e4 ? sciText(value) : String(Number(value.toFixed(4)));
}

export function descentView(result: DescentResult, strings: ViewStrings): DescentView {
	const { state, run } = result;
	const surface = SURFACES[state.surface];
	const t = run.path.length - 1;
	const at = run.path.at(-1)!;
	let remark = '';
	if (run.divergedAt !== undefined) {
		const curvature = surface.maxCurvature;
		remark =
			state.optimizer === 'sgd' && curvature !== undefined
				? template(strings.divergedQuadratic ?? '', {
						t: run.divergedAt,
						eta: state.learningRate,
						lambda: curvature,
						limit: Number((2 / curvature).toPrecision(3)),
					})
				: template(strings.diverged ?? '', { t: run.divergedAt });
	}
	return {
		heatmaps: {},
		formulas: {
			'update-formula': {
				tex: updateTex(result, run.last),
				data: { t: String(t), x: String(at[0]), y: String(at[1]), loss: String(run.losses.at(-1)) },
			},
		},
		tables: { steps: stepsTable(result, strings) },
		texts: {
			readout:
				t === 0
					? (strings.notStarted ?? '')
					: template(strings.readout ?? '', { t, x: coordinate(at[0]), y: coordinate(at[1]), loss: sciText(run.losses.at(-1)!, 4) }),
			remark,
		},
		notes: [],
		contours: contoursOf(state.surface),
		path: pathGeometry(surface.domain, run.path),
		minimum: toPixels(surface.domain, surface.minimum),
	};
}
