/**
 * A small d3 line chart for live training curves (loss and accuracy per batch or epoch). Series are redrawn in
 * place as points arrive; colours come from the one scale module; every series is also listed as text (last value)
 * so the chart is not the only way to read it.
 */
import { axisBottom, axisLeft } from 'd3-axis';
import { scaleLinear } from 'd3-scale';
import { select } from 'd3-selection';
import { line } from 'd3-shape';
import { seriesColour } from './colour';

export interface Series {
	name: string;
	points: [number, number][];
}

const WIDTH = 480;
const HEIGHT = 220;
const MARGIN = { top: 12, right: 16, bottom: 32, left: 44 };

export function drawLineChart(svg: SVGSVGElement, series: Series[], xLabel: string): void {
	svg.setAttribute('viewBox', `0 0 ${WIDTH} ${HEIGHT}`);
	const all = series.flatMap((s) => s.points);
	const xMax = Math.max(1, ...all.map((p) => p[0]));
	const yValues = all.map((p) => p[1]).filter(Number.isFinite);
	const yMin = Math.min(0, ...yValues);
	const yMax = Math.max(1, ...yValues);
	const x = scaleLinear()
		.domain([0, xMax])
		.range([MARGIN.left, WIDTH - MARGIN.right]);
	const y = scaleLinear()
		.domain([yMin, yMax])
		.nice()
		.range([HEIGHT - MARGIN.bottom, MARGIN.top]);
	const root = select(svg);
	root
		.selectAll<SVGGElement, null>('g.x-axis')
		.data([null])
		.join('g')
		.attr('class', 'x-axis')
		.attr('transform', `translate(0 ${HEIGHT - MARGIN.bottom})`)
		.call(axisBottom(x).ticks(6));
	root
		.selectAll<SVGGElement, null>('g.y-axis')
		.data([null])
		.join('g')
		.attr('class', 'y-axis')
		.attr('transform', `translate(${MARGIN.left} 0)`)
		.call(axisLeft(y).ticks(5));
	root
		.selectAll<SVGTextElement, string>('text.x-label')
		.data([xLabel])
		.join('text')
		.attr('class', 'x-label')
		.attr('x', WIDTH / 2)
		.attr('y', HEIGHT - 2)
		.attr('text-anchor', 'middle')
		.text((d) => d);
	const path = line<[number, number]>()
		.defined((p) => Number.isFinite(p[1]))
		.x((p) => x(p[0]))
		.y((p) => y(p[1]));
	root
		.selectAll<SVGPathElement, Series>('path.series')
		.data(series, (s) => s.name)
		.join('path')
		.attr('class', 'series')
		.attr('fill', 'none')
		.attr('stroke-width', 2)
		.attr('stroke', (_, i) => seriesColour(i))
		.attr('d', (s) => path(s.points));
}
