/**
 * `<concept-question>`: one question of a concept check (ConceptCheck.astro). The server renders the question and, in
 * a `<details>`, every option's explanation; with JavaScript the details is hidden and Check shows the explanation of
 * what the reader chose (a known wrong number has its own; another wrong number gets the answer on the second try),
 * and a right answer counts in the reader's progress (./progress.ts).
 */
import { template } from '../text/template';
import { PROGRESS_RESET, progressOf, recordAttempt } from './progress';
import { readNumber } from './read-number';

export class ConceptQuestionElement extends HTMLElement {
	private wrongTries = 0;

	private get strings(): Record<string, string> {
		const box = this.closest('.concept-check')?.querySelector('[data-role="concept-strings"]');
		return JSON.parse(box?.textContent ?? '{}');
	}

	private q<T extends Element>(role: string): T {
		return this.querySelector<T>(`[data-role="${role}"]`)!;
	}

	connectedCallback() {
		if (this.dataset.bound) return;
		this.dataset.bound = 'true';
		this.q<HTMLDetailsElement>('answer').hidden = true;
		const button = this.q<HTMLButtonElement>('check');
		button.hidden = false;
		button.addEventListener('click', () => this.check());
		this.querySelector('input[data-role="number"]')?.addEventListener('keydown', (e) => {
			if ((e as KeyboardEvent).key === 'Enter') this.check();
		});
		if (progressOf(this.dataset.item ?? '').solved) this.dataset.result = 'right';
		document.addEventListener(PROGRESS_RESET, () => {
			delete this.dataset.result;
			this.wrongTries = 0;
			this.q<HTMLElement>('feedback').replaceChildren();
			for (const input of this.querySelectorAll('input')) {
				input.checked = false;
				if (input.type === 'text') input.value = '';
			}
		});
	}

	private check() {
		const strings = this.strings;
		const answers = this.q<HTMLElement>('answer');
		let right: boolean;
		let explanation: Element | null;
		if (this.dataset.kind === 'choice') {
			const chosen = this.querySelector<HTMLInputElement>('input[type="radio"]:checked');
			if (!chosen) return this.feedback(strings.choose!);
			right = chosen.dataset.correct === 'true';
			explanation = answers.querySelector(`li[data-option="${chosen.value}"]`);
		} else {
			const text = this.q<HTMLInputElement>('number').value;
			if (!text.trim()) return this.feedback(strings.enterNumber!);
			const value = readNumber(text);
			if (value === undefined) return this.feedback(template(strings.notANumber!, { text }));
			right = Math.abs(value - Number(this.dataset.answer)) <= Number(this.dataset.tolerance ?? 0);
			const mistake = [...answers.querySelectorAll<HTMLElement>('li[data-mistake]')].find((li) => Number(li.dataset.mistake) === value);
			if (!right && !mistake) this.wrongTries++;
			explanation = right || this.wrongTries >= 2 ? answers.querySelector('li[data-answer]') : (mistake ?? null);
		}
		recordAttempt(this.dataset.item ?? '', right);
		this.dataset.result = right ? 'right' : 'wrong';
		this.feedback(right ? strings.right! : strings.wrong!, explanation);
	}

	private feedback(verdict: string, explanation?: Element | null) {
		const box = this.q<HTMLElement>('feedback');
		const strong = document.createElement('strong');
		strong.textContent = verdict;
		box.replaceChildren(strong);
		// The explanation and its section (the parts marked `data-explains`): the verdict says right or wrong in words.
		for (const part of explanation?.querySelectorAll('[data-explains]') ?? []) box.append(' ', part.cloneNode(true));
	}
}
