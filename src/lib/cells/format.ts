/**
 * How a code cell shows values: anything the reader logs or leaves as the last expression becomes a
 * `FormattedValue`, a small JSON-serialisable description the worker posts to the page. Pure: no DOM and no tfjs
 * import — tensors are recognised by their shape (`shape`, `dtype`, `dataSync`), so this module stays light and
 * works with any tfjs instance.
 */

/** A value ready for the output panel. Everything is plain text: the page decides how to style each kind. */
export type FormattedValue =
	/** Primitives, strings (unquoted at top level), functions. */
	| { kind: 'text'; text: string }
	/** A tfjs tensor, printed like `tensor.toString()` but summarised (first and last 3 entries per axis). */
	| { kind: 'tensor'; shape: number[]; dtype: string; summary: string }
	/** Arrays, objects, maps, sets, typed arrays: one JSON-like text, with depth, length and cycle limits. */
	| { kind: 'object'; text: string }
	/** An `Error`: `Name: message`. */
	| { kind: 'error'; text: string };

/** The parts of a tfjs tensor this module reads. */
export interface TensorLike {
	shape: number[];
	dtype: string;
	dataSync(): ArrayLike<unknown>;
	isDisposed?: boolean;
}

/** Limits that keep a formatted value small however large the input is. */
export const FORMAT_LIMITS = {
	/** Nesting below this depth prints as `[Array]` / `[Object]`. */
	depth: 4,
	/** Array, typed-array, set and map entries shown before `... N more items`. */
	items: 100,
	/** Object keys shown before `... N more keys`. */
	keys: 50,
	/** Characters of a nested string shown before `…`. */
	string: 1000,
	/** Characters of one whole formatted text. */
	text: 10_000,
	/** An array or object prints on one line when it fits in this many characters. */
	inlineWidth: 72,
	/** Entries per tensor axis shown in full; longer axes show the first and last `tensorEdge`. */
	tensorAxis: 6,
	tensorEdge: 3,
} as const;

/** Structural tensor test: an object with a numeric `shape` array, a string `dtype` and a `dataSync` method. */
export function isTensorLike(value: unknown): value is TensorLike {
	if (typeof value !== 'object' || value === null) return false;
	const candidate = value as Partial<TensorLike>;
	return (
		Array.isArray(candidate.shape) &&
		candidate.shape.every((d) => typeof d === 'number') &&
		typeof candidate.dtype === 'string' &&
		typeof candidate.dataSync === 'function'
	);
}

export function formatValue(value: unknown): FormattedValue {
	if (isTensorLike(value)) return { kind: 'tensor', shape: [...value.shape], dtype: value.dtype, summary: formatTensor(value) };
	if (isError(value)) return { kind: 'error', text: clip(errorText(value), FORMAT_LIMITS.text) };
	if (typeof value === 'string') return { kind: 'text', text: clip(value, FORMAT_LIMITS.text) };
	if (typeof value === 'function') return { kind: 'text', text: functionText(value) };
	if (typeof value !== 'object' || value === null) return { kind: 'text', text: primitiveText(value) };
	const summary = modelSummary(value);
	if (summary !== undefined) return { kind: 'object', text: clip(summary, FORMAT_LIMITS.text) };
	return { kind: 'object', text: clip(inspect(value, 0, []), FORMAT_LIMITS.text) };
}

/** Plain text of a formatted value (e.g. for a text-only view or a screen reader). */
export function formattedText(value: FormattedValue): string {
	return value.kind === 'tensor' ? value.summary : value.text;
}

// ---------------------------------------------------------------------------------------------------------------
// Tensors

/**
 * Prints a tensor the way tfjs does (`Tensor` then the values indented by 4, columns padded to equal width), but with
 * at most `tensorEdge` entries at each end of every axis longer than `tensorAxis`, and floats with 4 decimals.
 *
 * Cost: `dataSync()` is called once and copies the whole tensor to the CPU (on WebGL/WebGPU a blocking GPU read-back);
 * only the printed entries are converted to text and nothing is kept after this function returns. That is acceptable
 * in the cell worker (it blocks the worker, not the page) for the tensors a tutorial prints.
 */
export function formatTensor(tensor: TensorLike): string {
	if (tensor.isDisposed) return 'Tensor (disposed)';
	const shape = tensor.shape;
	const size = shape.reduce((a, b) => a * b, 1);
	if (size === 0) return 'Tensor\n    []';
	let data: ArrayLike<unknown>;
	try {
		data = tensor.dataSync();
	} catch (error) {
		return `Tensor (cannot read values: ${error instanceof Error ? error.message : String(error)})`;
	}
	const entry = entryFormatter(tensor.dtype, data);
	if (shape.length === 0) return `Tensor\n    ${entry(0)}`;

	const rank = shape.length;
	const strides = new Array<number>(rank).fill(1);
	for (let axis = rank - 2; axis >= 0; axis--) strides[axis] = strides[axis + 1]! * shape[axis + 1]!;

	// First pass: the text of every printed entry, and the widest per column (index along the last axis), as tfjs pads.
	const printed = new Map<number, string>();
	const widths = new Map<number, number>();
	const collect = (axis: number, offset: number): void => {
		for (const i of shownIndices(shape[axis]!)) {
			if (i < 0) continue;
			const at = offset + i * strides[axis]!;
			if (axis < rank - 1) {
				collect(axis + 1, at);
				continue;
			}
			const text = entry(at);
			printed.set(at, text);
			widths.set(i, Math.max(widths.get(i) ?? 0, text.length));
		}
	};
	collect(0, 0);

	const render = (axis: number, offset: number): string[] => {
		const indices = shownIndices(shape[axis]!);
		if (axis === rank - 1)
			return [`[${indices.map((i) => (i < 0 ? '...' : printed.get(offset + i)!.padEnd(widths.get(i)!))).join(', ')}]`];
		const lines: string[] = [];
		const gap = rank - axis - 2; // blank lines between blocks: one between matrices of a rank-3 tensor, …
		indices.forEach((i, k) => {
			const child = i < 0 ? ['...'] : render(axis + 1, offset + i * strides[axis]!);
			const last = k === indices.length - 1;
			child.forEach((line, j) => {
				let text = (k === 0 && j === 0 ? '[' : ' ') + line;
				if (j === child.length - 1) text += last ? ']' : ',';
				lines.push(text);
			});
			if (!last) for (let g = 0; g < gap; g++) lines.push('');
		});
		return lines;
	};
	return ['Tensor', ...render(0, 0).map((line) => (line ? `    ${line}` : ''))].join('\n');
}

/** Indices printed along an axis of length n; -1 marks the `...`. */
function shownIndices(n: number): number[] {
	const { tensorAxis, tensorEdge } = FORMAT_LIMITS;
	if (n <= tensorAxis) return Array.from({ length: n }, (_, i) => i);
	return [...Array.from({ length: tensorEdge }, (_, i) => i), -1, ...Array.from({ length: tensorEdge }, (_, i) => n - tensorEdge + i)];
}

function entryFormatter(dtype: string, data: ArrayLike<unknown>): (index: number) => string {
	switch (dtype) {
		case 'bool':
			return (i) => (data[i] ? 'true' : 'false');
		case 'int32':
			return (i) => String(data[i]);
		case 'string':
			return (i) => JSON.stringify(stringEntry(data[i]));
		case 'complex64':
			// tfjs stores complex values as interleaved (real, imaginary) pairs.
			return (i) => `${tensorNumber(Number(data[2 * i]))} + ${tensorNumber(Number(data[2 * i + 1]))}j`;
		default:
			return (i) => tensorNumber(Number(data[i]));
	}
}

function stringEntry(value: unknown): string {
	if (typeof value === 'string') return value;
	if (value instanceof Uint8Array) return new TextDecoder().decode(value);
	return String(value);
}

/** A float with at most 4 decimals (trailing zeros dropped); exponent notation for very large or very small values. */
export function tensorNumber(value: number): string {
	if (!Number.isFinite(value)) return String(value);
	if (value === 0) return '0';
	const magnitude = Math.abs(value);
	if (magnitude >= 1e6 || magnitude < 1e-4) {
		const [mantissa, exponent] = value.toExponential(3).split('e');
		return `${Number.parseFloat(mantissa!)}e${exponent}`;
	}
	return String(Number.parseFloat(value.toFixed(4)));
}

// ---------------------------------------------------------------------------------------------------------------
// Models

/**
 * A tfjs-layers model (structurally: a `layers` array and a `summary(lineLength, positions, printFn)` method) prints
 * as its `model.summary()` table instead of its internals; `undefined` for anything else, or a model that cannot
 * summarise itself yet (not built).
 */
function isModelLike(value: object): value is { layers: unknown[]; summary: Function } {
	const model = value as { layers?: unknown; summary?: unknown };
	return Array.isArray(model.layers) && typeof model.summary === 'function';
}

function modelSummary(value: object): string | undefined {
	if (!isModelLike(value)) return undefined;
	const lines: string[] = [];
	try {
		(value.summary as (lineLength?: number, positions?: number[], printFn?: (line: string) => void) => void).call(
			value,
			undefined,
			undefined,
			(line) => lines.push(line),
		);
	} catch {
		return undefined;
	}
	return lines.length ? lines.join('\n') : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Everything else

function isError(value: unknown): value is Error {
	return value instanceof Error || Object.prototype.toString.call(value) === '[object Error]';
}

function errorText(error: Error): string {
	const name = typeof error.name === 'string' && error.name ? error.name : 'Error';
	return error.message ? `${name}: ${error.message}` : name;
}

function primitiveText(value: unknown): string {
	if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
	if (typeof value === 'bigint') return `${value}n`;
	return String(value);
}

function functionText(fn: Function): string {
	let source = '';
	try {
		source = Function.prototype.toString.call(fn);
	} catch {
		// A revoked proxy, for instance: print it as a plain function.
	}
	const name = fn.name || '(anonymous)';
	return source.startsWith('class') ? `[class ${name}]` : `[Function: ${name}]`;
}

function clip(text: string, limit: number): string {
	return text.length <= limit ? text : `${text.slice(0, limit)}… (${text.length - limit} more characters)`;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** A nested value as text; `ancestors` holds the objects being printed above it, to print cycles as [Circular]. */
function inspect(value: unknown, depth: number, ancestors: object[]): string {
	if (typeof value === 'string') return JSON.stringify(clip(value, FORMAT_LIMITS.string));
	if (typeof value === 'function') return functionText(value);
	if (typeof value !== 'object' || value === null) return primitiveText(value);
	if (isTensorLike(value)) return `Tensor ${value.dtype} [${value.shape.join(', ')}]`;
	if (isError(value)) return `[${errorText(value)}]`;
	if (ancestors.includes(value)) return '[Circular]';
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
	if (value instanceof RegExp) return String(value);
	if (value instanceof Promise) return 'Promise {…}';
	if (value instanceof ArrayBuffer) return `ArrayBuffer {byteLength: ${value.byteLength}}`;
	if (depth >= FORMAT_LIMITS.depth) return Array.isArray(value) ? '[Array]' : '[Object]';
	if (depth > 0 && isModelLike(value)) return `[${constructorOf(value) || 'Model'}]`;

	const inner = [...ancestors, value];
	const child = (v: unknown) => inspect(v, depth + 1, inner);
	const { items: maxItems, keys: maxKeys } = FORMAT_LIMITS;

	if (Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView))) {
		const list = value as ArrayLike<unknown>;
		const shown = Math.min(list.length, maxItems);
		const entries = Array.from({ length: shown }, (_, i) => child(list[i]));
		if (list.length > shown) entries.push(`... ${list.length - shown} more items`);
		const prefix = Array.isArray(value) ? '' : `${value.constructor.name}(${list.length}) `;
		return layout(prefix, '[', ']', entries, Array.from({ length: shown }, (_, i) => list[i]));
	}
	if (value instanceof Map || value instanceof Set) {
		const all = [...value.entries()].slice(0, maxItems);
		const entries = all.map(([k, v]) => (value instanceof Map ? `${child(k)} => ${child(v)}` : child(v)));
		if (value.size > all.length) entries.push(`... ${value.size - all.length} more items`);
		const kind = value instanceof Map ? 'Map' : 'Set';
		return layout(`${kind}(${value.size}) `, '{', '}', entries, all.flat());
	}

	const keys = Object.keys(value);
	const values: unknown[] = [];
	const entries = keys.slice(0, maxKeys).map((key) => {
		let v: unknown;
		let text: string;
		try {
			v = (value as Record<string, unknown>)[key];
			text = child(v);
		} catch {
			text = '[Getter threw]';
		}
		values.push(v);
		return `${IDENTIFIER.test(key) ? key : JSON.stringify(key)}: ${text}`;
	});
	if (keys.length > maxKeys) entries.push(`... ${keys.length - maxKeys} more keys`);
	const constructorName = constructorOf(value);
	return layout(constructorName ? `${constructorName} ` : '', '{', '}', entries, values);
}

/** The class name of an instance, or '' for plain and null-prototype objects. */
function constructorOf(value: object): string {
	const proto = Object.getPrototypeOf(value) as { constructor?: { name?: unknown } } | null;
	if (proto === null || proto === Object.prototype) return '';
	const name = proto.constructor?.name;
	return typeof name === 'string' && name !== 'Object' ? name : '';
}

/**
 * One line when it fits, or when every entry is a primitive (a long list of numbers reads better wrapped by the
 * panel than one per line); otherwise one entry per line, indented by two spaces.
 */
function layout(prefix: string, open: string, close: string, entries: string[], values: unknown[]): string {
	if (entries.length === 0) return `${prefix}${open}${close}`;
	const inline = `${prefix}${open}${entries.join(', ')}${close}`;
	const multiline = entries.some((e) => e.includes('\n'));
	const primitives = values.every((v) => v === null || (typeof v !== 'object' && typeof v !== 'function'));
	if (!multiline && (inline.length <= FORMAT_LIMITS.inlineWidth || primitives)) return inline;
	const body = entries.map((e) => e.replace(/^/gm, '  ')).join(',\n');
	return `${prefix}${open}\n${body}\n${close}`;
}
