/**
 * A number as a reader types it into a concept question: `26`, `26.0`, `1e-3`, a leading `−`; thousands grouped with
 * commas or spaces (`309,770`, `32 768`, as the explanations write them); otherwise a single comma is a decimal comma
 * (`0,5`). Undefined when the text is not a number.
 */
export function readNumber(text: string): number | undefined {
	let cleaned = text
		.trim()
		.replace(/^[−–]/, '-')
		.replace(/，/g, ',')
		.replace(/[\u00a0\u202f ]/g, ' ');
	// Groups of three after the first digits, all with the same separator: thousands.
	if (/^[-+]?[1-9]\d{0,2}(,\d{3})+(\.\d+)?$/.test(cleaned) || /^[-+]?[1-9]\d{0,2}( \d{3})+(\.\d+)?$/.test(cleaned)) cleaned = cleaned.replace(/[, ]/g, '');
	else cleaned = cleaned.replace(',', '.');
	if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned)) return undefined;
	return Number(cleaned);
}
