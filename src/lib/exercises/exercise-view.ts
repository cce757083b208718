/**
 * The exercise's feedback as DOM: a failing case as a worked example (inputs, expected and the reader's result side
 * by side, differing entries marked) and the problem in the page's language. View only: what differs was decided by
 * compare.ts and worked-example.ts.
 */
import { template } from '../text/template';
import type { Problem } from './compare';
import type { Failure } from './grade';
import { show, type Shown, type ShownCell } from './worked-example';

export type ExerciseStrings = Record<string, string>;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
	const node = document.createElement(tag);
	if (className) node.className = className;
	if (text !== undefined) node.textContent = text;
	return node;
}

function cellNode(tag: 'td' | 'span', cell: ShownCell, strings: ExerciseStrings): HTMLElement {
	const node = element(tag, cell.differs ? 'differs' : undefined, cell.text);
	if (cell.differs) {
		// Colour alone does not say it (WCAG 1.4.1): the entry is also bold and outlined, and says so to screen readers.
		node.append(element('span', 'sr-only', ` (${strings.differs})`));
		node.dataset.differs = 'true';
	}
	return node;
}

/** A value as a number, a one-row table, a grid, or a labelled list of those. */
export function shownNode(shown: Shown, strings: ExerciseStrings): HTMLElement {
	switch (shown.kind) {
		case 'scalar':
			return cellNode('span', shown.cell, strings);
		case 'text':
			return element('code', shown.differs ? 'differs' : undefined, shown.text);
		case 'row':
		case 'grid': {
			const table = element('table', 'exercise-grid');
			const body = element('tbody');
			for (const row of shown.kind === 'row' ? [shown.cells] : shown.rows) {
				const tr = element('tr');
				for (const cell of row) tr.append(cellNode('td', cell, strings));
				body.append(tr);
			}
			table.append(body);
			return table;
		}
		case 'list': {
			const list = element('dl', 'exercise-list');
			for (const item of shown.items) {
				const value = element('dd');
				value.append(shownNode(item.value, strings));
				list.append(element('dt', undefined, item.label), value);
			}
			return list;
		}
	}
}

/** How the problem reads, in the page's language. */
export function problemText(problem: Problem, strings: ExerciseStrings): string {
	const where = (path: string) => (path ? template(strings.where!, { path }) : '');
	const shape = (s: number[]) => (s.length ? s.join('×') : strings.kindScalar!);
	const kind = (text: string) => {
		const array = /^an array of (\d+)$/.exec(text);
		if (array) return template(strings.kindArray!, { n: array[1]! });
		// compare.ts says what it expected in words and what came as its `typeof`.
		const words: Record<string, string | undefined> = {
			'a number': strings.kindNumber,
			number: strings.kindNumber,
			'true or false': strings.kindBoolean,
			boolean: strings.kindBoolean,
			'an object': strings.kindObject,
			object: strings.kindObject,
			string: strings.kindString,
			undefined: strings.kindUndefined,
			function: strings.kindFunction,
		};
		return words[text] ?? text;
	};
	switch (problem.kind) {
		case 'shape':
			return template(strings.problemShape!, { expected: shape(problem.expected), actual: shape(problem.actual), where: where(problem.path) });
		case 'missing':
			return template(strings.problemMissing!, { key: problem.key, where: where(problem.path) });
		case 'type':
			return template(strings.problemType!, { expected: kind(problem.expected), actual: kind(problem.actual), where: where(problem.path) });
		case 'not-finite':
			return template(strings.problemNotFinite!, { actual: String(problem.actual), expected: String(problem.expected), where: where(problem.path) });
		case 'values':
			return template(strings.problemValues!, { count: problem.count, total: problem.total });
	}
}

/** A labelled block of the worked example (“Expected”, “Your result”, or one input by its parameter name). */
export function labelled(label: string, content: HTMLElement, role: string): HTMLElement {
	const figure = element('figure', 'exercise-value');
	figure.dataset.role = role;
	const caption = element('figcaption', undefined, label);
	figure.append(caption, content);
	return figure;
}

/** “ (line 5)” in the page's language, or nothing. */
export const atLine = (line: number | undefined, strings: ExerciseStrings): string => (line === undefined ? '' : template(strings.atLine!, { line }));

/**
 * The first failing case as a worked example: the inputs by parameter name, the expected result and the reader's
 * side by side with the differing entries marked, and the problem in one sentence (or what the function threw).
 */
export function workedExample(failure: Failure, params: string[], tolerance: number, strings: ExerciseStrings): HTMLElement[] {
	const inputs = element('div', 'exercise-inputs');
	failure.args.forEach((arg, i) => inputs.append(labelled(params[i] ?? `#${i + 1}`, shownNode(show(arg), strings), `input-${i}`)));
	const sides = element('div', 'exercise-sides');
	const outcome = failure.outcome;
	let sentence: string;
	if ('error' in outcome) {
		sides.append(labelled(strings.expected!, shownNode(show(failure.expected), strings), 'expected'));
		sentence = outcome.explained ? outcome.error : template(strings.threw!, { error: outcome.error }) + atLine(outcome.line, strings);
	} else {
		sides.append(
			labelled(strings.expected!, shownNode(show(failure.expected, { value: outcome.value, tolerance }), strings), 'expected'),
			labelled(strings.yours!, shownNode(show(outcome.value, { value: failure.expected, tolerance }), strings), 'yours'),
		);
		sentence = failure.problem ? problemText(failure.problem, strings) : '';
	}
	const problem = element('p', 'exercise-problem', sentence);
	problem.dataset.role = 'problem';
	return [labelled(strings.inputs!, inputs, 'inputs-block'), sides, problem];
}
