/**
 * What an exercise needs once the reader checks: the worker runner, the checkers with their reference, the grader and
 * the feedback view. The exercise element loads this on the first Check (and ahead of it, when its editor loads), so
 * a chapter's first paint carries none of it.
 */
export { CellRunner } from '../cells/runner';
export { formattedText } from '../cells/format';
export { CHECKS } from './checks';
export { TOLERANCE } from './compare';
export { grade } from './grade';
export { workedExample } from './exercise-view';
