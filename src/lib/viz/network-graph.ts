/**
 * A small layered network as plain data: one pure function makes its SVG markup, for the server's first frame and for
 * the browser after a change (as ./log-plot.ts does). Nodes are circles with their value inside and caption lines
 * under them, and a header over each layer says what its values are. Edges are lines whose width follows a magnitude
 * and whose colour and dash follow a sign (the dash keeps the sign readable without colour). An edge or a caption
 * that stands for a parameter carries `data-param`, so a click on it can choose that parameter. Labels have a halo of
 * the background (in CSS), so a line under one does not hide it.
 */
import { escapeHtml } from '../text/template';
import { seriesColour } from './series-colour';

export interface GraphNode {
	id: string;
	x: number;
	y: number;
	/** Inside the node. */
	value: string;
	/** Lines under the node (z₂ = 0.4; b = 0.1), each perhaps standing for a parameter (its bias). */
	captions: { text: string; param?: string }[];
}

/** Text over a layer: what its nodes' values are. */
export interface GraphHeader {
	x: number;
	text: string;
}

export interface GraphEdge {
	from: string;
	to: string;
	param: string;
	label: string;
	/** The sign of what the edge shows (its weight, its gradient). */
	sign: number;
	/** 0…1: the edge's width between thin and thick. */
	strength: number;
	/** Where along the edge its label sits, from 0 (the source) to 1. */
	labelAt: number;
}

export const NODE_RADIUS = 24;

/** `sizes[k]` nodes in layer k, the layers spread across `width` and each centred on `height`, `gap` apart. */
export function layerPositions(sizes: readonly number[], width: number, centre: number, gap: number, margin: number): [number, number][][] {
	return sizes.map((size, k) => {
		const x = margin + (k * (width - 2 * margin)) / (sizes.length - 1);
		return Array.from({ length: size }, (_, n) => [x, centre + (n - (size - 1) / 2) * gap] as [number, number]);
	});
}

const CAPTION_LINE = 14;

export function networkGraphMarkup(headers: readonly GraphHeader[], nodes: readonly GraphNode[], edges: readonly GraphEdge[], selected: string): string {
	const at = new Map(nodes.map((n) => [n.id, n]));
	const parts: string[] = headers.map((h) => `<text class="layer-header" x="${h.x}" y="14" text-anchor="middle">${escapeHtml(h.text)}</text>`);
	for (const edge of edges) {
		const a = at.get(edge.from)!;
		const b = at.get(edge.to)!;
		const lx = a.x + (b.x - a.x) * edge.labelAt;
		const ly = a.y + (b.y - a.y) * edge.labelAt;
		const chosen = edge.param === selected;
		const colour = seriesColour(edge.sign < 0 ? 3 : 0);
		const width = (1 + 5 * Math.min(1, Math.max(0, edge.strength))).toFixed(2);
		const line = `x1="${a.x}" y1="${a.y}" x2="${b.x}" y2="${b.y}"`;
		parts.push(
			`<g class="edge${chosen ? ' chosen' : ''}${edge.sign < 0 ? ' negative' : ''}" data-param="${escapeHtml(edge.param)}">`,
			`<line class="edge-line" ${line} stroke="${colour}" stroke-width="${width}"/>`,
			`<line class="edge-hit" ${line}/>`,
			`<text class="edge-label" x="${lx.toFixed(1)}" y="${(ly + 4).toFixed(1)}" text-anchor="middle">${escapeHtml(edge.label)}</text>`,
			'</g>',
		);
	}
	for (const node of nodes) {
		parts.push(
			`<g class="node" data-node="${escapeHtml(node.id)}">`,
			`<circle cx="${node.x}" cy="${node.y}" r="${NODE_RADIUS}"/>`,
			`<text class="node-value" x="${node.x}" y="${node.y + 4}" text-anchor="middle">${escapeHtml(node.value)}</text>`,
			...node.captions.map((caption, k) => {
				const y = node.y + NODE_RADIUS + 14 + k * CAPTION_LINE;
				const param = caption.param === undefined ? '' : ` data-param="${escapeHtml(caption.param)}"`;
				const chosen = caption.param !== undefined && caption.param === selected ? ' chosen' : '';
				return `<text class="node-caption${chosen}"${param} x="${node.x}" y="${y}" text-anchor="middle">${escapeHtml(caption.text)}</text>`;
			}),
			'</g>',
		);
	}
	return parts.join('');
}
