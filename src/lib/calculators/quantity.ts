/**
 * Numbers the reader types into a calculator (“7e10”, “70000000000”, “1,4e12”, “70 000”) and how the calculators
 * write numbers back: in TeX and in plain text, with a power of ten for large ones.
 */
import { SUPERSCRIPT_DIGITS, superscript } from '../text/superscript';

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
	const powers = compact.replace(/[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+/g, (sup) => `^${[...sup].map((c) => (c === '⁻' ? '-' : String(SUPERSCRIPT_DIGITS.indexOf(c)))).join('')}`);
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
 * A result as TeX with `digits` significant digits: from 10,000 up with a power of ten (5.88\times10^{23}), below
 * that plain (1.07, 0.391). A number the reader typed is written with `typedTex`, which never rounds a count.
 */
export function sciTex(value: number, digits = 3): string {
	if (!Number.isFinite(value)) return '\\infty';
	if (value !== 0 && (Math.abs(value) >= 1e4 || Math.abs(value) < 1e-3)) {
		const [mantissa, exponent] = value.toExponential(digits - 1).split('e');
		return `${Number(mantissa)}\\times10^{${Number(exponent)}}`;
	}
	return String(Number(value.toPrecision(digits)));
}

/** A number the reader typed, as TeX: a whole number below 10⁷ in full (16{,}384), else to four significant digits. */
export function typedTex(value: number): string {
	if (Number.isInteger(value) && Math.abs(value) < 1e7) return value.toLocaleString('en').replace(/,/g, '{,}');
	if (Math.abs(value) < 1e4) return String(Number(value.toFixed(4)));
	return sciTex(value, 4);
}

/** A count the arithmetic gives exactly (16,777,216 parameters), as TeX: in full below 10¹², else as `sciTex`. */
export function countTex(value: number): string {
	if (Number.isInteger(value) && Math.abs(value) < 1e12) return value.toLocaleString('en').replace(/,/g, '{,}');
	return sciTex(value);
}

/** `value` as plain text with `digits` significant digits: “5.88 × 10²³” from a million up, else grouped (“1,024”). */
export function sciText(value: number, digits = 3): string {
	if (value !== 0 && (Math.abs(value) >= 1e6 || Math.abs(value) < 1e-3)) {
		const [mantissa, exponent] = value.toExponential(digits - 1).split('e');
		return `${Number(mantissa)} × 10${superscript(Number(exponent))}`;
	}
	return Number(value.toPrecision(digits)).toLocaleString('en');
}
