/**
 * "Your model" in a widget's model menu: the option for a model the reader trained in part 4 and kept in this browser
 * (src/lib/models/reader-models.ts), shown once one is kept, with "forget my model" beside the menu, and kept up to
 * date when a cell keeps or forgets one here or in another tab. It serves every such menu (the CNN widgets'
 * ./model-choice.ts, the character-model widgets' ./char-lm/controls.ts); the storage code loads only when asked.
 */
import { onReaderModelChange } from '../models/reader-model-events';
import type { ReaderModel } from '../models/reader-models';

export interface ReaderModelOfferOptions {
	/** The menu; its `option[value="yours"]` is shown when a model is kept. */
	select: HTMLSelectElement;
	forget: HTMLButtonElement;
	/** The id the cell publishes under (`out.publish(id, …)`). */
	readerId: string;
	/** Words the option for the kept model (its text, and any data the controls read from it). */
	describe: (option: HTMLOptionElement, model: ReaderModel) => void;
	/** After "forget my model": the widget goes back to a model of ours. */
	forgotten: () => void;
	/** The reader's model was kept or forgotten, here or in another tab. */
	changed: () => void;
	signal: AbortSignal;
}

export class ReaderModelOffer {
	private readonly yours: HTMLOptionElement;

	constructor(private readonly options: ReaderModelOfferOptions) {
		const { select, forget, readerId, signal } = options;
		const yours = select.querySelector<HTMLOptionElement>('option[value="yours"]');
		if (!yours) throw new Error(`the model menu of “${readerId}” has no option "yours"`);
		this.yours = yours;
		forget.addEventListener(
			'click',
			() => {
				// The storage code (and its schemas) loads only when a model is asked about.
				import('../models/reader-models').then(({ forgetReaderModel }) => forgetReaderModel(readerId)).then(options.forgotten, options.forgotten);
			},
			{ signal },
		);
		onReaderModelChange((id) => {
			if (id !== readerId) return;
			void this.refresh();
			options.changed();
		}, signal);
		void this.refresh();
	}

	/** Shows `value` in the menu, even before the option for the reader's model is known (a link may ask for it). */
	show(value: string): void {
		this.options.select.dataset.choice = value;
		this.options.select.value = value;
	}

	/** Offers the reader's model when one is kept (storage that cannot be read offers none; choosing it says why). */
	async refresh(): Promise<void> {
		const { select, forget, readerId, describe } = this.options;
		let kept: ReaderModel | undefined;
		try {
			const { readerModel } = await import('../models/reader-models');
			kept = await readerModel(readerId);
		} catch {
			kept = undefined;
		}
		this.yours.hidden = !kept;
		this.yours.disabled = !kept;
		if (kept) describe(this.yours, kept);
		forget.hidden = !kept;
		if (select.dataset.choice) select.value = select.dataset.choice;
	}
}
