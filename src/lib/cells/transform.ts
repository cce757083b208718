/**
 * The reader's cell source → the body of an async function the worker can run.
 *
 * parse → transform → run, in small pure steps (the shape of Observable Framework's runtime):
 * 1. sucrase strips TypeScript types (it keeps every line where it was, and its source map gives the columns back);
 * 2. acorn parses the result, to reject `import`/`export` with a clear message and find the last top-level statement;
 * 3. a last *expression* statement (other than an assignment) becomes `return (<expr>);`, so the cell shows its value
 *    like a notebook;
 * 4. `toFunctionSource` adds the strict-mode prologue; `compileCell` builds the AsyncFunction, so top-level `await` works.
 *
 * Positions reported to the reader (syntax errors here, runtime errors via `stackPosition` + `originalPosition`) are
 * 1-based lines and columns in the reader's original code.
 */
import { parse, type Node, type Program } from 'acorn';
import { transform } from 'sucrase';

/**
 * Names every cell receives as parameters, in this order: `tf` (tfjs-core + tfjs-layers), `data` (data set loaders),
 * `out` (charts, heatmaps, images, progress), `console` (to the output panel), `shared` (an object kept between runs
 * in the same worker, so the cells of a page can hand values to each other explicitly: `shared.model = model`), `input`
 * (what the reader put in the cell's input box, and whether Run or Predict started the run).
 */
export const CELL_PARAMETERS = ['tf', 'data', 'out', 'console', 'shared', 'input'] as const;

/** A 1-based line and column. */
export interface CellPosition {
	line: number;
	column: number;
}

/**
 * Where each stretch of the transformed code came from: for each line of the transformed code (index 0 = line 1),
 * segments `[generatedColumn, originalLine, originalColumn]`, all 0-based, sorted by generated column.
 */
export type PositionMap = [number, number, number][][];

export type TransformResult = { ok: true; code: string; map: PositionMap } | { ok: false; message: string; line?: number; column?: number };

export type CellFunction = (...args: unknown[]) => Promise<unknown>;

const RETURN_PREFIX = 'return (';

const IMPORT_MESSAGE =
	'`import` is not available in code cells: every cell already receives `tf` (TensorFlow.js with layers), `data`, `out` and `shared`. Remove this import.';
const EXPORT_MESSAGE = '`export` is not available in code cells: to pass a value to other cells, assign it to `shared` (for example `shared.model = model`).';
const DYNAMIC_IMPORT_MESSAGE = '`import()` is not available in code cells: cells cannot load modules; use `tf`, `data`, `out` and `shared`.';

export function transformCell(source: string): TransformResult {
	let stripped: { code: string; map: PositionMap };
	try {
		const result = transform(source, {
			transforms: ['typescript'],
			// Keep imports, even type-only-looking ones, so the check below rejects them instead of sucrase dropping them.
			keepUnusedImports: true,
			// Browsers run modern syntax: leave `?.`, `??` and class fields as written (fewer column shifts).
			disableESTransforms: true,
			sourceMapOptions: { compiledFilename: 'cell.js' },
			filePath: 'cell.ts', // required by sucrase for a source map; stripped from its error messages below
		});
		stripped = { code: result.code, map: decodeMappings(result.sourceMap?.mappings ?? '') };
	} catch (error) {
		// sucrase parses the original source, so its offset is already in the reader's code.
		const pos = (error as { pos?: unknown }).pos;
		return {
			ok: false,
			message: syntaxMessage(error),
			...(typeof pos === 'number' ? lineColumn(source, pos) : {}),
		};
	}

	const { code, map } = stripped;
	let program: Program;
	try {
		program = parse(code, {
			ecmaVersion: 'latest',
			sourceType: 'module', // strict, top-level await, and import/export parse so they can be reported clearly
			allowReturnOutsideFunction: true,
			locations: true,
		});
	} catch (error) {
		const pos = (error as { pos?: unknown }).pos;
		return { ok: false, message: syntaxMessage(error), ...(typeof pos === 'number' ? mapOffset(code, map, pos) : {}) };
	}

	const problem = findForbidden(program) ?? findForbiddenAsCompiled(code);
	if (problem) return { ok: false, message: problem.message, ...mapOffset(code, map, problem.node.start) };

	const last = program.body.at(-1);
	if (last?.type !== 'ExpressionStatement') return { ok: true, code, map };
	const expression = (last as Node & { expression: Node }).expression;
	// `shared.model = model` ends many cells: like a notebook, an assignment shows nothing.
	if (expression.type === 'AssignmentExpression') return { ok: true, code, map };
	const rewritten = `${code.slice(0, last.start)}${RETURN_PREFIX}${code.slice(expression.start, expression.end)});${code.slice(last.end)}`;
	// Everything from the statement's start on its line moved right by the prefix.
	const { line, column } = lineColumn(code, last.start);
	const shifted = map.map((segments, index) =>
		index === line - 1 ? segments.map(([g, l, c]): [number, number, number] => [g >= column - 1 ? g + RETURN_PREFIX.length : g, l, c]) : segments,
	);
	return { ok: true, code: rewritten, map: shifted };
}

/**
 * The body of the cell's async function: strict mode (an undeclared assignment is an error rather than a global that
 * leaks into the next run), then the code on its own lines. The prologue shifts lines by one; callers measure the
 * offset with `measureLineOffset` instead of assuming it.
 */
export function toFunctionSource(code: string): string {
	return `'use strict';\n${code}\n`;
}

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => CellFunction;

/** Compiles transformed code into `async function (tf, data, out, console, shared, input) { … }`. */
export function compileCell(code: string): CellFunction {
	return new AsyncFunction(...CELL_PARAMETERS, toFunctionSource(code));
}

/**
 * Lines the engine's stack traces add before line 1 of the code: `new Function` wraps the body in a header whose
 * length is the engine's business (V8: 2 lines, plus the prologue), so it is measured once with a probe that throws
 * on line 1. `undefined` when the engine's stack traces carry no usable position.
 */
export async function measureLineOffset(): Promise<number | undefined> {
	try {
		await compileCell('throw new Error("cell position probe");')();
	} catch (error) {
		const position = stackPosition(error instanceof Error ? error.stack : undefined);
		return position ? position.line - 1 : undefined;
	}
	return undefined;
}

/**
 * The first position inside `new Function` code in a stack trace: V8 writes `<anonymous>:LINE:COL`, Firefox
 * `> Function:LINE:COL` (or `> AsyncFunction:`). Frames of library code (tfjs) above it are skipped, so an error
 * raised inside `tf.matMul` points at the reader's call.
 */
export function stackPosition(stack: string | undefined): CellPosition | undefined {
	const match = stack?.match(/(?:<anonymous>|> (?:Async)?Function):(\d+):(\d+)/);
	return match ? { line: Number(match[1]), column: Number(match[2]) } : undefined;
}

/** A 1-based position in the transformed code → the same place in the reader's code. */
export function originalPosition(map: PositionMap, position: CellPosition): CellPosition {
	const segments = map[position.line - 1];
	if (!segments?.length) return position; // sucrase keeps lines: an unmapped line is the same line
	const column = position.column - 1;
	let best = segments[0]!;
	for (const segment of segments) if (segment[0] <= column) best = segment;
	return { line: best[1] + 1, column: Math.max(0, best[2] + column - best[0]) + 1 };
}

// ---------------------------------------------------------------------------------------------------------------

function syntaxMessage(error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	// sucrase prefixes "Error transforming cell.ts: " and both parsers append "(line:column)": the position is
	// reported separately, in the reader's code.
	return message.replace(/^Error transforming [^:]*: /, '').replace(/\s*\(\d+:\d+\)\s*$/, '');
}

/** 1-based line and column of an offset. */
function lineColumn(text: string, offset: number): CellPosition {
	const before = text.slice(0, offset);
	const line = before.split('\n').length;
	return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

function mapOffset(code: string, map: PositionMap, offset: number): CellPosition {
	return originalPosition(map, lineColumn(code, offset));
}

/** `import`/`export` statements and `import()` expressions, which a cell cannot use, and redeclared cell parameters. */
function findForbidden(program: Program): { node: Node; message: string } | undefined {
	for (const statement of program.body) {
		if (statement.type === 'ImportDeclaration') return { node: statement, message: IMPORT_MESSAGE };
		if (statement.type.startsWith('Export')) return { node: statement, message: EXPORT_MESSAGE };
		const redeclared = lexicalNames(statement).find((name) => (CELL_PARAMETERS as readonly string[]).includes(name));
		if (redeclared)
			return {
				node: statement,
				message: `\`${redeclared}\` is provided to every code cell and cannot be declared again with let, const or class; choose another name.`,
			};
	}
	const dynamicImport = findNode(program, (node) => node.type === 'ImportExpression');
	return dynamicImport && { node: dynamicImport, message: DYNAMIC_IMPORT_MESSAGE };
}

/**
 * The same code read the way the engine will compile it: as a function body (a script), not as a module. The two
 * differ: in a script `<!--` and a `-->` at the start of a line begin comments (web-compatibility syntax), in a module
 * they are operators, so text the module parse took for a string can be code in the function — an `import()` hidden
 * there would load any module. Whatever this parse finds is what runs.
 */
function findForbiddenAsCompiled(code: string): { node: Node; message: string } | undefined {
	const prologue = toFunctionSource('').length - 1; // the prologue before the code (the source ends with a newline)
	let program: Program;
	try {
		program = parse(toFunctionSource(code), { ecmaVersion: 'latest', sourceType: 'script', allowAwaitOutsideFunction: true, allowReturnOutsideFunction: true });
	} catch (error) {
		const pos = (error as { pos?: unknown }).pos;
		return { node: { start: Math.max(0, (typeof pos === 'number' ? pos : 0) - prologue) } as Node, message: syntaxMessage(error) };
	}
	const dynamicImport = findNode(program, (node) => node.type === 'ImportExpression');
	return dynamicImport && { node: { ...dynamicImport, start: Math.max(0, dynamicImport.start - prologue) }, message: DYNAMIC_IMPORT_MESSAGE };
}

/** Names a top-level `let`/`const`/`class` declares (simple identifiers only; patterns are left to the engine). */
function lexicalNames(statement: Node): string[] {
	const s = statement as Node & { kind?: string; declarations?: { id: Node & { name?: string } }[]; id?: { name?: string } | null };
	if (statement.type === 'VariableDeclaration' && s.kind !== 'var')
		return (s.declarations ?? []).flatMap((d) => (d.id.type === 'Identifier' && d.id.name ? [d.id.name] : []));
	if (statement.type === 'ClassDeclaration' && s.id?.name) return [s.id.name];
	return [];
}

/** Depth-first search over an ESTree: every property holding a node or an array of nodes is visited. */
function findNode(root: Node, test: (node: Node) => boolean): Node | undefined {
	const stack: Node[] = [root];
	while (stack.length) {
		const node = stack.pop()!;
		if (test(node)) return node;
		for (const value of Object.values(node)) {
			if (Array.isArray(value)) {
				for (const item of value) if (isNode(item)) stack.push(item);
			} else if (isNode(value)) stack.push(value);
		}
	}
	return undefined;
}

function isNode(value: unknown): value is Node {
	return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

// Source map "mappings" (base64 VLQ), decoded into PositionMap. Single source, names ignored.
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function decodeMappings(mappings: string): PositionMap {
	const lines: PositionMap = [];
	let originalLine = 0;
	let originalColumn = 0;
	for (const lineText of mappings.split(';')) {
		const segments: [number, number, number][] = [];
		let generatedColumn = 0;
		for (const segmentText of lineText.split(',')) {
			if (!segmentText) continue;
			const fields = decodeVlq(segmentText);
			generatedColumn += fields[0] ?? 0;
			if (fields.length < 4) continue; // a segment without an original position
			originalLine += fields[2]!;
			originalColumn += fields[3]!;
			segments.push([generatedColumn, originalLine, originalColumn]);
		}
		segments.sort((a, b) => a[0] - b[0]);
		lines.push(segments);
	}
	return lines;
}

function decodeVlq(text: string): number[] {
	const values: number[] = [];
	let value = 0;
	let shift = 0;
	for (const char of text) {
		const digit = BASE64.indexOf(char);
		if (digit < 0) throw new Error(`invalid base64 VLQ character ${JSON.stringify(char)} in source map`);
		value += (digit & 31) << shift;
		if (digit & 32) {
			shift += 5;
			continue;
		}
		values.push(value & 1 ? -(value >>> 1) : value >>> 1);
		value = 0;
		shift = 0;
	}
	return values;
}
