/**
 * A small d3 horizontal bar chart for labelled values (a classifier's class probabilities). Each bar carries its
 * label and its value as text, so the numbers can be read without the picture; the largest bar is marked.
 */
import { scaleBand, scaleLinear } from 'd3-scale';
import { select } from 'd3-selection';
import { seriesColour } from './colour';

export interface Bar {
	label: string;
	value: number;
}

const WIDTH = 480;
const BAR_HEIGHT = 20;
const MARGIN = { top: 4, right: 64, bottom: 4, left: 72 };

export function drawBarChart(svg: SVGSVGElement, bars: Bar[]): void {
	const height = MARGIN.top + MARGIN.bottom + bars.length * BAR_HEIGHT;
	svg.setAttribute('viewBox', `0 0 ${WIDTH} ${height}`);
	const finite = bars.map((b) => (Number.isFinite(b.value) ? b.value : 0));
	// Probabilities fill [0, 1]; other values (scores, logits) scale to their largest magnitude.
	const max = Math.max(1, ...finite.map(Math.abs));
	const x = scaleLinear()
		.domain([0, max])
		.range([MARGIN.left, WIDTH - MARGIN.right]);
	const y = scaleBand<number>()
		.domain(bars.map((_, i) => i))
		.range([MARGIN.top, height - MARGIN.bottom])
		.padding(0.2);
	const best = finite.indexOf(Math.max(...finite));
	const rows = select(svg)
		.selectAll<SVGGElement, Bar>('g.bar')
		.data(bars)
		.join((enter) => {
			const g = enter.append('g').attr('class', 'bar');
			g.append('text').attr('class', 'bar-label').attr('text-anchor', 'end');
			g.append('rect');
			g.append('text').attr('class', 'bar-value');
			return g;
		})
		.attr('transform', (_, i) => `translate(0 ${y(i)})`)
		.classed('best', (_, i) => i === best);
	const middle = y.bandwidth() / 2;
	rows
		.select('text.bar-label')
		.attr('x', MARGIN.left - 6)
		.attr('y', middle)
		.attr('dominant-baseline', 'central')
		.text((b) => b.label);
	rows
		.select('rect')
		.attr('x', MARGIN.left)
		.attr('height', y.bandwidth())
		.attr('width', (_, i) => Math.max(0, x(Math.abs(finite[i]!)) - MARGIN.left))
		.attr('fill', (_, i) => seriesColour(i === best ? 0 : 1));
	rows
		.select('text.bar-value')
		.attr('x', (_, i) => x(Math.abs(finite[i]!)) + 6)
		.attr('y', middle)
		.attr('dominant-baseline', 'central')
		.text((b) => (Number.isFinite(b.value) ? b.value.toFixed(3) : String(b.value)));
}
