import { describe, expect, test } from 'vitest';
import {
	CELL_PARAMETERS,
	compileCell,
	decodeMappings,
	measureLineOffset,
	originalPosition,
	stackPosition,
	toFunctionSource,
	transformCell,
	type TransformResult,
} from '../../src/lib/cells/transform';

function ok(result: TransformResult): Extract<TransformResult, { ok: true }> {
	if (!result.ok) throw new Error(`expected a successful transform, got: ${result.message}`);
	return result;
}

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...args: unknown[]) => Promise<unknown>;

/** Runs a cell as the worker does, with stand-ins for tf, data, out, console and shared. */
const runCell = (source: string, ...args: unknown[]) => new AsyncFunction(...CELL_PARAMETERS, toFunctionSource(ok(transformCell(source)).code))(...args);

describe('transformCell', () => {
	test('strips types and keeps every line where it was', () => {
		const source = ['const a: number = 1;', 'interface Point { x: number }', 'let b = <number>a + 1;', 'b * 2'].join('\n');
		expect(ok(transformCell(source)).code).toBe(['const a = 1;', '', 'let b = a + 1;', 'return (b * 2);'].join('\n'));
	});

	test('the last expression statement becomes the return value', () => {
		expect(ok(transformCell('const x = 1;\nx + 1; // the answer')).code).toBe('const x = 1;\nreturn (x + 1); // the answer');
		expect(ok(transformCell('f(1), g(2)')).code).toBe('return (f(1), g(2));');
		// Nothing to capture: a declaration last, an assignment (as in a notebook), or an empty cell.
		expect(ok(transformCell('const y = 2;')).code).toBe('const y = 2;');
		expect(ok(transformCell('shared.model = 1;')).code).toBe('shared.model = 1;');
		expect(ok(transformCell('')).code).toBe('');
	});

	test('import and export are rejected with a clear message at their position', () => {
		expect(transformCell("const a = 1;\nimport * as tf from '@tensorflow/tfjs';\ntf.ones([2]);")).toEqual({
			ok: false,
			message:
				'`import` is not available in code cells: every cell already receives `tf` (TensorFlow.js with layers), `data`, `out` and `shared`. Remove this import.',
			line: 2,
			column: 1,
		});
		// A type-only use is rejected too: the reader should not learn that imports work.
		expect(transformCell("import { Tensor } from '@tensorflow/tfjs';\nlet t: Tensor;")).toMatchObject({ ok: false, line: 1, column: 1 });
		expect(transformCell('export const a = 1;')).toEqual({
			ok: false,
			message: '`export` is not available in code cells: to pass a value to other cells, assign it to `shared` (for example `shared.model = model`).',
			line: 1,
			column: 1,
		});
		expect(transformCell('const m: any = 1;\nconst x = await import("https://example.com/x.js");')).toEqual({
			ok: false,
			message: '`import()` is not available in code cells: cells cannot load modules; use `tf`, `data`, `out` and `shared`.',
			line: 2,
			column: 17,
		});
	});

	test('an import() hidden behind HTML-like comments is found: the engine reads them as comments, a module parse does not', () => {
		// Parsed as a module, `<!--` and `-->` are operators and the import() sits inside a template literal; compiled as
		// a function body they start comments, and the import() is code.
		const hidden = 'let x = 0, y = 0, z;\nz = x <!--y + `\nimport("data:text/javascript,export default 1")\n-->`;';
		expect(transformCell(hidden)).toEqual({
			ok: false,
			message: '`import()` is not available in code cells: cells cannot load modules; use `tf`, `data`, `out` and `shared`.',
			line: 3,
			column: 1,
		});
		// Code that means the same either way is untouched.
		expect(transformCell('const a = 1;\nconst b = a < !--[1][0];\nb')).toMatchObject({ ok: true });
	});

	test('the cell parameters cannot be redeclared with let/const/class', () => {
		expect(transformCell('let x = 1;\nconst tf = 2;')).toEqual({
			ok: false,
			message: '`tf` is provided to every code cell and cannot be declared again with let, const or class; choose another name.',
			line: 2,
			column: 1,
		});
	});

	test('syntax errors report line and column in the original code (sucrase parses the original)', () => {
		expect(transformCell('let x: number = 1;\nlet y = 2;\nlet z = (;\n')).toEqual({ ok: false, message: 'Unexpected token', line: 3, column: 10 });
		expect(transformCell('const a = 1;\n\n  foo(1 2)')).toEqual({ ok: false, message: 'Unexpected token, expected ","', line: 3, column: 9 });
	});

	test('errors found after type stripping are mapped back through the source map (columns too)', () => {
		// acorn, not sucrase, finds this one: on the stripped code, where `: string` and `: number` are gone.
		expect(transformCell('const a: string = "s"; let c: number = 1;\nlet c = 2;')).toEqual({
			ok: false,
			message: "Identifier 'c' has already been declared",
			line: 2,
			column: 5,
		});
		expect(transformCell('const s: string = "x"; const s2: string = "y"; import("m")')).toMatchObject({ line: 1, column: 48 });
	});
});

describe('running the transformed code', () => {
	test('top-level await works, and the last expression is the value', async () => {
		expect(await runCell('const x: number = await Promise.resolve(41);\nx + 1')).toBe(42);
	});

	test('the cell sees its parameters', async () => {
		const shared: Record<string, number> = {};
		expect(await runCell('shared.n = (shared.n ?? 0) + tf.one;\nshared.n', { one: 1 }, {}, {}, console, shared)).toBe(1);
		expect(await runCell('shared.n = (shared.n ?? 0) + tf.one;\nshared.n', { one: 1 }, {}, {}, console, shared)).toBe(2);
	});

	test('cells run in strict mode: an undeclared assignment throws instead of leaking a global', async () => {
		await expect(runCell('leaked = 1')).rejects.toThrow(ReferenceError);
		expect('leaked' in globalThis).toBe(false);
	});

	test('compileCell builds the same function', async () => {
		expect(await compileCell(ok(transformCell('await null; 7')).code)()).toBe(7);
	});
});

describe('runtime error positions', () => {
	async function errorAt(source: string) {
		const { code, map } = ok(transformCell(source));
		const offset = await measureLineOffset();
		expect(offset).toBeTypeOf('number');
		try {
			await compileCell(code)();
		} catch (error) {
			const inStack = stackPosition((error as Error).stack)!;
			return originalPosition(map, { line: inStack.line - offset!, column: inStack.column });
		}
		throw new Error('the cell did not throw');
	}

	test('an error on line 3 is reported on line 3, at the column in the typed original', async () => {
		const source = ['const a: number = 1;', 'const b: Array<number> = [1];', 'const c: number = (a as any).x.y;'].join('\n');
		// `.y` of undefined: V8 points at `y`, column 32 in the original (18 in the stripped code).
		expect(await errorAt(source)).toEqual({ line: 3, column: 32 });
	});

	test('an error in the last expression (rewritten into `return (…)`) keeps its column', async () => {
		expect(await errorAt('const a: any = {};\na.b.c')).toEqual({ line: 2, column: 5 });
	});

	test('an error thrown after an await, inside a function the cell defined', async () => {
		const source = ['async function step(n: number) {', '  await null;', '  if (n > 1) throw new Error("too far");', '}', 'await step(2);'].join('\n');
		expect(await errorAt(source)).toEqual({ line: 3, column: 20 });
	});

	test('stack formats', () => {
		expect(stackPosition('Error: x\n    at eval (eval at compileCell (worker.js:1:2), <anonymous>:5:7)')).toEqual({ line: 5, column: 7 });
		expect(stackPosition('run@http://x/worker.js line 12 > AsyncFunction:4:3')).toEqual({ line: 4, column: 3 });
		expect(stackPosition('Error: x\n    at Array.map (<anonymous>)\n    at f (http://x/a.js:1:1)')).toBeUndefined();
		expect(stackPosition(undefined)).toBeUndefined();
	});

	test('source map decoding', () => {
		// "AAAA,MAAM" = [0,0,0,0], [6,0,0,6]; ";AACA" moves to the next line and one original line down.
		expect(decodeMappings('AAAA,MAAM;AACA')).toEqual([
			[
				[0, 0, 0],
				[6, 0, 6],
			],
			[[0, 1, 6]],
		]);
	});
});
