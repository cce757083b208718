/**
 * A label's width in SVG units at the widgets' 13 px font, estimated from its characters (a CJK character is about a
 * full em, a Latin one a little over half): enough for placing labels so that they do not cover each other or run
 * past an edge, without measuring text in a DOM (the markup is also made on the server).
 */
export function labelWidth(text: string): number {
	return [...text].reduce((width, c) => width + (c.charCodeAt(0) > 0x2e80 ? 13 : 7.4), 0);
}
