import { describe, expect, it } from 'vitest';
import { findBrokenLinks } from '../../src/lib/site/link-check.mjs';

const pages = new Map([
	['/en/a/', '<h2 id="intro">Intro</h2><a href="/en/b/#usage">b</a><a href="#intro">self</a>'],
	['/en/b/', '<h2 id="usage">Usage</h2><a href="/en/a">a without slash</a><a href="https://example.org/">out</a>'],
]);

describe('findBrokenLinks', () => {
	it('accepts existing pages, anchors, same-page anchors and slash-less directory links', () => {
		expect(findBrokenLinks(pages, () => false)).toEqual([]);
	});

	it('reports a missing page', () => {
		const withBad = new Map(pages).set('/en/c/', '<a href="/en/nowhere/">x</a>');
		expect(findBrokenLinks(withBad, () => false)).toEqual([{ page: '/en/c/', href: '/en/nowhere/', reason: 'no such page' }]);
	});

	it('reports a missing anchor on an existing page', () => {
		const withBad = new Map(pages).set('/en/c/', '<a href="/en/a/#missing">x</a>');
		expect(findBrokenLinks(withBad, () => false)).toEqual([{ page: '/en/c/', href: '/en/a/#missing', reason: 'no element with id "missing" on /en/a/' }]);
	});

	it('accepts links to served assets and ignores other origins', () => {
		const withAsset = new Map(pages).set('/en/c/', '<a href="/data/mnist.bin">data</a><a href="//cdn.example/x">x</a>');
		expect(findBrokenLinks(withAsset, (path) => path === '/data/mnist.bin')).toEqual([]);
	});

	it('resolves relative links against their page', () => {
		const home = new Map(pages).set('/en/', '<a href="a/#intro">part a</a><a href="nowhere/">x</a><a href="mailto:x@example.org">mail</a>');
		expect(findBrokenLinks(home, () => false)).toEqual([{ page: '/en/', href: 'nowhere/', reason: 'no such page' }]);
	});

	it('reads a link with a query as the Markdown pipeline writes it (& as &#x26;), then checks its anchor', () => {
		const withQuery = new Map(pages).set('/en/c/', '<a href="/en/a/?w.n=1&#x26;w.d=2#intro">ok</a><a href="/en/a/?w.n=1&#38;w.d=2#gone">x</a>');
		expect(findBrokenLinks(withQuery, () => false)).toEqual([
			{ page: '/en/c/', href: '/en/a/?w.n=1&w.d=2#gone', reason: 'no element with id "gone" on /en/a/' },
		]);
	});
});
