/**
 * Calls `callback` once, when `element` first comes within 200 px of the viewport: how code cells and exercises load
 * their editor (CodeMirror) only for the cells a reader scrolls to. Aborting `signal` stops waiting.
 */
export function whenNearViewport(element: Element, callback: () => void, signal?: AbortSignal): void {
	const observer = new IntersectionObserver(
		(entries) => {
			if (!entries.some((e) => e.isIntersecting)) return;
			observer.disconnect();
			callback();
		},
		{ rootMargin: '200px' },
	);
	observer.observe(element);
	signal?.addEventListener('abort', () => observer.disconnect());
}
