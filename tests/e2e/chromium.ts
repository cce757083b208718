import { existsSync } from 'node:fs';

/** Chromium: $CHROMIUM_PATH, else Debian's /usr/bin/chromium, else Playwright's own browser where one is installed. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

/** This machine's network is closed: stop Chromium's own background connections. */
export const quietArgs = ['--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** WebGPU in headless Chromium (a software adapter where there is no GPU); see GUIDE.md. */
export const webgpuArgs = ['--enable-unsafe-webgpu', '--enable-unsafe-swiftshader'];
