/**
 * The controls both trained-model widgets share (components/ui/CharLmControls.astro): the prefix and its examples, the
 * model (with the reader's own from part 4, where the widget offers it), temperature, top-k, Generate and "back to the
 * prefix". Roles are prefixed with the widget's own (`lm-text`, `lstm-text`, …). A new text, model or generation
 * resets the widget's position (`reset`: its query or step).
 */
import { trainedAtText } from '../../models/reader-model-events';
import type { ReaderModelCard } from '../../models/reader-models';
import { escapeHtml, template } from '../../text/template';
import { ReaderModelOffer } from '../reader-model-offer';
import type { ViewStrings } from '../view';
import { corpusOf, corpusOfVocabulary, LM_EXAMPLES, type LmCorpus, type LmModelChoice } from './corpora';

/** The part of a trained-model widget's state these controls set. */
export interface CharLmControlState {
	text: string;
	model: LmModelChoice;
	temperature: number;
	topK: number;
	generate: boolean;
	seed: number;
}

export interface CharLmControlHost<S extends CharLmControlState> {
	root: HTMLElement;
	/** The widget's role prefix: `lm` or `lstm`. */
	role: string;
	signal: AbortSignal;
	state: () => S;
	commit: (change: Partial<S>, mode?: 'push' | 'replace') => void;
	keepInHistory: () => void;
	/** What a new text, model or generation also resets (the query or step in focus). */
	reset: Partial<S>;
	/** The reader's model the menu offers (the id part 4's cell publishes it under), with the widget's words. */
	reader?: { id: string; strings: ViewStrings; changed: () => void };
}

/** "your model (trained 14:02, 3.08 bits/char)", in the page's language. */
export function readerCharModelLabel(card: ReaderModelCard, strings: ViewStrings): string {
	const time = trainedAtText(card.trainedAt, document.documentElement.lang);
	const bits = card.bitsPerCharacter === undefined ? '' : template(strings.modelBits ?? '', { b: card.bitsPerCharacter.toFixed(2) });
	return template(strings.modelYours ?? '', { time, bits });
}

/** The corpus whose examples go with a choice: the reader's model's is read off its vocabulary (see `describe`). */
function examplesCorpus(root: HTMLElement, select: HTMLSelectElement, choice: LmModelChoice): LmCorpus {
	if (choice !== 'yours') return choice;
	const corpus = select.querySelector<HTMLOptionElement>('option[value="yours"]')?.dataset.corpus;
	return corpus === 'names' || corpus === 'verse' ? corpus : pageCorpus(root);
}

/** The widget's default corpus: the page language's (`data-default-corpus`). */
function pageCorpus(root: HTMLElement): LmCorpus {
	const corpus = root.dataset.defaultCorpus;
	return corpus === 'names' || corpus === 'verse' ? corpus : corpusOf(document.documentElement.lang);
}

function find<T extends Element>(root: HTMLElement, role: string): T {
	const element = root.querySelector<T>(`[data-role="${role}"]`);
	if (!element) throw new Error(`<${root.localName}>: no [data-role="${role}"] in the component`);
	return element;
}

/** Each widget's offer of the reader's model, by its menu. */
const offers = new WeakMap<HTMLSelectElement, ReaderModelOffer>();

export function bindCharLmControls<S extends CharLmControlState>(host: CharLmControlHost<S>): void {
	const { root, role, reset } = host;
	const q = <T extends Element>(name: string) => find<T>(root, `${role}-${name}`);
	const on = { signal: host.signal };
	// What these controls change is part of every such state (S extends CharLmControlState).
	const change = (c: Partial<CharLmControlState>) => ({ ...reset, ...c }) as Partial<S>;
	const input = q<HTMLInputElement>('text');
	input.addEventListener('input', () => host.commit(change({ text: input.value, generate: false }), 'replace'), on);
	input.addEventListener('change', () => host.keepInHistory(), on);
	q<HTMLElement>('examples').addEventListener(
		'click',
		(e) => {
			const button = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-example]');
			if (button) host.commit(change({ text: button.dataset.example ?? '', generate: false }));
		},
		on,
	);
	const model = q<HTMLSelectElement>('model');
	const choose = (choice: LmModelChoice) => host.commit(change({ model: choice, text: LM_EXAMPLES[examplesCorpus(root, model, choice)][0]!, generate: false }));
	model.addEventListener('change', () => choose(model.value as LmModelChoice), on);
	if (host.reader) {
		const { id, strings, changed } = host.reader;
		const offer = new ReaderModelOffer({
			select: model,
			forget: q<HTMLButtonElement>('forget'),
			readerId: id,
			describe: (option, kept) => {
				option.textContent = readerCharModelLabel(kept.card, strings);
				const vocabulary = (kept.modelTopology as { config?: { vocabulary?: unknown } }).config?.vocabulary;
				if (Array.isArray(vocabulary)) option.dataset.corpus = corpusOfVocabulary(vocabulary.map(String));
			},
			forgotten: () => choose(pageCorpus(root)),
			changed,
			signal: host.signal,
		});
		offer.show(host.state().model);
		offers.set(model, offer);
	}
	const temperature = q<HTMLInputElement>('temperature');
	temperature.addEventListener('input', () => host.commit({ temperature: Number(temperature.value) } as Partial<S>, 'replace'), on);
	temperature.addEventListener('change', () => host.keepInHistory(), on);
	const topK = q<HTMLSelectElement>('topk');
	topK.addEventListener('change', () => host.commit({ topK: Number(topK.value) } as Partial<S>), on);
	// Generate again: the next seed, so each press writes a new text and a link still reproduces it.
	q<HTMLButtonElement>('generate').addEventListener(
		'click',
		() => {
			const s = host.state();
			host.commit(change({ generate: true, seed: s.generate ? s.seed + 1 : s.seed }));
		},
		on,
	);
	q<HTMLButtonElement>('clear').addEventListener('click', () => host.commit(change({ generate: false })), on);
}

export function syncCharLmControls(root: HTMLElement, role: string, s: CharLmControlState, from: 'url' | 'change'): void {
	const q = <T extends Element>(name: string) => find<T>(root, `${role}-${name}`);
	const input = q<HTMLInputElement>('text');
	if (from === 'url' || input.value !== s.text) input.value = s.text;
	const model = q<HTMLSelectElement>('model');
	const offer = offers.get(model);
	if (offer) offer.show(s.model);
	else model.value = s.model;
	q<HTMLInputElement>('temperature').value = String(s.temperature);
	q<HTMLOutputElement>('temperature-value').textContent = s.temperature.toFixed(1);
	const topK = q<HTMLSelectElement>('topk');
	if (![...topK.options].some((o) => o.value === String(s.topK))) topK.add(new Option(String(s.topK), String(s.topK)));
	topK.value = String(s.topK);
	q<HTMLButtonElement>('clear').hidden = !s.generate;
	const examples = q<HTMLElement>('examples');
	const corpus = examplesCorpus(root, model, s.model);
	if (examples.dataset.corpus !== corpus) {
		examples.innerHTML = LM_EXAMPLES[corpus].map((e) => `<button type="button" data-example="${escapeHtml(e)}">${escapeHtml(e)}</button>`).join('');
		examples.dataset.corpus = corpus;
	}
}
