/**
 * Defines a widget's custom element when the first of its elements comes near the viewport (a screen away, where
 * hydration starts anyway: src/lib/widgets/readiness.ts), so its code is not part of the chapter's first load. Until
 * then the server-rendered first frame is what the reader sees. A chunk that cannot be loaded is said in the widget.
 */
export function defineWhenNear(tag: string, load: () => Promise<CustomElementConstructor>): void {
	const elements = [...document.querySelectorAll<HTMLElement>(tag)];
	if (!elements.length || customElements.get(tag)) return;
	const observer = new IntersectionObserver(
		(entries) => {
			if (!entries.some((entry) => entry.isIntersecting)) return;
			observer.disconnect();
			load().then(
				(element) => customElements.get(tag) ?? customElements.define(tag, element),
				(error: unknown) => {
					for (const element of elements) {
						element.dataset.status = 'error';
						const message = element.querySelector('[data-role="message"]');
						if (message) message.textContent = error instanceof Error ? error.message : String(error);
					}
				},
			);
		},
		{ rootMargin: '100% 0px' },
	);
	for (const element of elements) observer.observe(element);
}
