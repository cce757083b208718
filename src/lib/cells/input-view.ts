/**
 * A cell's input box, below its toolbar: a digit pad (`<CodeCell input="digit">`) or a text box (`input="text"`),
 * with a Predict button. It reads what the reader gave as a `CellInput` for the worker (see protocol.ts); the cell's
 * code decides what to do with it. View only: no maths.
 */
import { MNIST_SIDE } from '../data/mnist';
import { colourFor } from '../viz/colour';
import { drawHeatmap, heatmapView } from '../viz/heatmap';
import { DrawPad } from '../widgets/draw-pad';
import { MAX_INPUT_TEXT, type CellInput } from './protocol';

export class CellInputView {
	private pad: DrawPad | undefined;
	private text: HTMLTextAreaElement | null;
	private problem: HTMLElement;

	/**
	 * @param box the `[data-role="input"]` element
	 * @param onPredict the reader asked for a prediction (Predict, or a finished stroke once a model exists)
	 */
	constructor(
		box: HTMLElement,
		private readonly strings: Record<string, string>,
		onPredict: (after: 'button' | 'stroke') => void,
	) {
		this.problem = box.querySelector<HTMLElement>('[data-role="input-problem"]')!;
		this.text = box.querySelector<HTMLTextAreaElement>('textarea[data-role="text"]');
		const svg = box.querySelector<SVGSVGElement>('svg[data-role="pad"]');
		if (svg) {
			this.pad = new DrawPad(
				svg,
				MNIST_SIDE,
				() => true,
				() => this.drawPad(svg),
			);
			this.drawPad(svg);
			svg.addEventListener('strokeend', () => onPredict('stroke'));
			// The keyboard cursor shows only while the pad has keyboard focus.
			svg.addEventListener('focus', () => this.drawPad(svg));
			svg.addEventListener('blur', () => this.drawPad(svg));
			box.querySelector('[data-role="clear"]')!.addEventListener('click', () => this.pad!.clear());
		}
		box.querySelector('[data-role="predict"]')!.addEventListener('click', () => onPredict('button'));
		this.text?.addEventListener('keydown', (e) => {
			if (e.key === 'Enter' && !e.shiftKey && !e.ctrlKey && !e.metaKey) {
				e.preventDefault();
				onPredict('button');
			}
		});
	}

	private drawPad(svg: SVGSVGElement): void {
		const cursor = svg.matches(':focus-visible') ? { name: 'cursor', ...this.pad!.cursor, h: 1, w: 1 } : null;
		drawHeatmap(svg, heatmapView(this.pad!.pixels, colourFor('pixel'), [cursor]));
	}

	/** Shows (or, with `undefined`, hides) a message next to the input box. */
	say(message: string | undefined): void {
		this.problem.textContent = message ?? '';
		this.problem.hidden = message === undefined;
	}

	/**
	 * The input for a run, or a message for the reader when a prediction cannot be asked for yet (an empty pad or text
	 * box, a text over the limit). A Run goes ahead without input: the cell's code has its own example.
	 */
	read(trigger: CellInput['trigger']): CellInput | string {
		const input: CellInput = { trigger };
		if (this.pad) {
			if (!this.pad.isEmpty) input.digit = this.pad.pixels.flat();
			else if (trigger === 'predict') return this.strings.drawFirst!;
		}
		if (this.text) {
			const text = this.text.value.trim();
			if (text.length > MAX_INPUT_TEXT) return this.strings.textTooLong!.replace('{{n}}', String(MAX_INPUT_TEXT));
			if (text) input.text = text;
			else if (trigger === 'predict') return this.strings.typeFirst!;
		}
		return input;
	}
}
