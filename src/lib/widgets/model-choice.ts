/**
 * The "which trained model" control of the CNN widgets (components/ui/ModelChoice.astro): the model trained by us,
 * and the reader's own once part 4's CNN cell has kept one in this browser, with "forget my model". Controls only:
 * the widget reads the choice from its state and loads the weights (src/lib/models/cnn-source.ts).
 */
import { SHIPPED_CNN } from '../models/cnn-filters';
import type { CnnSource } from '../models/cnn-source';
import { onReaderModelChange, trainedAtText } from '../models/reader-model-events';
import type { ReaderModelCard } from '../models/reader-models';
import { template } from '../text/template';
import type { ViewStrings } from './view';

/** "your model (trained 14:02, 95.9 %)", in the page's language. */
export function readerModelLabel(card: ReaderModelCard, strings: ViewStrings): string {
	const time = trainedAtText(card.trainedAt, document.documentElement.lang);
	const accuracy = card.accuracy === undefined ? '' : template(strings.modelAccuracy ?? '', { a: (card.accuracy * 100).toFixed(1) });
	return template(strings.modelYours ?? '', { time, accuracy });
}

export class ModelChoice {
	private readonly select: HTMLSelectElement;
	private readonly yours: HTMLOptionElement;
	private readonly forget: HTMLButtonElement;

	/**
	 * @param root the element holding the control's `[data-role="model"]` select and `[data-role="forget"]` button
	 * @param choose called with the source the reader picked
	 * @param changed called when the reader's model was kept or forgotten (here or in another tab)
	 */
	constructor(
		root: HTMLElement,
		private readonly strings: ViewStrings,
		choose: (source: CnnSource) => void,
		changed: () => void,
		signal: AbortSignal,
	) {
		this.select = root.querySelector<HTMLSelectElement>('select[data-role="model"]')!;
		this.yours = this.select.querySelector<HTMLOptionElement>('option[value="yours"]')!;
		this.forget = root.querySelector<HTMLButtonElement>('button[data-role="forget"]')!;
		this.select.addEventListener('change', () => choose(this.select.value === 'yours' ? 'yours' : 'ours'), { signal });
		this.forget.addEventListener(
			'click',
			() => {
				// The storage code (and its schemas) loads only when a model is asked about.
				import('../models/reader-models')
					.then(({ forgetReaderModel }) => forgetReaderModel(SHIPPED_CNN))
					.then(
						() => choose('ours'),
						() => choose('ours'),
					);
			},
			{ signal },
		);
		onReaderModelChange((id) => {
			if (id !== SHIPPED_CNN) return;
			void this.refresh();
			changed();
		}, signal);
		void this.refresh();
	}

	/** Shows the state's choice. */
	show(source: CnnSource): void {
		this.select.dataset.source = source;
		this.select.value = source;
	}

	/** Offers the reader's model when one is kept (storage that cannot be read offers none; choosing it says why). */
	async refresh(): Promise<void> {
		let card: ReaderModelCard | undefined;
		try {
			const { readerModel } = await import('../models/reader-models');
			card = (await readerModel(SHIPPED_CNN))?.card;
		} catch {
			card = undefined;
		}
		this.yours.hidden = !card;
		this.yours.disabled = !card;
		if (card) this.yours.textContent = readerModelLabel(card, this.strings);
		this.forget.hidden = !card;
		// A link may ask for "yours" before the option is known: keep showing what the state says.
		this.select.value = this.select.dataset.source ?? 'ours';
	}
}
