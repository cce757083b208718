/**
 * A small MIME reader, enough for the SpamAssassin corpus (mail of 2001–2002): header unfolding, RFC 2047 subjects,
 * multipart (first text/plain part, else first text/html), base64 and quoted-printable, any charset TextDecoder knows.
 * Messages are handled as latin1 strings (one char per byte, lossless) until their charset is known.
 */
import { decodeCharset, latin1Bytes } from './charset.mjs';
import { htmlToText } from './html-text.mjs';

/** @typedef {{ headers: Map<string, string>, body: string }} Entity */

/** @param {string} raw @returns {Entity} */
export function splitEntity(raw) {
	const match = /\r?\n\r?\n/.exec(raw);
	const head = match ? raw.slice(0, match.index) : raw;
	const body = match ? raw.slice(match.index + match[0].length) : '';
	const headers = new Map();
	for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
		const colon = line.indexOf(':');
		if (colon <= 0 || /\s/.test(line.slice(0, colon))) continue; // e.g. the mbox "From addr date" line
		const name = line.slice(0, colon).toLowerCase();
		if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
	}
	return { headers, body };
}

/** @param {string | undefined} value @param {string} name */
function headerParameter(value, name) {
	const match = new RegExp(`(?:^|;)\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(value ?? '');
	return match ? (match[1] ?? match[2]) : undefined;
}

const quotedPrintable = (/** @type {string} */ s) =>
	s.replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_, /** @type {string} */ hex) => String.fromCharCode(parseInt(hex, 16)));

/** @param {string} body @param {string | undefined} encoding */
function decodeTransfer(body, encoding) {
	switch (encoding?.trim().toLowerCase()) {
		case 'base64':
			return Buffer.from(body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
		case 'quoted-printable':
			return latin1Bytes(quotedPrintable(body));
		default:
			return latin1Bytes(body);
	}
}

/**
 * RFC 2047 encoded words (=?charset?B|Q?…?=); whitespace between two encoded words is dropped.
 * @param {string} value
 */
export function decodeHeader(value) {
	const word = /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g;
	/** @type {(whole: string, charset: string, kind: string, text: string) => string} */
	const decodeWord = (_, charset, kind, text) =>
		kind.toUpperCase() === 'B'
			? decodeCharset(Buffer.from(text, 'base64'), charset)
			: decodeCharset(latin1Bytes(quotedPrintable(text.replace(/_/g, ' '))), charset);
	const decoded = value.replace(/(\?=)\s+(?==\?)/g, '$1').replace(word, decodeWord);
	// 8-bit bytes outside encoded words: guess (UTF-8, else windows-1252), as for bodies without a charset.
	// eslint-disable-next-line no-control-regex -- "every character is one byte" is the range \x00-\xff
	return /[\x80-\xff]/.test(decoded) && !/[^\x00-\xff]/.test(decoded) ? decodeCharset(latin1Bytes(decoded)) : decoded;
}

/** @typedef {{ kind: 'plain' | 'html', text: string }} EntityText */

/**
 * The readable text of an entity, or undefined (attachments, images…).
 * @param {Entity} entity @param {number} [depth] @returns {EntityText | undefined}
 */
export function entityText({ headers, body }, depth = 0) {
	const contentType = headers.get('content-type') ?? 'text/plain';
	const type = (contentType.split(';')[0] ?? '').trim().toLowerCase();
	const boundary = headerParameter(contentType, 'boundary');
	if (type.startsWith('multipart/') && boundary && depth < 8) {
		const parts = body.split(`--${boundary}`).slice(1); // the preamble before the first delimiter is not a part
		/** @type {EntityText[]} */
		const texts = [];
		for (const part of parts) {
			if (part.startsWith('--')) break; // the closing delimiter
			const text = entityText(splitEntity(part.replace(/^[ \t]*\r?\n/, '')), depth + 1);
			if (text?.text.trim()) texts.push(text);
		}
		return texts.find((t) => t.kind === 'plain') ?? texts[0];
	}
	if (type === 'message/rfc822' && depth < 8) return entityText(splitEntity(body), depth + 1);
	if (!type.startsWith('text/') && !type.startsWith('multipart/')) return undefined;
	const text = decodeCharset(decodeTransfer(body, headers.get('content-transfer-encoding')), headerParameter(contentType, 'charset'));
	// Much spam sends HTML without saying so.
	const html = type === 'text/html' || /^\s*<(!doctype|html|head|body|table|font|p|div)\b/i.test(text);
	return { kind: html ? 'html' : 'plain', text: html ? htmlToText(text) : text };
}
