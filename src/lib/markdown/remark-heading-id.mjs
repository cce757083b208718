/**
 * Gives a heading an explicit id written as a trailing `{#some-id}` (in MDX the braces are escaped, `\{#some-id\}`, because a bare brace starts an expression):
 *
 *     ## 卷积 \{#convolution\}
 *
 * Both language versions of a chapter use the same ids, so switching language keeps the reader at the
 * same heading (the URL hash survives the switch). Headings without the suffix keep the default slug.
 */
import { visit } from 'unist-util-visit';

const ID_SUFFIX = /\s*\{#([a-z0-9][a-z0-9-]*)\}\s*$/;

/** @returns {(tree: import('mdast').Root) => void} */
export function remarkHeadingId() {
	return (tree) => {
		visit(tree, 'heading', (heading) => {
			const last = heading.children.at(-1);
			if (!last || last.type !== 'text') return;
			const match = ID_SUFFIX.exec(last.value);
			if (!match) return;
			last.value = last.value.slice(0, match.index);
			const data = (heading.data ??= {});
			data.hProperties = { ...(data.hProperties ?? {}), id: match[1] };
		});
	};
}
