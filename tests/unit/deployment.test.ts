import type { Element, Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { rehypeBaseLinks } from '../../src/lib/markdown/rehype-base-links.mjs';
import { deployment } from '../../src/lib/site/deployment.mjs';

describe('deployment', () => {
	it('serves at the root with a placeholder address when nothing is set', () => {
		expect(deployment({})).toEqual({ base: '/', site: 'https://dl-explained.example' });
	});

	it('writes the base path with a slash at both ends, however it is given', () => {
		for (const given of ['/dl/', 'dl', '/dl', 'dl/', ' /dl/ ']) expect(deployment({ BASE_PATH: given }).base).toBe('/dl/');
		expect(deployment({ BASE_PATH: '/a/b/' }).base).toBe('/a/b/');
		expect(deployment({ BASE_PATH: '/' }).base).toBe('/');
	});

	it('takes the site address from SITE_URL, without a trailing slash', () => {
		expect(deployment({ SITE_URL: 'https://user.github.io/' }).site).toBe('https://user.github.io');
	});

	it('refuses a base path or an address that would build a site of broken links', () => {
		expect(() => deployment({ BASE_PATH: '/../x/' })).toThrow(/BASE_PATH="\/..\/x\/": expected a path such as \/dl\//);
		expect(() => deployment({ BASE_PATH: '/my site/' })).toThrow(/BASE_PATH/);
		expect(() => deployment({ SITE_URL: 'user.github.io' })).toThrow(/SITE_URL="user.github.io": expected an absolute/);
		expect(() => deployment({ SITE_URL: 'ftp://host' })).toThrow(/http or https/);
		expect(() => deployment({ SITE_URL: 'https://user.github.io/dl/' })).toThrow(/origin only .* path in BASE_PATH/);
	});
});

describe('rehypeBaseLinks', () => {
	/** The href or src of each element after the plugin ran over a tree of them. */
	const run = (values: string[], base: string, name = 'href') => {
		const tree: Root = { type: 'root', children: values.map((value) => ({ type: 'element', tagName: 'a', properties: { [name]: value }, children: [] })) };
		rehypeBaseLinks({ base })(tree);
		return tree.children.map((child) => (child as Element).properties[name]);
	};

	it('puts the base in front of root-relative links and images', () => {
		expect(run(['/en/tutorial/code/#cnn'], '/dl/')).toEqual(['/dl/en/tutorial/code/#cnn']);
		expect(run(['/models/a.png'], '/dl/', 'src')).toEqual(['/dl/models/a.png']);
	});

	it('leaves anchors, relative, external, protocol-relative and already-based links alone', () => {
		const links = ['#a', 'b/', 'https://x.org/', '//x.org/', '/dl/en/', '/dl'];
		expect(run(links, '/dl/')).toEqual(links);
	});

	it('changes nothing at the root', () => {
		expect(run(['/en/'], '/')).toEqual(['/en/']);
	});
});
