import { MNIST_SIDE, type MnistSplit } from '../../data/mnist';
import { READER_PROBLEM_STRINGS, ReaderModelProblem } from '../../models/reader-model-problem';
import type { Matrix } from '../../reference/matrix';
import { template } from '../../text/template';
import { CalculatorElement, InputProblem } from '../calculator-element';
import { ModelChoice } from '../model-choice';
import { confusionResult, type ConfusionResult, type Predictions } from './result';
import { confusionSpec, type ConfusionState } from './state';
import { confusionView, type ConfusionView } from './view';

/** What the page carries for the widget: the held-out labels and our model's predictions, a digit a character. */
interface HeldOutData {
	labels: string;
	predictions: string;
}

const digitsOf = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0) - 48);

let testSplit: Promise<MnistSplit> | undefined;

/** The 2,000 held-out digits (1.6 MB), fetched once, the first time the reader asks for a cell's digits or their model. */
function heldOutDigits(): Promise<MnistSplit> {
	testSplit ??= import('../../data/mnist').then(({ loadMnistSplit }) => loadMnistSplit('test'));
	testSplit.catch(() => (testSplit = undefined));
	return testSplit;
}

/**
 * `<confusion-widget>`: the shipped CNN's confusion matrix on the 2,000 held-out digits, from the predictions its model
 * card records (no tfjs); a click on a cell shows its digits and what it means for precision and recall. The reader's
 * own CNN from part 4 can replace ours: only then are tfjs and a backend loaded, to classify the digits in the page.
 */
export class ConfusionElement extends CalculatorElement<ConfusionState, ConfusionResult, ConfusionView> {
	private labels!: Uint8Array;
	private ours!: Predictions;
	private test: MnistSplit | undefined;
	private reader: { trainedAt: string; predictions: Predictions } | undefined;
	private models!: ModelChoice;
	/** Which model and cell the digits on screen are of (the server's first frame says which it drew). */
	private digitsKey = '';

	protected createSpec() {
		return confusionSpec;
	}

	protected override prepareData(): void {
		const data = JSON.parse(this.q<HTMLScriptElement>('cm-data').textContent ?? '{}') as HeldOutData;
		this.labels = digitsOf(data.labels);
		this.ours = { classes: digitsOf(data.predictions), model: 'cnn' };
		this.digitsKey = this.q<HTMLElement>('cm-digits').dataset.key ?? '';
	}

	protected bindControls() {
		this.q<HTMLTableElement>('cm-matrix').addEventListener(
			'click',
			(event) => {
				const button = (event.target as Element).closest<HTMLButtonElement>('button[data-t]');
				if (button) this.commit({ trueClass: Number(button.dataset.t), predicted: Number(button.dataset.p) });
			},
			{ signal: this.signal },
		);
		this.models = new ModelChoice(
			this,
			this.strings,
			(model) => this.commit({ model }),
			() => this.state.model === 'yours' && this.requestUpdate(),
			this.signal,
		);
		this.models.show(this.state.model);
	}

	protected syncControls() {
		this.models?.show(this.state.model);
	}

	/** The model's predictions (the reader's are worked out in the page, once per kept model) and, if needed, the digits. */
	protected override async computeForUpdate(): Promise<ConfusionResult> {
		const predictions = this.state.model === 'yours' ? await this.readerPredictions() : this.ours;
		const cellKey = (r: ConfusionResult) => `${r.model}:${r.cell.join(':')}`;
		const first = this.calculateWith(predictions);
		if (cellKey(first) === this.digitsKey || this.test) return first;
		const digits = this.q<HTMLElement>('cm-digits');
		digits.setAttribute('aria-busy', 'true');
		this.q<HTMLElement>('cm-about').textContent = this.strings.loadingDigits ?? '';
		try {
			this.test = await heldOutDigits();
		} catch (error) {
			throw new InputProblem(template(this.strings.modelFailed ?? '{{why}}', { why: error instanceof Error ? error.message : String(error) }));
		} finally {
			digits.removeAttribute('aria-busy');
		}
		return this.calculateWith(predictions);
	}

	private calculateWith(predictions: Predictions): ConfusionResult {
		const test = this.test;
		const pixelsOf = test
			? (index: number): Matrix =>
					Array.from({ length: MNIST_SIDE }, (_, r) =>
						Array.from(test.images.subarray((index * MNIST_SIDE + r) * MNIST_SIDE, (index * MNIST_SIDE + r + 1) * MNIST_SIDE)),
					)
			: undefined;
		return confusionResult(this.state, this.labels, predictions, pixelsOf);
	}

	protected calculate(): ConfusionResult {
		return this.calculateWith(this.state.model === 'yours' && this.reader ? this.reader.predictions : this.ours);
	}

	/**
	 * The reader's CNN's classes for the held-out digits, computed with tfjs here (loaded now, not before); ours, with
	 * a note saying why, when their model cannot be shown (none kept, other layers, storage unreadable).
	 */
	private async readerPredictions(): Promise<Predictions> {
		try {
			const { readerCnn } = await import('../../models/cnn-source');
			const { weights, card } = await readerCnn();
			if (this.reader?.trainedAt !== card.trainedAt) {
				this.notes.set('compute', this.strings.evaluating ?? '');
				try {
					const [{ loadTf, selectBackend }, { backendFromUrl }, { cnnClasses }, test] = await Promise.all([
						import('../../compute/backend'),
						import('../../compute/backend-preference'),
						import('../../compute/cnn'),
						heldOutDigits(),
					]);
					this.test = test;
					const backend = await selectBackend(backendFromUrl());
					this.dataset.backend = backend.name;
					const classes = await cnnClasses(await loadTf(), weights, test.images, test.labels.length);
					this.reader = { trainedAt: card.trainedAt, predictions: { classes, model: 'yours:cnn' } };
				} finally {
					this.notes.set('compute', '');
				}
			}
			return this.reader!.predictions;
		} catch (error) {
			if (!(error instanceof ReaderModelProblem)) throw error;
			const note = template(this.strings[READER_PROBLEM_STRINGS[error.kind]] ?? '{{why}}', { why: error.message });
			return { ...this.ours, note };
		}
	}

	protected view(result: ConfusionResult): ConfusionView {
		return confusionView(result, this.strings);
	}

	protected override applyExtras(view: ConfusionView, result: ConfusionResult): void {
		this.dataset.model = result.model;
		this.drawMarkup('cm-matrix', view.matrix);
		if (view.digits !== undefined) {
			this.drawMarkup('cm-digits', view.digits);
			this.digitsKey = `${result.model}:${result.cell.join(':')}`;
		}
	}
}
