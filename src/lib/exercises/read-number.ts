/** A number as a reader types it into a concept question. */

/** Accepts `26`, `26.0`, `0,5` (a decimal comma), `1e-3`, a leading `−`. */
export function readNumber(text: string): number | undefined {
	const cleaned = text.trim().replace(/^[−–]/, '-').replace(',', '.');
	if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned)) return undefined;
	return Number(cleaned);
}
