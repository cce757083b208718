/**
 * rehype-katex reports a formula it cannot render as a warning and leaves a red error box in the page.
 * A broken formula in a maths tutorial is a broken page, so this plugin (placed after rehype-katex)
 * turns those warnings into a build failure that names the file, the line and KaTeX's message.
 */
/** @returns {(tree: unknown, file: import('vfile').VFile) => void} */
export function rehypeFailOnKatexError() {
	return (_tree, file) => {
		const problem = file.messages.find((message) => message.source === 'rehype-katex');
		if (!problem) return;
		const where = `${file.path ?? '<unknown file>'}:${problem.line ?? '?'}:${problem.column ?? '?'}`;
		const cause = problem.cause instanceof Error ? problem.cause.message : problem.reason;
		file.fail(`Formula cannot be rendered at ${where}: ${cause}`);
	};
}
