/**
 * HTML mail → plain text: tags and comments removed, character references decoded. Not a parser; enough for the
 * SpamAssassin corpus.
 */

/** @type {Record<string, string>} */
const ENTITIES = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", copy: '©', reg: '®', trade: '™' };
/** @type {Record<string, string>} */
const ACCENTS = { acute: '\u0301', grave: '\u0300', circ: '\u0302', uml: '\u0308', tilde: '\u0303', cedil: '\u0327', ring: '\u030a' };
const fromCodePoint = (/** @type {number} */ n) => (n > 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff) ? String.fromCodePoint(n) : ' ');

/** @param {string} html */
export function htmlToText(html) {
	return (
		html
			.replace(/<(script|style|head)\b[\s\S]*?<\/\1\s*>/gi, ' ')
			.replace(/<!--[\s\S]*?-->/g, ' ')
			// Block tags separate words; inline ones (<b>, <font>, <a>…) often sit inside a word, as spam likes them to.
			.replace(/<\/?(?:br|p|div|tr|td|th|li|ul|ol|table|h[1-6]|hr|center|blockquote|title)\b[^>]*>/gi, ' ')
			.replace(/<[^>]*>/g, '')
			.replace(/&#x([0-9a-f]+);?/gi, (_, /** @type {string} */ hex) => fromCodePoint(parseInt(hex, 16)))
			.replace(/&#(\d+);?/g, (_, /** @type {string} */ dec) => fromCodePoint(Number(dec)))
			// &eacute; → e + combining acute; NFKC in normalise() (spam-text.mjs) composes it to é.
			.replace(
				/&([a-z])(acute|grave|circ|uml|tilde|cedil|ring);/gi,
				(_, /** @type {string} */ letter, /** @type {string} */ accent) => letter + ACCENTS[accent.toLowerCase()],
			)
			.replace(/&([a-z]+);/gi, (whole, /** @type {string} */ name) => ENTITIES[name.toLowerCase()] ?? whole)
	);
}
