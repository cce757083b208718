import type * as TF from '@tensorflow/tfjs-core';
import { cnnForward } from '../../compute/cnn';
import { MNIST_SIDE } from '../../data/mnist';
import { cnnWeightsFor } from '../../models/cnn-source';
import { READER_PROBLEM_STRINGS, ReaderModelProblem } from '../../models/reader-model-problem';
import type { CnnWeights } from '../../reference/cnn';
import type { Matrix } from '../../reference/matrix';
import { frameLikeMnist } from '../../reference/mnist-framing';
import { template } from '../../text/template';
import { paintTiles, tileAt } from '../../viz/feature-tiles';
import { gridCellAt, moveFocus } from '../dom';
import { DrawPad } from '../draw-pad';
import { loadMnistStrip } from '../conv/mnist-strip';
import { ModelChoice } from '../model-choice';
import { InputProblem, WidgetElement } from '../widget-element';
import { cnnLayersSpec, type CnnLayersState, type CnnStage } from './state';
import { cnnLayersView, type CnnLayersResult, type CnnLayersView, type StageView } from './view';

/** Arrow keys on a row of tiles: ±1 along it, ±`perRow` across rows; Home and End to the ends. */
function stepUnit(event: KeyboardEvent, unit: number, count: number, perRow: number): number | undefined {
	const moves: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -perRow, ArrowDown: perRow, Home: 1 - unit, End: count - unit };
	const move = moves[event.key];
	return move === undefined ? undefined : Math.max(1, Math.min(count, unit + move));
}

/** `<cnn-layers-widget>`: the trained CNN layer by layer. Maths in src/lib/compute and src/lib/reference, what to draw in ./view.ts. */
export class CnnLayersElement extends WidgetElement<CnnLayersState, CnnLayersResult, CnnLayersView> {
	private pad!: DrawPad;
	private last: CnnLayersView | undefined;
	/** The forward pass of the last input, reused while the reader only moves through the layers. */
	private cached: { key: string; weights: CnnWeights; result: CnnLayersResult } | undefined;
	private painted: CnnLayersResult['activations'] | undefined;
	private models!: ModelChoice;

	protected createSpec() {
		return cnnLayersSpec;
	}

	protected bindControls() {
		const on = { signal: this.signal };
		for (const button of this.querySelectorAll<HTMLButtonElement>('button[data-digit]'))
			button.addEventListener('click', () => this.commit({ digit: Number(button.dataset.digit) }), on);
		this.q<HTMLButtonElement>('clear').addEventListener('click', () => this.pad.clear(), on);
		for (const tiles of this.querySelectorAll<HTMLElement>('[data-stage]')) this.bindStage(tiles, tiles.dataset.stage as CnnStage);
		for (const bar of this.querySelectorAll<HTMLButtonElement>('button[data-class]'))
			bar.addEventListener('click', () => this.commit({ stage: 'output', digitClass: Number(bar.dataset.class) }), on);
		this.bindDetailMap();
		this.bindWeights();
		this.models = new ModelChoice(
			this,
			this.strings,
			(model) => this.commit({ model }),
			() => this.state.model === 'yours' && this.requestUpdate(),
			this.signal,
		);
		this.models.show(this.state.model);
		this.pad = new DrawPad(
			this.q<SVGSVGElement>('pad'),
			MNIST_SIDE,
			() => this.state.digit === -1,
			() => this.requestUpdate(),
			this.signal,
		);
	}

	/** A layer's tiles: a click opens the map under the pointer; arrow keys move through the maps. */
	private bindStage(element: HTMLElement, stage: CnnStage) {
		const on = { signal: this.signal };
		const layoutOf = () => this.last?.stages.find((s) => s.id === stage)?.layout;
		element.addEventListener(
			'click',
			(e) => {
				const layout = layoutOf();
				const box = element.getBoundingClientRect();
				const t = layout && box.width ? tileAt(layout, (e.clientX - box.left) / box.width, (e.clientY - box.top) / box.height) : undefined;
				if (t !== undefined) this.open(stage, t + 1);
			},
			on,
		);
		element.addEventListener(
			'keydown',
			(e) => {
				const layout = layoutOf();
				if (!layout) return;
				const current = this.state.stage === stage ? (this.last?.shown.unit ?? 1) : 1;
				const next = e.key === 'Enter' || e.key === ' ' ? current : stepUnit(e, current, layout.count, layout.perRow);
				if (next === undefined) return;
				e.preventDefault();
				this.open(stage, next, 'replace');
			},
			on,
		);
	}

	/** Opens map (or unit) `unit` of a layer, keeping the position and input channel where that layer has them. */
	private open(stage: CnnStage, unit: number, mode: 'push' | 'replace' = 'push') {
		// A layer of vectors (flatten, dense, output) has no positions: the position stays for the next layer that has.
		const side = this.sideOf(stage);
		const clamp = (v: number) => (side > 1 ? Math.max(0, Math.min(side - 1, v)) : v);
		const inChannels = { conv1: 1, conv2: 32, conv3: 64 }[stage as 'conv1'] ?? this.state.inChannel;
		this.commit(
			{ stage, unit, row: clamp(this.state.row), col: clamp(this.state.col), inChannel: Math.min(this.state.inChannel, inChannels) },
			stage === this.state.stage ? 'replace' : mode,
		);
	}

	private sideOf(stage: CnnStage): number {
		return this.last?.stages.find((s) => s.id === stage)?.maps.height ?? 1;
	}

	/** The detail's map: the position (conv, pool), the element or unit (flatten, dense) or the class moves with it. */
	private bindDetailMap() {
		const svg = this.q<SVGSVGElement>('detail-map');
		const on = { signal: this.signal };
		const move = (e: KeyboardEvent | PointerEvent) => {
			const detail = this.last?.detail;
			const shown = this.last?.shown;
			if (!detail || !shown) return;
			if (detail.kind === 'conv' || detail.kind === 'pool') {
				const cell = e instanceof KeyboardEvent ? moveFocus(e, shown, detail.mapSide) : gridCellAt(svg, e);
				if (!cell) return;
				e.preventDefault();
				if (cell.row !== shown.row || cell.col !== shown.col) this.commit(cell, 'replace');
			} else if (detail.kind === 'output') {
				const next = e instanceof KeyboardEvent ? stepUnit(e, shown.digitClass + 1, 10, 10) : gridCellAt(svg, e) && gridCellAt(svg, e)!.col + 1;
				if (next === undefined) return;
				e.preventDefault();
				this.commit({ digitClass: next - 1 }, 'replace');
			} else if (detail.kind === 'dense' && e instanceof KeyboardEvent) {
				const next = stepUnit(e, shown.unit, detail.units, 16);
				if (next === undefined) return;
				e.preventDefault();
				this.commit({ unit: next }, 'replace');
			} else if (detail.kind === 'flatten' && e instanceof KeyboardEvent) {
				const next = stepUnit(e, shown.unit, detail.units, 64);
				if (next === undefined) return;
				e.preventDefault();
				this.commit({ unit: next }, 'replace');
			}
		};
		svg.addEventListener('keydown', move, on);
		svg.addEventListener('pointerdown', move, on);
	}

	/** The kernels of a multi-channel convolution: a click or the arrow keys choose the input channel written out. */
	private bindWeights() {
		const svg = this.q<SVGSVGElement>('detail-weights');
		const on = { signal: this.signal };
		svg.addEventListener(
			'keydown',
			(e) => {
				const layout = this.last?.detail.weightsLayout;
				if (!layout || layout.count < 2) return;
				const next = stepUnit(e, this.last!.shown.inChannel, layout.count, layout.perRow);
				if (next === undefined) return;
				e.preventDefault();
				this.commit({ inChannel: next }, 'replace');
			},
			on,
		);
		svg.addEventListener(
			'pointerdown',
			(e) => {
				const layout = this.last?.detail.weightsLayout;
				const box = svg.getBoundingClientRect();
				const t = layout && layout.count > 1 && box.width ? tileAt(layout, (e.clientX - box.left) / box.width, (e.clientY - box.top) / box.height) : undefined;
				if (t !== undefined) this.commit({ inChannel: t + 1 }, 'replace');
			},
			on,
		);
	}

	protected syncControls() {
		const s = this.state;
		for (const button of this.querySelectorAll<HTMLButtonElement>('button[data-digit]'))
			button.setAttribute('aria-pressed', String(Number(button.dataset.digit) === s.digit));
		const drawMode = s.digit === -1;
		for (const role of ['clear', 'draw-help', 'pad-figure']) this.q<HTMLElement>(role).hidden = !drawMode;
		this.models?.show(s.model);
	}

	protected override prepareData() {
		// Both are fetched when the widget nears the viewport; a failure is reported by the first compute, which asks again.
		loadMnistStrip().catch(() => undefined);
		cnnWeightsFor('ours').catch(() => undefined);
	}

	/**
	 * The weights to show: the state's model, or the model trained by us with a note when the reader's cannot be shown
	 * (none kept yet, other layers, storage that cannot be read). A shipped model that cannot be loaded is a message.
	 */
	private async modelWeights(): Promise<{ weights: CnnWeights; model: string; note?: string }> {
		let note: string | undefined;
		if (this.state.model === 'yours')
			try {
				return await cnnWeightsFor('yours');
			} catch (error) {
				if (!(error instanceof ReaderModelProblem)) throw error;
				const key = READER_PROBLEM_STRINGS[error.kind];
				note = template(this.strings[key] ?? '{{why}}', { why: error.message });
			}
		try {
			return { ...(await cnnWeightsFor('ours')), ...(note ? { note } : {}) };
		} catch (error) {
			const why = error instanceof Error ? error.message : String(error);
			throw new InputProblem(template(this.strings.modelFailed ?? '{{why}}', { why }));
		}
	}

	private async inputImage(): Promise<{ key: string; image: Matrix }> {
		if (this.state.digit === -1) return { key: this.pad.pixels.flat().join(), image: frameLikeMnist(this.pad.pixels) };
		const digit = (await loadMnistStrip())[this.state.digit]!;
		return { key: `strip:${this.state.digit}`, image: digit.pixels };
	}

	protected async compute(tf: typeof TF): Promise<CnnLayersResult> {
		const { weights, model, note } = await this.modelWeights();
		this.dataset.model = model;
		const { key, image } = await this.inputImage();
		const drawing = this.state.digit === -1 ? { pixels: this.pad.pixels, cursor: this.pad.cursor } : null;
		if (this.cached?.key !== key || this.cached.weights !== weights) {
			const activations = await cnnForward(tf, weights, image);
			this.cached = { key, weights, result: { activations, weights, drawing } };
		}
		return { ...this.cached.result, drawing, ...(note ? { modelNote: note } : {}) };
	}

	protected view(result: CnnLayersResult) {
		return cnnLayersView(this.state, result, this.strings);
	}

	protected override applyExtras(view: CnnLayersView, result: CnnLayersResult) {
		this.last = view;
		// The tiles change only with a new input; moving through the layers leaves them as painted.
		if (this.painted !== result.activations) {
			this.painted = result.activations;
			paintTiles(this.q<HTMLCanvasElement>('input-canvas'), view.input.layout, view.input.maps, view.input.colour);
			for (const stage of view.stages) paintTiles(this.q<HTMLCanvasElement>(`canvas-${stage.id}`), stage.layout, stage.maps, stage.colour);
		}
		for (const stage of view.stages) this.showStage(stage);
		for (const bar of view.bars) {
			const button = this.querySelector<HTMLButtonElement>(`button[data-class="${bar.digit}"]`);
			if (!button) continue;
			button.setAttribute('aria-pressed', String(bar.selected));
			button.querySelector<HTMLElement>('.bar')!.style.inlineSize = `${bar.width}%`;
			button.querySelector<HTMLElement>('.p')!.textContent = bar.text;
		}
		const hasWeights = view.heatmaps['detail-weights']!.cells.length > 0;
		const weights = this.q<SVGSVGElement>('detail-weights');
		weights.toggleAttribute('hidden', !hasWeights);
		weights.setAttribute('tabindex', view.detail.inChannels > 1 ? '0' : '-1');
		this.dataset.layer = view.shown.stage;
	}

	private showStage(stage: StageView) {
		const tiles = this.q<HTMLElement>(`tiles-${stage.id}`);
		tiles.setAttribute('aria-label', stage.label);
		tiles.setAttribute('aria-valuenow', String(stage.selected ? this.last!.shown.unit : 1));
		const ring = tiles.querySelector<HTMLElement>('.tile-focus')!;
		ring.hidden = !stage.selected;
		if (stage.selected) {
			const { left, top, width, height } = stage.selected;
			ring.style.cssText = `left:${left}%;top:${top}%;width:${width}%;height:${height}%`;
		}
	}
}
