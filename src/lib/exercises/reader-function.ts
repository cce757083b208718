/**
 * The reader's exercise code → the function it defines, by the same transform and compile as a code cell
 * (src/lib/cells/transform.ts). The function's name is appended as the code's last expression, so the compiled cell
 * returns it; a missing or misspelt definition gets a message that names what was expected. Used by the worker
 * (check mode) and by the unit tests of the exercises' starter code and solutions, so both read code the same way.
 */
import { CELL_PARAMETERS, compileCell, transformCell, type CellFunction, type PositionMap } from '../cells/transform';

export type ReaderFunctionSource =
	{ ok: true; cell: CellFunction; map: PositionMap } | { ok: false; name: string; message: string; line?: number; column?: number };

/** Transforms and compiles `code` so that running it returns the value of `fn` (a name, e.g. `conv2d`). */
export function compileExercise(code: string, fn: string): ReaderFunctionSource {
	if (!/^[A-Za-z_$][\w$]*$/.test(fn)) throw new Error(`compileExercise: ${JSON.stringify(fn)} is not a function name`);
	// On its own line after the reader's code, so a last line without a semicolon or newline still ends first.
	const transformed = transformCell(`${code}\n;(typeof ${fn} === 'function' ? ${fn} : undefined)\n`);
	if (!transformed.ok) return { name: 'SyntaxError', ...transformed, ok: false };
	try {
		return { ok: true, cell: compileCell(transformed.code), map: transformed.map };
	} catch (error) {
		return { ok: false, name: error instanceof Error ? error.name : 'SyntaxError', message: String(error instanceof Error ? error.message : error) };
	}
}

/** What the check says when the code defines no function of that name. */
export const missingFunction = (fn: string) => `The code defines no function named \`${fn}\`: keep the name and the parameters of the starter code.`;

/**
 * The cell's parameters for an exercise: `tf` where the exercise uses TensorFlow.js, `console` to print while
 * debugging; the others (data, out, shared, input) are for code cells and stay undefined.
 */
export function exerciseArguments(given: { tf?: unknown; console?: unknown } = {}): unknown[] {
	return CELL_PARAMETERS.map((name) => (name === 'tf' ? given.tf : name === 'console' ? given.console : undefined));
}
