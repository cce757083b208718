/**
 * Numbers the reader types into a calculator (“7e10”, “70000000000”, “1,4e12”, “70 000”) and how the calculators
 * write numbers back: in TeX and in plain text, with a power of ten for large ones.
 */

/** What was wrong with a typed number, for the widget's message. */
export type QuantityProblem = { kind: 'empty' } | { kind: 'notNumber' } | { kind: 'outOfRange'; min: number; max: number };

/**
 * The typed text as a number in [min, max]. Spaces and thin spaces between digits are dropped; a comma is a thousands
 * separator when followed by three digits (1,000), otherwise a decimal comma (1,4e12); a power of ten may be written
 * 1.4e12, 1.4×10^12, 1.4*10**12 or 1.4×10¹².
 */
export function parseQuantity(raw: string, min: number, max: number): number | QuantityProblem {
	const compact = raw.trim().replace(/[\s\u2009\u202f_]/g, '');
	if (compact === '') return { kind: 'empty' };
	// Superscript exponents (10¹²) become ^12 first, so that every written power of ten reads as e-notation.
	const powers = compact.replace(/[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+/g, (sup) => `^${[...sup].map((c) => (c === '⁻' ? '-' : String(SUPERSCRIPT.indexOf(c)))).join('')}`);
	const normalised = powers
		.replace(/,(?=\d{3}(\D|$))/g, '')
		.replace(',', '.')
		.replace(/(\*|×|x)10(\^|\*\*)/i, 'e');
	if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(normalised)) return { kind: 'notNumber' };
	const value = Number(normalised);
	if (!Number.isFinite(value) || value < min || value > max) return { kind: 'outOfRange', min, max };
	return value;
}

export function isQuantityProblem(value: number | QuantityProblem): value is QuantityProblem {
	return typeof value === 'object';
}

/**
 * `value` as TeX: from 10,000 up with `digits` significant digits and a power of ten (5.88\times10^{23}); below that as
 * written, to three decimals at most (1024, 0.4, 1.15), so that a count or a percentage the reader typed is shown exactly.
 */
export function sciTex(value: number, digits = 3): string {
	if (!Number.isFinite(value)) return '\\infty';
	if (value !== 0 && (Math.abs(value) >= 1e4 || Math.abs(value) < 1e-3)) {
		const [mantissa, exponent] = value.toExponential(digits - 1).split('e');
		return `${Number(mantissa)}\\times10^{${Number(exponent)}}`;
	}
	return String(Number(value.toFixed(3)));
}

/** A number the reader typed, as TeX: a whole number below 10⁷ in full (16{,}384), anything else to four significant digits. */
export function typedTex(value: number): string {
	if (Number.isInteger(value) && Math.abs(value) < 1e7) return value.toLocaleString('en').replace(/,/g, '{,}');
	return sciTex(value, 4);
}

/** `value` as plain text with `digits` significant digits: “5.88 × 10²³” from a million up, else grouped (“1,024”). */
export function sciText(value: number, digits = 3): string {
	if (value !== 0 && (Math.abs(value) >= 1e6 || Math.abs(value) < 1e-3)) {
		const [mantissa, exponent] = value.toExponential(digits - 1).split('e');
		return `${Number(mantissa)} × 10${superscript(Number(exponent))}`;
	}
	return Number(value.toPrecision(digits)).toLocaleString('en');
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

function superscript(n: number): string {
	return `${n < 0 ? '⁻' : ''}${[...String(Math.abs(n))].map((d) => SUPERSCRIPT[Number(d)]).join('')}`;
}
