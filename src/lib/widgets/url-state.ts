/**
 * Widget state in the URL, so that any state can be linked, reloaded, tested and benchmarked.
 * Each widget declares its parameters once; reading reports the parameters it had to ignore, so the widget can
 * tell the reader (“ignored conv.stride=abc: …”) instead of failing.
 */
export interface Param<T> {
	/** Query key, prefixed by the widget (e.g. `conv.stride`). */
	key: string;
	fallback: T;
	/** Returns the value, or a string explaining what was expected. */
	parse(raw: string): T | { expected: string };
	format(value: T): string;
}

export type ParamSpec<S> = { [K in keyof S]: Param<S[K]> };

export function readState<S>(spec: ParamSpec<S>, search: URLSearchParams): { state: S; problems: string[] } {
	const state = {} as S;
	const problems: string[] = [];
	for (const name of Object.keys(spec) as (keyof S)[]) {
		const param = spec[name];
		const raw = search.get(param.key);
		if (raw === null) {
			state[name] = param.fallback;
			continue;
		}
		const parsed = param.parse(raw);
		if (typeof parsed === 'object' && parsed !== null && 'expected' in parsed) {
			problems.push(`${param.key}=${raw.slice(0, 40)}: ${parsed.expected}`);
			state[name] = param.fallback;
		} else state[name] = parsed as S[keyof S];
	}
	return { state, problems };
}

/** The state with every parameter at its default (the first frame's state). */
export function defaultState<S>(spec: ParamSpec<S>): S {
	const state = {} as S;
	for (const name of Object.keys(spec) as (keyof S)[]) state[name] = spec[name].fallback;
	return state;
}

/**
 * Writes a widget's state into the URL, leaving other widgets' parameters alone; defaults are omitted. Writes are gathered for URL_WRITE_DELAY_MS and made as one history entry:
 * every pushState/replaceState makes Chromium restyle the page's links (measured: 9–20 ms on the algorithms chapter),
 * too much for each step of a reader who holds an arrow key. `push` (a discrete choice the back button should undo)
 * wins over `replace` within one gathering; a popstate (back/forward) drops what is still pending.
 */
export function writeState<S>(spec: ParamSpec<S>, state: S, mode: 'push' | 'replace'): void {
	const params: [string, string | null][] = (Object.keys(spec) as (keyof S)[]).map((name) => {
		const param = spec[name];
		const text = param.format(state[name]);
		return [param.key, text === param.format(param.fallback) ? null : text];
	});
	pendingParams.set(spec, params);
	if (mode === 'push') pendingMode = 'push';
	pendingWrite ??= setTimeout(flushUrlWrites, URL_WRITE_DELAY_MS);
}

const URL_WRITE_DELAY_MS = 150;
const pendingParams = new Map<object, [string, string | null][]>();
let pendingMode: 'push' | 'replace' = 'replace';
let pendingWrite: ReturnType<typeof setTimeout> | undefined;

function flushUrlWrites(): void {
	pendingWrite = undefined;
	const url = new URL(location.href);
	for (const params of pendingParams.values())
		for (const [key, text] of params) {
			if (text === null) url.searchParams.delete(key);
			else url.searchParams.set(key, text);
		}
	const mode = pendingMode;
	pendingParams.clear();
	pendingMode = 'replace';
	if (url.href === location.href) return;
	if (mode === 'push') history.pushState(history.state, '', url);
	else history.replaceState(history.state, '', url);
}

if (typeof addEventListener === 'function')
	addEventListener('popstate', () => {
		clearTimeout(pendingWrite);
		pendingWrite = undefined;
		pendingParams.clear();
		pendingMode = 'replace';
	});

/** A whole number in [min, max]. */
export function intParam(key: string, fallback: number, min: number, max: number): Param<number> {
	return {
		key,
		fallback,
		parse: (raw) => {
			const n = Number(raw);
			return Number.isInteger(n) && n >= min && n <= max ? n : { expected: `expected a whole number from ${min} to ${max}` };
		},
		format: String,
	};
}

/** A number in [min, max]. */
export function numberParam(key: string, fallback: number, min: number, max: number): Param<number> {
	return {
		key,
		fallback,
		parse: (raw) => {
			const n = Number(raw);
			return raw.trim() !== '' && Number.isFinite(n) && n >= min && n <= max ? n : { expected: `expected a number from ${min} to ${max}` };
		},
		format: String,
	};
}

/** A number as a reader would write it: 7e10 and 1.4e12 from a million up, 1024 and 0.4 below. */
export function compactNumber(value: number): string {
	return Math.abs(value) >= 1e6 ? value.toExponential().replace('e+', 'e') : String(value);
}

/** A number in [min, max] that may be very large (a calculator's): written compactly in the URL (scale.c=3e24). */
export function quantityParam(key: string, fallback: number, min: number, max: number): Param<number> {
	return { ...numberParam(key, fallback, min, max), format: compactNumber };
}

/** One of a fixed set of words. */
export function enumParam<T extends string>(key: string, fallback: T, values: readonly T[]): Param<T> {
	return {
		key,
		fallback,
		parse: (raw) => ((values as readonly string[]).includes(raw) ? (raw as T) : { expected: `expected one of ${values.join(', ')}` }),
		format: String,
	};
}

export function booleanParam(key: string, fallback: boolean): Param<boolean> {
	return {
		key,
		fallback,
		parse: (raw) => (raw === '1' || raw === 'true' ? true : raw === '0' || raw === 'false' ? false : { expected: 'expected 1 or 0' }),
		format: (v) => (v ? '1' : '0'),
	};
}

/** Free text up to `maxLength` characters. */
export function textParam(key: string, fallback: string, maxLength: number): Param<string> {
	return {
		key,
		fallback,
		parse: (raw) => (raw.length <= maxLength ? raw : { expected: `expected at most ${maxLength} characters` }),
		format: String,
	};
}
