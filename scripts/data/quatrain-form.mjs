/**
 * The form of a five-character quatrain (五言绝句) as 全唐诗 in the `chinese-poetry` package writes it: two
 * `paragraphs`, each a couplet of two five-character lines, 「□□□□□，□□□□□。」. A couplet may end in 。, ！ or ？.
 * Shared by the extraction script (which keeps the poems of this form) and the tests (which check the committed file).
 */

/** Five Han characters, a comma, five Han characters, a full stop (or ！/？): one couplet. */
export const COUPLET = /^\p{Script=Han}{5}，\p{Script=Han}{5}[。！？]$/u;

/** Characters per poem: 4 lines × 5 characters plus 4 punctuation marks. */
export const QUATRAIN_LENGTH = 24;

/**
 * True when a poem's paragraphs are exactly two couplets of the form.
 * @param {readonly string[]} paragraphs
 */
export const isQuatrain = (paragraphs) => paragraphs.length === 2 && paragraphs.every((p) => COUPLET.test(p));

/**
 * True when a 24-character text has its punctuation where a quatrain has it: ， after the 5th and 17th
 * characters, 。/！/？ after the 11th and 23rd, Han characters everywhere else. Used on the models' samples too.
 * @param {string} text
 */
export function hasQuatrainForm(text) {
	const chars = [...text];
	if (chars.length !== QUATRAIN_LENGTH) return false;
	return COUPLET.test(chars.slice(0, 12).join('')) && COUPLET.test(chars.slice(12).join(''));
}
