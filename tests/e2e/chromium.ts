import { existsSync } from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

/** Chromium: $CHROMIUM_PATH, else Debian's /usr/bin/chromium, else Playwright's own browser where one is installed. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

/** This machine's network is closed: stop Chromium's own background connections. */
export const quietArgs = ['--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/**
 * WebGPU in headless Chromium needs `--enable-unsafe-webgpu` (a software adapter, SwiftShader, where there is no GPU;
 * never `--use-angle=vulkan`, which leaves no adapter at all).
 */
export const webgpuArgs = ['--enable-unsafe-webgpu', '--enable-unsafe-swiftshader'];

/** Launch options for that Chromium with these flags (no `executablePath` at all means Playwright's own browser). */
export function launchOptions(args: string[]): LaunchOptions {
	return chromiumPath === undefined ? { args } : { executablePath: chromiumPath, args };
}
