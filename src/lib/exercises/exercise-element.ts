/**
 * `<exercise-cell>`: the page side of a coding exercise — editor, Check, Stop, the graded feedback, hints one at a
 * time, the solution after a confirmation, and the reader's progress (./progress.ts). Reader code runs only in the
 * worker (src/lib/cells/worker.ts, `check`), which receives each case's arguments; the expected values are computed
 * here by the reference and never leave the page, so nothing reader code does can reach or change them.
 */
import type { CellRunner } from '../cells/runner';
import type { CellEditor } from '../cells/editor';
import { whenNearViewport } from '../cells/near-viewport';
import type { CaseOutcome, WorkerMessage } from '../cells/protocol';
import { template } from '../text/template';
import type { Case, ExerciseCheck } from './checks';
import { atLine, type ExerciseStrings } from './exercise-view';
import type { Grade, Outcome } from './grade';
import { PROGRESS_CHANGE, PROGRESS_RESET, progressOf, recordAttempt, saveCode } from './progress';

type CheckModule = typeof import('./exercise-check');

/** A synchronous loop cannot be interrupted from inside the worker: the page terminates it this long after the limit. */
const GRACE_MS = 250;

export class ExerciseElement extends HTMLElement {
	private strings: ExerciseStrings = {};
	private original = '';
	private code = '';
	private editor: CellEditor | undefined;
	private runner: CellRunner | undefined;
	private checker: ExerciseCheck | undefined;
	/** The runner, checkers and feedback view: loaded on the first Check, or ahead of it with the editor. */
	private checking: Promise<CheckModule> | undefined;
	private m: CheckModule | undefined;
	private cases: Case[] = [];
	private timer: ReturnType<typeof setTimeout> | undefined;
	private hintsShown = 0;
	private connection: AbortController | undefined;

	private q<T extends Element>(role: string): T {
		return this.querySelector<T>(`[data-role="${role}"]`)!;
	}

	get exerciseId(): string {
		return this.dataset.exercise ?? '';
	}

	private get timeLimitSeconds(): number {
		return Number(this.dataset.timeLimit) || 5;
	}

	connectedCallback() {
		this.connection?.abort();
		this.connection = new AbortController();
		const on = { signal: this.connection.signal };
		this.strings = JSON.parse(this.q<HTMLScriptElement>('strings').textContent ?? '{}');
		this.original = this.q<HTMLScriptElement>('original').textContent ?? '';
		this.code = progressOf(this.exerciseId).code ?? this.original;

		this.q<HTMLElement>('needs-js').hidden = true;
		// Check and Stop stay focusable while unavailable (aria-disabled): disabling the button just pressed from the
		// keyboard would drop the focus to the page.
		for (const role of ['check', 'stop', 'reset']) this.q<HTMLButtonElement>(role).disabled = false;
		this.setBusy(false);
		this.q<HTMLButtonElement>('check').addEventListener('click', () => this.check(), on);
		this.q<HTMLButtonElement>('stop').addEventListener('click', () => this.stop('stopped'), on);
		this.q<HTMLButtonElement>('reset').addEventListener('click', () => this.reset(), on);
		this.addEventListener(
			'keydown',
			(e) => {
				if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
					e.preventDefault();
					this.check();
				}
			},
			on,
		);
		this.bindHints(on);
		this.bindSolution(on);
		this.showProgress();
		document.addEventListener(PROGRESS_CHANGE, () => this.showProgress(), on);
		// Another tab solved it: its write reaches this one as a storage event.
		addEventListener('storage', () => this.showProgress(), on);
		document.addEventListener(
			PROGRESS_RESET,
			() => {
				if (this.dataset.status === 'running') this.stop('stopped');
				this.code = this.original;
				this.editor?.setCode(this.original);
				this.dataset.status = 'idle';
				this.say('');
				this.q<HTMLElement>('worked').hidden = true;
			},
			on,
		);

		// The editor loads when the exercise comes near the viewport; code the reader already wrote needs it at once.
		if (this.code !== this.original) void this.loadEditor();
		whenNearViewport(this, () => void this.loadEditor(), this.connection.signal);
		this.dataset.ready = 'true';
	}

	disconnectedCallback() {
		this.connection?.abort();
		clearTimeout(this.timer);
		this.runner?.terminate();
		this.runner = undefined;
		// A check in flight is gone with its worker: moved back into the page, the exercise is ready for the next one.
		if (this.dataset.status === 'running') this.dataset.status = 'idle';
	}

	private async loadEditor() {
		if (this.editor) return;
		void this.loadCheck();
		const { createEditor } = await import('../cells/editor');
		if (this.editor) return;
		this.editor = createEditor(this.q<HTMLElement>('editor'), this.code, (code) => {
			this.code = code;
			saveCode(this.exerciseId, code === this.original ? undefined : code);
		});
		this.dataset.editor = 'ready';
	}

	private bindHints(on: AddEventListenerOptions) {
		const hints = [...this.q<HTMLElement>('hints-static').querySelectorAll('li')];
		this.q<HTMLElement>('hints-static').hidden = true;
		const stepper = this.q<HTMLElement>('hint-stepper');
		stepper.hidden = false;
		const button = this.q<HTMLButtonElement>('hint');
		button.addEventListener(
			'click',
			() => {
				const next = hints[this.hintsShown];
				if (!next) return;
				const shown = next.cloneNode(true) as HTMLElement;
				this.q<HTMLOListElement>('hints-shown').append(shown);
				this.hintsShown++;
				if (this.hintsShown < hints.length) button.textContent = template(this.strings.hint!, { n: this.hintsShown + 1, total: hints.length });
				else {
					// The button goes; the focus goes to the last hint, not to the page.
					button.hidden = true;
					shown.tabIndex = -1;
					shown.focus();
				}
			},
			on,
		);
	}

	/** The solution is one click and one confirmation away; until then it is not on screen. */
	private bindSolution(on: AddEventListenerOptions) {
		const solution = this.q<HTMLDetailsElement>('solution');
		solution.hidden = true;
		this.q<HTMLElement>('solution-gate').hidden = false;
		const ask = this.q<HTMLButtonElement>('show-solution');
		const confirm = this.q<HTMLElement>('confirm');
		ask.addEventListener(
			'click',
			() => {
				confirm.hidden = false;
				ask.setAttribute('aria-expanded', 'true');
				this.q<HTMLButtonElement>('confirm-no').focus();
			},
			on,
		);
		this.q<HTMLButtonElement>('confirm-no').addEventListener(
			'click',
			() => {
				confirm.hidden = true;
				ask.setAttribute('aria-expanded', 'false');
				ask.focus();
			},
			on,
		);
		this.q<HTMLButtonElement>('confirm-yes').addEventListener(
			'click',
			() => {
				this.q<HTMLElement>('solution-gate').hidden = true;
				solution.hidden = false;
				solution.open = true;
				solution.querySelector('summary')?.focus();
			},
			on,
		);
	}

	private showProgress() {
		const progress = progressOf(this.exerciseId);
		for (const mark of document.querySelectorAll<HTMLElement>(`[data-role="solved-mark"][data-for="${this.exerciseId}"]`)) mark.hidden = !progress.solved;
		this.q<HTMLElement>('attempts').textContent = progress.attempts ? template(this.strings.attempts!, { n: progress.attempts }) : '';
	}

	private loadCheck(): Promise<CheckModule> {
		this.checking ??= import('./exercise-check').then((m) => {
			this.m = m;
			this.checker = (m.CHECKS as Record<string, ExerciseCheck>)[this.dataset.check ?? ''];
			return m;
		});
		return this.checking;
	}

	async check() {
		if (this.dataset.status === 'running') return;
		this.dataset.status = 'running';
		this.setBusy(true);
		this.say(this.strings.checking!);
		let m: CheckModule;
		try {
			m = await this.loadCheck();
			if (!this.checker) throw new Error(`no checker named “${this.dataset.check}”`);
			this.cases = this.checker.cases();
		} catch (error) {
			// The chunk did not load (offline, a newer deploy): the next Check tries again.
			this.checking = undefined;
			this.finish('error');
			this.say(template(this.strings.notCompiled!, { name: 'Error', message: error instanceof Error ? error.message : String(error) }));
			return;
		}
		const checker = this.checker;
		this.runner ??= new m.CellRunner((message) => this.onMessage(message), 'exercise');
		this.q<HTMLElement>('worked').hidden = true;
		const log = this.q<HTMLElement>('log');
		log.hidden = true;
		log.textContent = '';
		const limit = this.timeLimitSeconds * 1000;
		this.timer = setTimeout(() => this.stop('time-limit'), limit + GRACE_MS);
		this.runner.check(
			this.code,
			checker.fn,
			this.cases.map((c) => c.args),
			{ tf: checker.tf === true, timeLimitMs: limit },
		);
	}

	private onMessage(message: WorkerMessage) {
		switch (message.type) {
			case 'log': {
				// What the reader prints while debugging.
				const log = this.q<HTMLElement>('log');
				log.hidden = false;
				log.textContent += `${message.parts.map(this.m!.formattedText).join(' ')}\n`;
				return;
			}
			case 'error':
				if (message.name === 'WorkerError') {
					// A worker that failed to start stays failed: the next Check starts a new one.
					this.runner?.terminate();
					this.runner = undefined;
				}
				this.finish('error');
				this.say(this.errorText(message.name, message.message) + atLine(message.line, this.strings));
				this.record(false);
				return;
			case 'check-result': {
				if (message.outcomes.length !== this.cases.length) {
					this.finish('error');
					this.say(template(this.strings.notCompiled!, { name: 'Error', message: `${message.outcomes.length} results for ${this.cases.length} cases` }));
					return;
				}
				const result = this.m!.grade(
					this.checker!,
					this.cases,
					message.outcomes.map((o) => this.outcome(o)),
				);
				this.finish(result.failure ? 'failed' : 'passed');
				this.showGrade(result);
				this.record(!result.failure);
				return;
			}
			case 'done':
				if (this.dataset.status === 'running') this.finish('error');
				return;
			default:
				return; // figures and progress are the code cells'; an exercise's function returns its answer
		}
	}

	private say(text: string) {
		this.q<HTMLElement>('summary').textContent = text;
	}

	private showGrade(result: Grade) {
		this.dataset.passed = String(result.passed);
		this.dataset.total = String(result.total);
		const counts = { passed: result.passed, total: result.total };
		const failure = result.failure;
		if (!failure) {
			this.say(template(this.strings.passed!, counts));
			return;
		}
		this.say(`${template(this.strings.failed!, counts)} ${template(this.strings.firstFailure!, { n: failure.index + 1 })}`);
		const checker = this.checker!;
		const worked = this.q<HTMLElement>('worked');
		worked.replaceChildren(...this.m!.workedExample(failure, checker.params, checker.tolerance ?? this.m!.TOLERANCE, this.strings));
		worked.hidden = false;
	}

	private record(solved: boolean) {
		recordAttempt(this.exerciseId, solved);
		this.showProgress();
	}

	private finish(status: 'passed' | 'failed' | 'error') {
		clearTimeout(this.timer);
		this.dataset.status = status;
		this.setBusy(false);
	}

	/** While a check runs, Check is unavailable and Stop available; both keep the focus they have. */
	private setBusy(busy: boolean) {
		this.q<HTMLButtonElement>('check').setAttribute('aria-disabled', String(busy));
		this.q<HTMLButtonElement>('stop').setAttribute('aria-disabled', String(!busy));
	}

	/** The worker's few errors of its own (no such function, a tensor returned) in the page's language. */
	private errorText(name: string, message: string): string {
		const own = this.strings[`error${name}`];
		return own ? template(own, { fn: this.checker?.fn ?? '' }) : template(this.strings.notCompiled!, { name, message });
	}

	/** The worker's outcome of a case as the grader reads it: the value, or the error with its line. */
	private outcome(outcome: CaseOutcome): Outcome {
		if ('value' in outcome) return { value: outcome.value };
		if (this.strings[`error${outcome.name}`]) return { error: this.errorText(outcome.name, outcome.error), explained: true };
		return { error: `${outcome.name}: ${outcome.error}`, ...(outcome.line !== undefined ? { line: outcome.line } : {}) };
	}

	/** Terminates the worker: an infinite loop ends at once; the next Check starts a fresh worker. */
	stop(why: 'stopped' | 'time-limit') {
		if (this.dataset.status !== 'running') return;
		this.runner?.terminate();
		this.runner = undefined;
		this.finish('error');
		this.say(why === 'stopped' ? this.strings.stopped! : template(this.strings.timeLimit!, { s: this.timeLimitSeconds }));
		if (why === 'time-limit') this.record(false);
	}

	private reset() {
		this.code = this.original;
		this.editor?.setCode(this.original);
		saveCode(this.exerciseId, undefined);
		this.say(this.strings.resetDone!);
	}
}
