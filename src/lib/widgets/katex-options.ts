import type { KatexOptions } from 'katex';

/** How widget formulas are rendered, the same on the server (first frame) and in the browser. */
export const KATEX_OPTIONS: KatexOptions = { displayMode: true, throwOnError: false };
