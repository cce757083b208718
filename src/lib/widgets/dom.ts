/** Small DOM helpers the widgets' controls share (no maths beyond index arithmetic). */

export function prefersReducedMotion(): boolean {
	return matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** The grid cell under a pointer event on an SVG whose viewBox has one unit per cell. */
export function gridCellAt(svg: SVGSVGElement, event: PointerEvent): { row: number; col: number } | undefined {
	const box = svg.viewBox.baseVal;
	const rect = svg.getBoundingClientRect();
	if (!box.width || !rect.width) return undefined;
	const col = Math.floor(((event.clientX - rect.left) / rect.width) * box.width);
	const row = Math.floor(((event.clientY - rect.top) / rect.height) * box.height);
	if (row < 0 || col < 0 || row >= box.height || col >= box.width) return undefined;
	return { row, col };
}

/** Arrow keys (and Home/End) move a focused cell inside an n × n grid; other keys return undefined. */
export function moveFocus(event: KeyboardEvent, at: { row: number; col: number }, n: number): { row: number; col: number } | undefined {
	const clamp = (v: number) => Math.max(0, Math.min(n - 1, v));
	switch (event.key) {
		case 'ArrowUp':
			return { row: clamp(at.row - 1), col: clamp(at.col) };
		case 'ArrowDown':
			return { row: clamp(at.row + 1), col: clamp(at.col) };
		case 'ArrowLeft':
			return { row: clamp(at.row), col: clamp(at.col - 1) };
		case 'ArrowRight':
			return { row: clamp(at.row), col: clamp(at.col + 1) };
		case 'Home':
			return { row: clamp(at.row), col: 0 };
		case 'End':
			return { row: clamp(at.row), col: n - 1 };
		default:
			return undefined;
	}
}

/**
 * Pointer and arrow keys move the focused cell of a grid heatmap (one viewBox unit per cell, n × n cells):
 * `focus()` is the current cell, `size()` the grid's side, `move` receives a new cell.
 */
export function bindGridFocus(
	svg: SVGSVGElement,
	focus: () => { row: number; col: number },
	size: () => number,
	move: (cell: { row: number; col: number }) => void,
	signal: AbortSignal,
): void {
	svg.addEventListener(
		'pointermove',
		(e) => {
			const cell = gridCellAt(svg, e);
			const now = focus();
			if (cell && (cell.row !== now.row || cell.col !== now.col)) move(cell);
		},
		{ signal },
	);
	svg.addEventListener(
		'keydown',
		(e) => {
			const next = moveFocus(e, focus(), size());
			if (next) {
				e.preventDefault();
				move(next);
			}
		},
		{ signal },
	);
}
