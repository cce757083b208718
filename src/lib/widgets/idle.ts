/** Work for when the page is idle (requestIdleCallback is not in every browser: then shortly after this task). */
export function whenIdle(task: () => void): number {
	return typeof requestIdleCallback === 'function' ? requestIdleCallback(task, { timeout: 500 }) : window.setTimeout(task, 50);
}

export function cancelIdle(id: number | undefined): void {
	if (id === undefined) return;
	if (typeof cancelIdleCallback === 'function') cancelIdleCallback(id);
	else clearTimeout(id);
}
