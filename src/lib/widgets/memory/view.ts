/**
 * The memory calculator's view: state + result → the three formulas with the reader's numbers (weights, KV cache,
 * LoRA), readouts, bars of the weights in each format and of the total against one accelerator's memory, and the same
 * numbers as a table. Pure: the component renders it on the server for the first frame, the element in the browser.
 */
import { sciTex, sciText, countTex, typedTex } from '../../calculators/quantity';
import { BYTES_PER_GB } from '../../calculators/memory';
import { template } from '../../text/template';
import { barRowsView, type BarRowsView } from '../../viz/bar-rows';
import type { TableView } from '../../viz/table';
import type { FormulaView, ViewStrings, WidgetView } from '../view';
import { ACCELERATOR_MEMORY_BYTES, type MemoryResult } from './result';

export const MEMORY_STRINGS = [
	'title',
	'parameters',
	'precision',
	'layers',
	'width',
	'context',
	'batch',
	'kvBits',
	'dOut',
	'dIn',
	'rank',
	'matrices',
	'weightsGroup',
	'kvGroup',
	'loraGroup',
	'bars',
	'weightsBar',
	'kvBar',
	'totalBar',
	'limit',
	'bytesPerParameter',
	'memory',
	'fits',
	'needs',
	'loraReadout',
	'rankTooHigh',
] as const;

export interface MemoryView extends WidgetView {
	bars: BarRowsView;
}

/** Bytes as GB with three significant digits (14 GB, 1.07 GB, 3.5 × 10⁶ GB). */
export function gbText(bytes: number): string {
	return `${sciText(bytes / BYTES_PER_GB)} GB`;
}

const gbTex = (bytes: number) => `${sciTex(bytes / BYTES_PER_GB)}\\ \\text{GB}`;

const FORMAT_LABEL = { fp32: 'fp32', fp16: 'fp16 / bf16', int8: 'int8', int4: 'int4' } as const;

function memoryTable(result: MemoryResult, strings: ViewStrings): TableView {
	const rows = result.weights.map((w) => ({
		label: template(strings.weightsBar ?? '', { format: FORMAT_LABEL[w.id] }),
		cells: [
			{ value: w.bits / 8, text: String(w.bits / 8) },
			{ value: w.bytes / BYTES_PER_GB, text: sciText(w.bytes / BYTES_PER_GB) },
		],
	}));
	const empty = { value: NaN, text: '—' };
	rows.push({ label: strings.kvBar ?? '', cells: [empty, { value: result.kvBytes / BYTES_PER_GB, text: sciText(result.kvBytes / BYTES_PER_GB) }] });
	rows.push({
		label: template(strings.totalBar ?? '', { format: FORMAT_LABEL[result.state.precision] }),
		cells: [empty, { value: result.totalBytes / BYTES_PER_GB, text: sciText(result.totalBytes / BYTES_PER_GB) }],
	});
	return { colLabels: [strings.bytesPerParameter ?? '', strings.memory ?? ''], rows };
}

/** LoRA's formula and readout, or, for a rank no d_out × d_in matrix can have, the inequality it breaks and why. */
function loraView({ state, lora }: MemoryResult, strings: ViewStrings): { formula: FormulaView; readout: string } {
	const sum = `r\\,(d_{\\text{out}} + d_{\\text{in}})`;
	if ('rankTooHigh' in lora)
		return {
			formula: { tex: `r = ${typedTex(state.rank)} > \\min(d_{\\text{out}}, d_{\\text{in}}) = ${typedTex(lora.rankTooHigh)}`, data: { problem: 'rank' } },
			readout: template(strings.rankTooHigh ?? '', { r: state.rank.toLocaleString('en'), max: lora.rankTooHigh.toLocaleString('en') }),
		};
	const share = (100 * lora.perMatrix) / lora.matrixSize;
	const tex = `\\begin{aligned} ${sum} &= ${typedTex(state.rank)} \\times (${typedTex(state.dOut)} + ${typedTex(state.dIn)}) = ${countTex(lora.perMatrix)} \\\\ \\frac{${sum}}{d_{\\text{out}}\\,d_{\\text{in}}} &= \\frac{${countTex(lora.perMatrix)}}{${countTex(lora.matrixSize)}} \\approx ${sciTex(share)}\\% \\end{aligned}`;
	return {
		formula: { tex, data: { perMatrix: String(lora.perMatrix), share: String(share), total: String(lora.total) } },
		readout: template(strings.loraReadout ?? '', {
			m: state.matrices.toLocaleString('en'),
			total: sciText(lora.total),
			share: sciText((100 * lora.total) / state.parameters),
		}),
	};
}

export function memoryView(result: MemoryResult, strings: ViewStrings): MemoryView {
	const { state } = result;
	const bytes = typedTex(state.kvBits / 8);
	const weightsTex = `M_W = N \\cdot b_W = ${typedTex(state.parameters)} \\times ${typedTex(result.weights.find((w) => w.id === state.precision)!.bits / 8)}\\ \\text{B} = ${gbTex(result.chosenWeights)}`;
	const kvTex = `M_{\\text{KV}} = 2 \\cdot L \\cdot n \\cdot d \\cdot b \\cdot B = 2 \\times ${typedTex(state.layers)} \\times ${typedTex(state.context)} \\times ${typedTex(state.width)} \\times ${bytes}\\ \\text{B} \\times ${typedTex(state.batch)} \\approx ${gbTex(result.kvBytes)}`;
	const loraPart = loraView(result, strings);
	const bars = barRowsView(
		[
			...result.weights.map((w) => ({
				id: w.id,
				label: template(strings.weightsBar ?? '', { format: FORMAT_LABEL[w.id] }),
				value: w.bytes,
				text: gbText(w.bytes),
				kind: 'part' as const,
			})),
			{ id: 'kv', label: strings.kvBar ?? '', value: result.kvBytes, text: gbText(result.kvBytes), kind: 'part' },
			{
				id: 'total',
				label: template(strings.totalBar ?? '', { format: FORMAT_LABEL[state.precision] }),
				value: result.totalBytes,
				text: gbText(result.totalBytes),
				kind: 'total',
			},
		],
		{ value: ACCELERATOR_MEMORY_BYTES, label: strings.limit ?? '' },
	);
	const fit = template(strings[result.devices <= 1 ? 'fits' : 'needs'] ?? '', {
		total: gbText(result.totalBytes),
		format: FORMAT_LABEL[state.precision],
		devices: result.devices.toLocaleString('en'),
	});
	return {
		heatmaps: {},
		formulas: {
			'weights-formula': { tex: weightsTex, data: { bytes: String(result.chosenWeights) } },
			'kv-formula': { tex: kvTex, data: { bytes: String(result.kvBytes) } },
			'lora-formula': loraPart.formula,
		},
		tables: { memory: memoryTable(result, strings) },
		texts: {
			fit,
			'lora-readout': loraPart.readout,
		},
		notes: [],
		bars,
	};
}
