/**
 * The output panel of a cell: console lines, the last expression's value, errors with their position in the
 * reader's code, live line charts, heatmaps, images, bar charts and a progress bar (elapsed and remaining time).
 * View only: everything it shows arrives already formatted from the worker.
 */
import { colourFor, seriesColour } from '../viz/colour';
import { drawBarChart } from '../viz/bar-chart';
import { drawHeatmap, heatmapView } from '../viz/heatmap';
import { drawLabelledHeatmap, labelledHeatmapView } from '../viz/labelled-heatmap';
import { drawLineChart, type Series } from '../viz/line-chart';
import { formattedText } from './format';
import type { CheckResultMessage, DoneMessage, PublishMessage, ReadyMessage, WorkerMessage } from './protocol';
import { escapeHtml } from '../text/template';

/**
 * The messages the panel draws; `ready`, `done` and `publish` are the cell's (its backend readout, status line, kept
 * model), `check-result` an exercise's (src/lib/exercises/exercise-element.ts grades it).
 */
export type PanelMessage = Exclude<WorkerMessage, ReadyMessage | DoneMessage | PublishMessage | CheckResultMessage>;

export class OutputView {
	private charts = new Map<string, { svg: SVGSVGElement; legend: HTMLElement; series: Series[]; xLabel: string }>();
	private progressStart = 0;

	constructor(
		private readonly panel: HTMLElement,
		private readonly strings: Record<string, string>,
	) {}

	private get progress(): HTMLElement {
		return this.panel.parentElement!.querySelector<HTMLElement>('[data-role="progress"]')!;
	}

	clear(): void {
		this.panel.replaceChildren();
		this.charts.clear();
		this.progress.hidden = true;
	}

	private line(className: string, text: string): HTMLElement {
		const el = document.createElement('pre');
		el.className = `out ${className}`;
		el.textContent = text;
		this.panel.append(el);
		return el;
	}

	status(text: string): void {
		const existing = this.panel.querySelector<HTMLElement>('.out-status');
		if (existing) existing.textContent = text;
		else this.line('out-status', text);
	}

	notice(text: string): void {
		this.line('out-notice', text);
	}

	progressDone(): void {
		this.progress.hidden = true;
	}

	show(message: PanelMessage): void {
		switch (message.type) {
			case 'log':
				this.line(`out-${message.level}`, message.parts.map(formattedText).join(' '));
				return;
			case 'result':
				this.line('out-result', `${this.strings.result}: ${formattedText(message.value)}`);
				return;
			case 'error': {
				const where = message.line
					? ` (${this.strings.atLine!.replace('{{line}}', String(message.line)).replace('{{column}}', String(message.column ?? 1))})`
					: '';
				const el = this.line('out-error', `${message.name}: ${message.message}${where}`);
				el.setAttribute('role', 'alert');
				return;
			}
			case 'dropped':
				this.line('out-warn', this.strings.dropped!.replace('{{n}}', String(message.count)));
				return;
			case 'chart':
				this.chart(message.id, message.spec.title, message.spec.xLabel, message.spec.series);
				return;
			case 'chart-append': {
				const chart = this.charts.get(message.id) ?? this.chart(message.id, undefined, '', []);
				let series = chart.series.find((s) => s.name === message.series);
				if (!series) chart.series.push((series = { name: message.series, points: [] }));
				series.points.push(...message.points);
				this.redraw(chart);
				return;
			}
			case 'heatmap': {
				const figure = this.figure(message.id, message.title);
				const svg = figure.querySelector('svg')!;
				const colour = colourFor('any', message.values);
				// Token × token matrices (attention weights) use the attention widget's labelled heatmap.
				const square = message.rowLabels && message.rowLabels.length === message.values.length && message.colLabels?.length === message.rowLabels.length;
				if (square) {
					figure.classList.add('labelled');
					drawLabelledHeatmap(svg, labelledHeatmapView(message.values, message.rowLabels!, colour, -1));
				} else drawHeatmap(svg, heatmapView(message.values, colour));
				return;
			}
			case 'image': {
				const figure = this.figure(message.id, message.title);
				const rows = Array.from({ length: message.height }, (_, r) => message.pixels.slice(r * message.width, (r + 1) * message.width));
				drawHeatmap(figure.querySelector('svg')!, heatmapView(rows, colourFor('pixel')));
				return;
			}
			case 'bars': {
				const figure = this.figure(message.id, message.title);
				figure.classList.add('bars');
				const svg = figure.querySelector('svg')!;
				const bars = message.labels.map((label, i) => ({ label, value: message.values[i]! }));
				drawBarChart(svg, bars);
				// The picture's text alternative: every label with its value.
				svg.setAttribute('aria-label', `${message.title ?? message.id}: ${bars.map((b) => `${b.label} ${b.value.toFixed(3)}`).join(', ')}`);
				return;
			}
			case 'progress': {
				const box = this.progress;
				box.hidden = false;
				const bar = box.querySelector('progress')!;
				if (message.done === 0 || this.progressStart === 0) this.progressStart = performance.now();
				bar.max = message.total;
				bar.value = message.done;
				const elapsed = (performance.now() - this.progressStart) / 1000;
				const eta = message.done > 0 ? (elapsed * (message.total - message.done)) / message.done : NaN;
				box.querySelector('[data-role="progress-text"]')!.textContent = [
					`${message.label} ${message.done}/${message.total}`,
					this.strings.elapsed!.replace('{{s}}', elapsed.toFixed(0)),
					Number.isFinite(eta) ? this.strings.eta!.replace('{{s}}', eta.toFixed(0)) : '',
				]
					.filter(Boolean)
					.join(' · ');
				return;
			}
			default:
				// Every panel message has its case above: a new one in the protocol fails to compile here.
				message satisfies never;
		}
	}

	private figure(id: string, title: string | undefined): HTMLElement {
		let figure = this.panel.querySelector<HTMLElement>(`figure[data-id="${CSS.escape(id)}"]`);
		if (!figure) {
			figure = document.createElement('figure');
			figure.dataset.id = id;
			figure.innerHTML = '<figcaption></figcaption><svg role="img"></svg>';
			this.panel.append(figure);
		}
		figure.querySelector('figcaption')!.textContent = title ?? id;
		figure.querySelector('svg')!.setAttribute('aria-label', title ?? id);
		return figure;
	}

	private chart(id: string, title: string | undefined, xLabel: string, series: Series[]) {
		const figure = this.figure(id, title);
		figure.classList.add('chart');
		let legend = figure.querySelector<HTMLElement>('.legend');
		if (!legend) {
			legend = document.createElement('p');
			legend.className = 'legend';
			figure.append(legend);
		}
		const chart = { svg: figure.querySelector('svg')!, legend, series: series.map((s) => ({ ...s, points: [...s.points] })), xLabel };
		this.charts.set(id, chart);
		this.redraw(chart);
		return chart;
	}

	private redraw(chart: { svg: SVGSVGElement; legend: HTMLElement; series: Series[]; xLabel: string }) {
		drawLineChart(chart.svg, chart.series, chart.xLabel);
		// The legend doubles as the text alternative: each series' latest value.
		chart.legend.innerHTML = chart.series
			.map((s, i) => {
				const last = s.points.at(-1);
				const value = last ? ` ${Number(last[1].toFixed(4))} @ ${last[0]}` : '';
				return `<span><span class="swatch" style="background:${seriesColour(i)}"></span>${escapeHtml(s.name)}${value}</span>`;
			})
			.join(' ');
	}
}
