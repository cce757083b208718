/** Superscript digits, for powers of ten written as text (10²³) and read back from what a reader typed (1.4 × 10¹²). */
export const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** A whole number in superscript: −3 → ⁻³. */
export function superscript(n: number): string {
	return `${n < 0 ? '⁻' : ''}${[...String(Math.abs(n))].map((d) => SUPERSCRIPT_DIGITS[Number(d)]).join('')}`;
}
