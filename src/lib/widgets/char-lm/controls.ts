/**
 * The controls both trained-model widgets share (components/ui/CharLmControls.astro): the prefix and its examples, the
 * model, temperature, top-k, Generate and "back to the prefix". Roles are prefixed with the widget's own (`lm-text`,
 * `lstm-text`, …). A new text, model or generation resets the widget's position (`reset`: its query or step).
 */
import { escapeHtml } from '../../text/template';
import { LM_EXAMPLES, type LmCorpus } from './corpora';

/** The part of a trained-model widget's state these controls set. */
export interface CharLmControlState {
	text: string;
	corpus: LmCorpus;
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
}

function find<T extends Element>(root: HTMLElement, role: string): T {
	const element = root.querySelector<T>(`[data-role="${role}"]`);
	if (!element) throw new Error(`<${root.localName}>: no [data-role="${role}"] in the component`);
	return element;
}

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
	const corpus = q<HTMLSelectElement>('model');
	corpus.addEventListener(
		'change',
		() => host.commit(change({ corpus: corpus.value as LmCorpus, text: LM_EXAMPLES[corpus.value as LmCorpus][0]!, generate: false })),
		on,
	);
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
	q<HTMLSelectElement>('model').value = s.corpus;
	q<HTMLInputElement>('temperature').value = String(s.temperature);
	q<HTMLOutputElement>('temperature-value').textContent = s.temperature.toFixed(1);
	const topK = q<HTMLSelectElement>('topk');
	if (![...topK.options].some((o) => o.value === String(s.topK))) topK.add(new Option(String(s.topK), String(s.topK)));
	topK.value = String(s.topK);
	q<HTMLButtonElement>('clear').hidden = !s.generate;
	const examples = q<HTMLElement>('examples');
	if (examples.dataset.corpus !== s.corpus) {
		examples.innerHTML = LM_EXAMPLES[s.corpus].map((e) => `<button type="button" data-example="${escapeHtml(e)}">${escapeHtml(e)}</button>`).join('');
		examples.dataset.corpus = s.corpus;
	}
}
