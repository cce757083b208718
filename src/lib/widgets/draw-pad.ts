/**
 * Drawing a digit on an SVG grid (one viewBox unit per pixel), with mouse, pen, finger or keyboard: arrow keys move
 * a cursor, Space or Enter inks, Delete or Backspace erases. Used by the convolution widget and by the CNN code cell.
 * Holds the pixels (intensities in [0, 1]); drawing them is the owner's job (`onChange`).
 */
import type { Matrix } from '../reference/matrix';
import { gridCellAt, moveFocus } from './dom';

export class DrawPad {
	pixels: Matrix;
	cursor: { row: number; col: number };

	/**
	 * @param svg the grid to draw on (focusable: give it `tabindex="0"` and a label that explains the keys)
	 * @param enabled whether drawing is on now (the convolution widget draws only in "draw your own" mode)
	 * @param onChange called after every stroke or cursor move
	 * @param signal unbinds the pad's listeners when aborted (its owner left the page)
	 */
	constructor(
		private readonly svg: SVGSVGElement,
		readonly side: number,
		private readonly enabled: () => boolean,
		private readonly onChange: () => void,
		private readonly signal?: AbortSignal,
	) {
		this.pixels = DrawPad.blank(side);
		this.cursor = { row: side >> 1, col: side >> 1 };
		this.bind();
	}

	static blank(side: number): Matrix {
		return Array.from({ length: side }, () => new Array<number>(side).fill(0));
	}

	clear(): void {
		this.pixels = DrawPad.blank(this.side);
		this.onChange();
	}

	get isEmpty(): boolean {
		return this.pixels.every((row) => row.every((v) => v === 0));
	}

	/**
	 * A soft 3 × 3 brush (full ink in the middle and its four neighbours, half on the diagonals): strokes about three
	 * pixels wide with soft edges, like MNIST's anti-aliased digits, which the CNN cell's model was trained on.
	 */
	private paint(row: number, col: number, ink: number, notify = true): void {
		for (let dr = -1; dr <= 1; dr++)
			for (let dc = -1; dc <= 1; dc++) {
				const r = row + dr;
				const c = col + dc;
				if (r < 0 || c < 0 || r >= this.side || c >= this.side) continue;
				const strength = dr === 0 || dc === 0 ? ink : ink * 0.5;
				const old = this.pixels[r]![c]!;
				this.pixels[r]![c] = ink > 0 ? Math.max(old, strength) : 0;
			}
		if (notify) this.onChange();
	}

	private bind(): void {
		const svg = this.svg;
		const on: AddEventListenerOptions = this.signal ? { signal: this.signal } : {};
		let down = false;
		let last: { row: number; col: number } | undefined;
		svg.addEventListener(
			'pointerdown',
			(e) => {
				if (!this.enabled()) return;
				down = true;
				svg.setPointerCapture(e.pointerId);
				last = gridCellAt(svg, e);
				if (last) this.paint(last.row, last.col, 1);
			},
			on,
		);
		svg.addEventListener(
			'pointermove',
			(e) => {
				if (!down || !this.enabled()) return;
				const cell = gridCellAt(svg, e);
				if (!cell) return;
				// A fast stroke skips pixels between two events: ink the straight line between them, not dots.
				const from = last ?? cell;
				const steps = Math.max(Math.abs(cell.row - from.row), Math.abs(cell.col - from.col), 1);
				for (let i = 1; i <= steps; i++)
					this.paint(Math.round(from.row + ((cell.row - from.row) * i) / steps), Math.round(from.col + ((cell.col - from.col) * i) / steps), 1, false);
				last = cell;
				this.onChange();
			},
			on,
		);
		const stop = () => {
			if (!down) return;
			down = false;
			svg.dispatchEvent(new CustomEvent('strokeend'));
		};
		svg.addEventListener('pointerup', stop, on);
		svg.addEventListener('pointercancel', stop, on);
		svg.addEventListener(
			'keydown',
			(e) => {
				if (!this.enabled()) return;
				const next = moveFocus(e, this.cursor, this.side);
				if (next) {
					e.preventDefault();
					this.cursor = next;
					this.onChange();
				} else if (e.key === ' ' || e.key === 'Enter') {
					e.preventDefault();
					this.paint(this.cursor.row, this.cursor.col, 1);
				} else if (e.key === 'Delete' || e.key === 'Backspace') {
					e.preventDefault();
					this.paint(this.cursor.row, this.cursor.col, 0);
				}
			},
			on,
		);
		// Drawing with a finger must not scroll the page.
		svg.addEventListener('touchmove', (e) => this.enabled() && e.preventDefault(), { ...on, passive: false });
	}
}
