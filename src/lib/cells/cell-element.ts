/**
 * `<code-cell>`: the page side of a runnable cell — editor, toolbar, persistence and sharing, the worker's
 * lifecycle (Run, Stop, time limit) and the output panel. Reader code never runs on the page: only in the worker.
 */
import { CellRunner } from './runner';
import { OutputView } from './output-view';
import { CellInputView } from './input-view';
import { clearEdit, decodeShared, encodeShared, loadEdit, saveEdit } from './persistence';
import type { CellInput, PublishMessage, WorkerMessage } from './protocol';
import { template } from '../text/template';
import { trainedAtText } from '../models/reader-model-events';
import type { CellEditor } from './editor';
import { whenNearViewport } from './near-viewport';

export class CodeCellElement extends HTMLElement {
	private original = '';
	private code = '';
	private editor: CellEditor | undefined;
	private runner: CellRunner | undefined;
	private output!: OutputView;
	private input: CellInputView | undefined;
	/** The worker holds what the last successful Run left in `shared` (a trained model): a stroke may predict. */
	private trained = false;
	private strings: Record<string, string> = {};
	private timer: ReturnType<typeof setTimeout> | undefined;
	private firstOutput = true;

	private q<T extends Element>(role: string): T {
		return this.querySelector<T>(`[data-role="${role}"]`)!;
	}

	get cellId(): string {
		return this.dataset.cell ?? '';
	}

	async connectedCallback() {
		this.strings = JSON.parse(this.q<HTMLScriptElement>('strings').textContent ?? '{}');
		this.original = this.q<HTMLScriptElement>('original').textContent ?? '';
		this.output = new OutputView(this.q<HTMLElement>('output'), this.strings);
		const inputBox = this.querySelector<HTMLElement>('[data-role="input"]');
		if (inputBox)
			this.input = new CellInputView(inputBox, this.strings, (after) => {
				// A finished stroke predicts only once a model exists; the button always asks (the code trains first if needed).
				if (after === 'button' || this.trained) this.run('predict');
			});
		this.q<HTMLButtonElement>('run').addEventListener('click', () => this.run());
		this.q<HTMLButtonElement>('stop').addEventListener('click', () => this.stop('stopped'));
		this.q<HTMLButtonElement>('reset').addEventListener('click', () => this.reset());
		this.q<HTMLButtonElement>('share').addEventListener('click', () => void this.share());
		this.addEventListener('keydown', (e) => {
			if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
				e.preventDefault();
				this.run();
			}
		});

		const shared = await decodeShared(new URLSearchParams(location.search).get(`cell.${this.cellId}`));
		this.code = shared ?? loadEdit(this.storageKey) ?? this.original;
		if (shared !== undefined) saveEdit(this.storageKey, shared, this.original);
		this.updateModified();
		// The editor (CodeMirror) loads when the cell comes near the viewport; an edited cell needs it at once.
		if (this.code !== this.original) await this.loadEditor();
		whenNearViewport(this, () => void this.loadEditor());
		this.dataset.ready = 'true';
	}

	private get storageKey(): string {
		return `cell:${location.pathname}:${this.cellId}`;
	}

	private async loadEditor() {
		if (this.editor) return;
		const { createEditor } = await import('./editor');
		if (this.editor) return;
		this.editor = createEditor(this.q<HTMLElement>('editor'), this.code, (code) => {
			this.code = code;
			saveEdit(this.storageKey, code, this.original);
			this.updateModified();
		});
		this.dataset.editor = 'ready';
	}

	private updateModified() {
		this.q<HTMLElement>('modified').hidden = this.code === this.original;
	}

	private get timeLimitSeconds(): number {
		return Number(this.q<HTMLSelectElement>('time-limit').value) || 120;
	}

	/**
	 * Runs the cell's code. `predict` (the input box's Predict) runs the same code with the reader's input and keeps
	 * the output panel (the training curves stay; the prediction's figures replace their previous version).
	 */
	run(trigger: CellInput['trigger'] = 'run') {
		if (this.dataset.status === 'running') return;
		const input = this.input ? this.input.read(trigger) : { trigger };
		if (typeof input === 'string') {
			this.input!.say(input);
			return;
		}
		this.input?.say(undefined);
		this.runner ??= new CellRunner((message) => this.onMessage(message));
		if (trigger === 'run') {
			this.output.clear();
			this.trained = false;
		}
		this.dataset.status = 'running';
		this.q<HTMLButtonElement>('stop').disabled = false;
		this.q<HTMLButtonElement>('run').disabled = true;
		performance.mark(`cell:${this.cellId}:run-start`);
		this.firstOutput = true;
		const limit = this.timeLimitSeconds;
		this.timer = setTimeout(() => this.stop('time-limit'), limit * 1000);
		this.output.status(this.strings.running!);
		this.runner.run(this.code, limit * 1000, input);
	}

	private onMessage(message: WorkerMessage) {
		if (message.type === 'ready') {
			// A fresh worker has started tfjs and its backend: the cold-start cost of this run.
			performance.measure('cell:cold-start', `cell:${this.cellId}:run-start`);
			const readout = this.q<HTMLOutputElement>('backend');
			readout.textContent = message.backend;
			readout.title = message.reason;
			return;
		}
		if (this.firstOutput && message.type !== 'done') {
			this.firstOutput = false;
			performance.measure('cell:first-output', `cell:${this.cellId}:run-start`);
		}
		if (message.type === 'done') {
			if (this.dataset.status === 'error') return; // the run already failed; its error stays the last word
			this.finish('done');
			this.trained = true;
			this.output.status(this.strings.done!.replace('{{s}}', (message.ms / 1000).toFixed(1)));
			performance.measure('cell:run', `cell:${this.cellId}:run-start`);
			return;
		}
		if (message.type === 'publish') {
			void this.keepModel(message);
			return;
		}
		if (message.type === 'check-result') return; // an exercise's message; a cell never sends `check`
		if (message.type === 'error') {
			this.finish('error');
			performance.measure('cell:run', `cell:${this.cellId}:run-start`);
		}
		this.output.show(message);
	}

	/** A model the cell published (`out.publish`): kept in this browser for part 3's widgets, and said so. */
	private async keepModel({ id, modelTopology, weightSpecs, weightData, card }: PublishMessage) {
		const parameters = weightSpecs.reduce((n, spec) => n + spec.shape.reduce((a, b) => a * b, 1), 0);
		const trainedAt = new Date();
		try {
			// Loaded when a cell first publishes a model, not with the page.
			const { keepReaderModel } = await import('../models/reader-models');
			await keepReaderModel({ id, modelTopology, weightSpecs, weightData, card: { ...card, trainedAt: trainedAt.toISOString(), parameters } });
			const time = trainedAtText(trainedAt, document.documentElement.lang);
			this.output.notice(template(this.strings.modelKept ?? '', { id, time, parameters: parameters.toLocaleString('en-US') }));
		} catch (error) {
			this.output.notice(template(this.strings.modelNotKept ?? '', { why: error instanceof Error ? error.message : String(error) }));
		}
	}

	private finish(status: 'done' | 'error') {
		clearTimeout(this.timer);
		this.dataset.status = status;
		this.q<HTMLButtonElement>('stop').disabled = true;
		this.q<HTMLButtonElement>('run').disabled = false;
		this.output.progressDone();
	}

	/** Terminates the worker: infinite loops end at once and its memory is released. */
	stop(why: 'stopped' | 'time-limit') {
		if (this.dataset.status !== 'running') return;
		this.runner?.terminate();
		this.runner = undefined;
		this.trained = false;
		this.q<HTMLOutputElement>('backend').textContent = '';
		this.finish('error');
		this.output.notice(why === 'stopped' ? this.strings.stopped! : this.strings.timeLimitHit!.replace('{{s}}', String(this.timeLimitSeconds)));
	}

	private reset() {
		this.code = this.original;
		this.editor?.setCode(this.original);
		clearEdit(this.storageKey);
		this.updateModified();
		const url = new URL(location.href);
		if (url.searchParams.has(`cell.${this.cellId}`)) {
			url.searchParams.delete(`cell.${this.cellId}`);
			history.replaceState(history.state, '', url);
		}
	}

	private async share() {
		const url = new URL(location.href);
		url.searchParams.set(`cell.${this.cellId}`, await encodeShared(this.code));
		history.replaceState(history.state, '', url);
		let copied = false;
		try {
			await navigator.clipboard.writeText(url.href);
			copied = true;
		} catch {
			// Clipboard access can be refused; the link is in the address bar anyway.
		}
		this.output.notice(`${this.strings.shared}${copied ? ` ${this.strings.copied}` : ''}.`);
	}
}
