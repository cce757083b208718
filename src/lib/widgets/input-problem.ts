/**
 * A message for the reader: what was wrong with the input (the last good result stays on screen). In a module of its
 * own, without the DOM, so that pure code run on the server too (a calculator's result) can throw it.
 */
export class InputProblem extends Error {}
