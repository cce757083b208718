/**
 * The "which trained model" control of the CNN widgets (components/ui/ModelChoice.astro): the model trained by us,
 * and the reader's own once part 4's CNN cell has kept one in this browser, with "forget my model" (./reader-model-offer.ts).
 * Controls only: the widget reads the choice from its state and loads the weights (src/lib/models/cnn-source.ts).
 */
import { SHIPPED_CNN } from '../models/shipped-cnn-id';
import type { CnnSource } from '../models/cnn-source';
import { trainedAtText } from '../models/reader-model-events';
import type { ReaderModelCard } from '../models/reader-models';
import { template } from '../text/template';
import { ReaderModelOffer } from './reader-model-offer';
import type { ViewStrings } from './view';

/** "your model (trained 14:02, 95.9 %)", in the page's language. */
export function readerModelLabel(card: ReaderModelCard, strings: ViewStrings): string {
	const time = trainedAtText(card.trainedAt, document.documentElement.lang);
	const accuracy = card.accuracy === undefined ? '' : template(strings.modelAccuracy ?? '', { a: (card.accuracy * 100).toFixed(1) });
	return template(strings.modelYours ?? '', { time, accuracy });
}

export class ModelChoice {
	private readonly offer: ReaderModelOffer;

	/**
	 * @param root the element holding the control's `[data-role="model"]` select and `[data-role="forget"]` button
	 * @param choose called with the source the reader picked
	 * @param changed called when the reader's model was kept or forgotten (here or in another tab)
	 */
	constructor(root: HTMLElement, strings: ViewStrings, choose: (source: CnnSource) => void, changed: () => void, signal: AbortSignal) {
		const select = root.querySelector<HTMLSelectElement>('select[data-role="model"]')!;
		select.addEventListener('change', () => choose(select.value === 'yours' ? 'yours' : 'ours'), { signal });
		this.offer = new ReaderModelOffer({
			select,
			forget: root.querySelector<HTMLButtonElement>('button[data-role="forget"]')!,
			readerId: SHIPPED_CNN,
			describe: (option, model) => (option.textContent = readerModelLabel(model.card, strings)),
			forgotten: () => choose('ours'),
			changed,
			signal,
		});
	}

	/** Shows the state's choice. */
	show(source: CnnSource): void {
		this.offer.show(source);
	}
}
