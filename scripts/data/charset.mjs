/**
 * Bytes → text for mail: the message's declared charset, else a guess (UTF-8, else windows-1252). Messages are
 * handled as latin1 strings (one char per byte, lossless) until their charset is known; `latin1Bytes` turns them back.
 */

/*
 * windows-1252 by hand: it is what the Encoding Standard decodes all the Latin-1 and ASCII labels as, and Node 20's
 * TextDecoder gets it wrong (0x80–0x9F become C1 controls, so “smart quotes” vanish), which would make the output
 * depend on the Node version.
 */
const CP1252_80_9F =
	'\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
	'\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';
const WINDOWS_1252_LABELS = new Set(
	'ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 iso-8859-1 iso-ir-100 iso8859-1 iso88591 iso_8859-1 iso_8859-1:1987 l1 latin1 us-ascii windows-1252 x-cp1252'.split(
		' ',
	),
);
/** @param {Uint8Array} bytes */
function decodeWindows1252(bytes) {
	let text = '';
	for (const byte of bytes) text += byte >= 0x80 && byte <= 0x9f ? CP1252_80_9F[byte - 0x80] : String.fromCharCode(byte);
	return text;
}

/** @param {Uint8Array} bytes @param {string} [charset] @returns {string} */
export function decodeCharset(bytes, charset) {
	const label = charset?.trim().toLowerCase();
	if (label && WINDOWS_1252_LABELS.has(label)) return decodeWindows1252(bytes);
	if (label && label !== 'default' && !label.startsWith('default_') && !label.includes('unknown')) {
		try {
			return new TextDecoder(label).decode(bytes);
		} catch {
			// a label TextDecoder does not know: fall through to guessing
		}
	}
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return decodeWindows1252(bytes);
	}
}

export const latin1Bytes = (/** @type {string} */ s) => Buffer.from(s, 'latin1');
