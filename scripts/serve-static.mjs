#!/usr/bin/env node
/**
 * Serves a built site the way a static host serves project pages: everything under one base path, nothing outside it.
 * - `/dl/x/` → `x/index.html`, `/dl/x` → a redirect to `/dl/x/` when x is a folder, as GitHub Pages does;
 * - a missing file under the base → the site's own `404.html`, with status 404;
 * - anything outside the base → a plain 404, as another site's address would be.
 * No special headers are sent: the site must not need any (README, "Deploying").
 * Usage: node scripts/serve-static.mjs [--dir dist] [--base /dl/] [--port 4330] [--host 127.0.0.1]
 */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { deployment } from '../src/lib/site/deployment.mjs';

const { values } = parseArgs({
	options: {
		dir: { type: 'string', default: 'dist' },
		base: { type: 'string', default: '/' },
		port: { type: 'string', default: '4330' },
		host: { type: 'string', default: '127.0.0.1' },
	},
});
const root = resolve(values.dir);
const { base } = deployment({ BASE_PATH: values.base });

/** @type {Record<string, string>} */
const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.xml': 'application/xml; charset=utf-8',
	'.txt': 'text/plain; charset=utf-8',
	'.wasm': 'application/wasm',
	'.woff2': 'font/woff2',
};

/** The file a path under the base names, or undefined when it is not inside the site's folder. */
function fileFor(/** @type {string} */ pathname) {
	let relative;
	try {
		relative = decodeURIComponent(pathname.slice(base.length));
	} catch {
		return undefined;
	}
	const file = resolve(root, relative);
	return file === root || file.startsWith(root + sep) ? file : undefined;
}

async function isFile(/** @type {string} */ path) {
	return (await stat(path).catch(() => undefined))?.isFile() ?? false;
}

const server = createServer(async (request, response) => {
	const url = new URL(request.url ?? '/', 'http://localhost');
	const send = async (/** @type {number} */ status, /** @type {string} */ file) => {
		const body = await readFile(file).catch(() => undefined);
		if (!body) response.writeHead(500).end();
		else response.writeHead(status, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(request.method === 'HEAD' ? undefined : body);
	};
	if (request.method !== 'GET' && request.method !== 'HEAD') return response.writeHead(405).end();
	if (url.pathname === base.slice(0, -1)) return response.writeHead(301, { location: base + url.search }).end();
	const file = url.pathname.startsWith(base) ? fileFor(url.pathname) : undefined;
	if (!file) return response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`Not found: ${url.pathname} is outside ${base}\n`);
	if (await isFile(file)) return send(200, file);
	if (await isFile(join(file, 'index.html'))) {
		if (url.pathname.endsWith('/')) return send(200, join(file, 'index.html'));
		return response.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
	}
	const notFound = join(root, '404.html');
	if (await isFile(notFound)) return send(404, notFound);
	response.writeHead(404).end();
});
server.listen(Number(values.port), values.host, () => console.log(`Serving ${values.dir} at http://${values.host}:${values.port}${base}`));
