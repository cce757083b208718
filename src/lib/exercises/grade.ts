/**
 * Grades a reader's attempt: the results their function gave for each case (values that came back from the worker,
 * or the error a case threw) against the reference's. Pure, so the page and the unit tests grade the same way.
 */
import type { Case, ExerciseCheck } from './checks';
import { compare, type Problem, type Value } from './compare';

/** What the reader's function did with one case: returned a value, or threw (message and line, when known). */
export type Outcome = { value: unknown } | { error: string; line?: number; /** A sentence of its own, not an exception's message. */ explained?: boolean };

export interface Failure {
	/** 0-based index of the first failing case. */
	index: number;
	args: Value[];
	expected: Value;
	/** What came back, or the error. */
	outcome: Outcome;
	/** Undefined when the case threw. */
	problem?: Problem;
}

export interface Grade {
	passed: number;
	total: number;
	/** The first failing case, as a worked example; undefined when every case passed. */
	failure?: Failure;
}

export function grade(check: ExerciseCheck, cases: Case[], outcomes: Outcome[]): Grade {
	if (outcomes.length !== cases.length) throw new Error(`grade: ${outcomes.length} outcomes for ${cases.length} cases`);
	let passed = 0;
	let failure: Failure | undefined;
	cases.forEach((c, index) => {
		const expected = (check.expected as (...args: Value[]) => Value)(...c.args);
		const outcome = outcomes[index]!;
		const problem = 'error' in outcome ? undefined : compare(expected, outcome.value, '', check.tolerance);
		if (!('error' in outcome) && !problem) passed++;
		else failure ??= { index, args: c.args, expected, outcome, ...(problem ? { problem } : {}) };
	});
	return { passed, total: cases.length, ...(failure ? { failure } : {}) };
}

/** Runs a function on every case in this realm (tests, and a reader-free check of the reference solutions). */
export function outcomesOf(fn: (...args: never[]) => unknown, cases: Case[]): Outcome[] {
	return cases.map((c) => {
		try {
			return { value: (fn as (...args: Value[]) => unknown)(...structuredClone(c.args)) };
		} catch (error) {
			return { error: error instanceof Error ? error.message : String(error) };
		}
	});
}
