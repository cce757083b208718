/**
 * One mail message of the SpamAssassin corpus → the text a code cell classifies: "subject\nbody", plain text,
 * addresses and links masked, at most SPAM_MAX_CHARS characters.
 */
import { decodeHeader, entityText, splitEntity } from './mime.mjs';

export const SPAM_MAX_CHARS = 300;
export const SPAM_MAX_SUBJECT = 100; // so that every text has some body

/** Plain-text normal form: NFKC, no control or zero-width characters, addresses and links masked, one space. */
/** @param {string} text */
function normalise(text) {
	return (
		text
			.normalize('NFKC')
			// eslint-disable-next-line no-control-regex -- removing control characters is the point
			.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff\ufffd]/g, ' ')
			.replace(/\b(?:https?|ftp):\/\/[^\s<>"]+|\bwww\.[^\s<>"]+/gi, '<url>')
			.replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, '<email>')
			.replace(/\s+/g, ' ')
			.trim()
	);
}

/** Reply/forward prefixes are kept (real content); a leading mailing-list tag such as "[ILUG]" is not (see README). */
const stripListTag = (/** @type {string} */ subject) => subject.replace(/^((?:(?:re|fwd?|aw)\s*:\s*)*)\[[^\]]{1,40}\]\s*/i, '$1');

const truncate = (/** @type {string} */ text, /** @type {number} */ max) => Array.from(text).slice(0, max).join('').trimEnd();

/**
 * One message → "subject\nbody" (≤ SPAM_MAX_CHARS code points), or undefined when it has no readable body.
 * @param {string} raw
 */
export function messageText(raw) {
	const entity = splitEntity(raw);
	const subject = truncate(normalise(stripListTag(decodeHeader(entity.headers.get('subject') ?? ''))), SPAM_MAX_SUBJECT);
	const body = normalise(entityText(entity)?.text ?? '');
	if (!body) return undefined;
	return truncate(`${subject}\n${body}`, SPAM_MAX_CHARS);
}
