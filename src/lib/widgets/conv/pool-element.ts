import type * as TF from '@tensorflow/tfjs-core';
import * as kernels from '../../compute/kernels';
import { poolWindow } from '../../reference/pooling';
import type { Matrix } from '../../reference/matrix';
import { divergingScale, maxAbs } from '../../viz/colour';
import { drawHeatmap, drawOutline } from '../../viz/heatmap';
import { poolCellTex } from '../../viz/tex';
import { readState, writeState } from '../url-state';
import { InputProblem, WidgetElement } from '../widget-element';
import { bindBackendControl, fillDataTable, gridCellAt, moveFocus, template } from '../dom';
import { poolSpec, type PoolState } from './state';
import { FEATURE_MAP_EVENT, type FeatureMapDetail } from './events';
import { showFormula } from '../formula';

interface PoolResult {
	featureMap: Matrix;
	pooled: Matrix;
}

/** `<pool-widget>`: pools the feature map the convolution widget on the page last produced. */
export class PoolingElement extends WidgetElement<PoolResult> {
	private state!: PoolState;
	private featureMap: Matrix | undefined;
	private strings: Record<string, string> = {};

	private q<T extends Element>(role: string): T {
		return this.querySelector<T>(`[data-role="${role}"]`)!;
	}

	protected bindControls() {
		this.strings = JSON.parse(this.q<HTMLScriptElement>('strings').textContent ?? '{}');
		this.loadStateFromUrl();
		addEventListener('popstate', () => {
			this.loadStateFromUrl();
			this.requestUpdate();
		});
		bindBackendControl(this);
		document.addEventListener(FEATURE_MAP_EVENT, (e) => {
			this.featureMap = (e as CustomEvent<FeatureMapDetail>).detail.featureMap;
			this.requestUpdate();
		});
		this.q<HTMLSelectElement>('mode').addEventListener('change', (e) =>
			this.commit({ mode: (e.target as HTMLSelectElement).value === 'avg' ? 'avg' : 'max' }),
		);
		this.q<HTMLSelectElement>('window').addEventListener('change', (e) => this.commit({ window: Number((e.target as HTMLSelectElement).value) }));
		this.q<HTMLSelectElement>('stride').addEventListener('change', (e) => this.commit({ stride: Number((e.target as HTMLSelectElement).value) }));
		const svg = this.q<SVGSVGElement>('output');
		svg.addEventListener('pointermove', (e) => {
			const cell = gridCellAt(svg, e);
			if (cell && (cell.row !== this.state.row || cell.col !== this.state.col)) this.commit(cell, 'replace');
		});
		svg.addEventListener('keydown', (e) => {
			const n = svg.viewBox.baseVal.width;
			const next = moveFocus(e, this.state, n);
			if (next) {
				e.preventDefault();
				this.commit(next, 'replace');
			}
		});
	}

	private loadStateFromUrl() {
		const { state, problems } = readState(poolSpec, new URLSearchParams(location.search));
		this.state = state;
		this.q<HTMLSelectElement>('mode').value = state.mode;
		this.q<HTMLSelectElement>('window').value = String(state.window);
		this.q<HTMLSelectElement>('stride').value = String(state.stride);
		if (problems.length) this.noteUrlProblems(template(this.strings.urlIgnored!, { list: problems.join('; ') }));
	}

	private commit(change: Partial<PoolState>, mode: 'push' | 'replace' = 'push') {
		this.state = { ...this.state, ...change };
		this.forgetUrlProblems();
		writeState(poolSpec, this.state, mode);
		this.requestUpdate();
	}

	protected async compute(tf: typeof TF): Promise<PoolResult> {
		// Before the convolution widget has computed, pool its server-rendered default map.
		this.featureMap ??= (document.querySelector('conv-widget') as { featureMap?: Matrix } | null)?.featureMap;
		const featureMap = this.featureMap ?? (await this.defaultFeatureMap());
		const size = featureMap.length;
		if (this.state.window > size) throw new InputProblem(template(this.strings.tooLarge!, { window: this.state.window, size }));
		this.clearInputProblem();
		const pooled = await kernels.pool2d(tf, featureMap, { mode: this.state.mode, window: this.state.window, stride: this.state.stride });
		return { featureMap, pooled };
	}

	/** Without a convolution widget on the page, pool the default digit's default feature map. */
	private async defaultFeatureMap(): Promise<Matrix> {
		const [{ decodeMnistStrip, MNIST_STRIP_URL }, { defaultConvFrame }] = await Promise.all([import('../../data/mnist'), import('./default-frame')]);
		const bytes = new Uint8Array(await (await fetch(MNIST_STRIP_URL)).arrayBuffer());
		return defaultConvFrame(decodeMnistStrip(bytes)).output;
	}

	protected render({ featureMap, pooled }: PoolResult) {
		const s = this.state;
		const n = pooled.length;
		const row = Math.min(s.row, n - 1);
		const col = Math.min(s.col, n - 1);
		const scale = divergingScale(maxAbs(featureMap));
		const inputSvg = this.q<SVGSVGElement>('input');
		const outputSvg = this.q<SVGSVGElement>('output');
		drawHeatmap(inputSvg, featureMap, scale);
		drawHeatmap(outputSvg, pooled, scale);
		drawOutline(inputSvg, 'field', { row: row * s.stride, col: col * s.stride, h: s.window, w: s.window });
		drawOutline(outputSvg, 'focus', { row, col, h: 1, w: 1 });
		const values = poolWindow(featureMap, row, col, { mode: s.mode, window: s.window, stride: s.stride }).map((c) => c.value);
		const formula = this.q<HTMLElement>('cell-formula');
		showFormula(formula, poolCellTex(s.mode, values, pooled[row]![col]!, row, col));
		formula.dataset.value = String(pooled[row]![col]);
		this.q<HTMLElement>('output-size').textContent = `${n}×${n}`;
		fillDataTable(this.q<HTMLTableElement>('data-table'), pooled);
	}
}
