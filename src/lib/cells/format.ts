/**
 * How a code cell shows values: anything the reader logs or leaves as the last expression becomes a
 * `FormattedValue`, a small JSON-serialisable description the worker posts to the page (its definition, a schema, is
 * in ./protocol.ts with the messages). Pure: no DOM and no tfjs import — tensors are recognised by their shape and
 * printed by ./format-tensor.ts, so this module stays light and works with any tfjs instance.
 */
import { formatTensor, isTensorLike, TENSOR_FORMAT_LIMITS } from './format-tensor';
import type { FormattedValue } from './protocol';

export { isTensorLike, tensorNumber, type TensorLike } from './format-tensor';
export type { FormattedValue } from './protocol';

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
	...TENSOR_FORMAT_LIMITS,
} as const;

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
// Models

/**
 * A tfjs-layers model (structurally: a `layers` array and a `summary(lineLength, positions, printFn)` method) prints
 * as its `model.summary()` table instead of its internals; `undefined` for anything else, or a model that cannot
 * summarise itself yet (not built).
 */
function isModelLike(value: object): value is { layers: unknown[]; summary: (...args: never[]) => unknown } {
	const model = value as { layers?: unknown; summary?: unknown };
	return Array.isArray(model.layers) && typeof model.summary === 'function';
}

function modelSummary(value: object): string | undefined {
	if (!isModelLike(value)) return undefined;
	const lines: string[] = [];
	try {
		(value.summary as (lineLength?: number, positions?: number[], printFn?: (line: string) => void) => void).call(value, undefined, undefined, (line) =>
			lines.push(line),
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

function functionText(fn: { name: string }): string {
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
		return layout(
			prefix,
			'[',
			']',
			entries,
			Array.from({ length: shown }, (_, i) => list[i]),
		);
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
