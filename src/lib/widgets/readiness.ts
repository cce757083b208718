/**
 * When a widget should start working and how long the reader waited for it. Hydration starts when the widget comes
 * near (a screen away), so a reader who scrolls finds it computed; `widget:<name>:ready` is measured from when it
 * enters the viewport to its first computed result, 0 when the result was there first.
 */
export class Readiness {
	private observer: IntersectionObserver | undefined;
	private near = false;
	private visible = false;
	private computed = false;
	private measured = false;

	constructor(
		private readonly name: () => string,
		private readonly onNear: () => void,
	) {}

	watch(element: Element): void {
		this.observer = new IntersectionObserver(
			(entries) => {
				for (const entry of entries) {
					if (!entry.isIntersecting) continue;
					if (!this.near) {
						this.near = true;
						this.onNear();
					}
					if (entry.intersectionRect.height > 0 && !this.visible) {
						this.visible = true;
						performance.mark(`widget:${this.name()}:visible`);
						this.measure();
					}
				}
				if (this.visible) this.stop();
			},
			{ rootMargin: '100% 0px' },
		);
		this.observer.observe(element);
	}

	stop(): void {
		this.observer?.disconnect();
	}

	/** The first result is on screen. */
	firstResult(): void {
		if (this.computed) return;
		this.computed = true;
		performance.mark(`widget:${this.name()}:computed`);
		this.measure();
	}

	private measure() {
		if (!this.visible || !this.computed || this.measured) return;
		this.measured = true;
		const name = this.name();
		const visible = performance.getEntriesByName(`widget:${name}:visible`).at(-1)!.startTime;
		const computed = performance.getEntriesByName(`widget:${name}:computed`).at(-1)!.startTime;
		performance.measure(`widget:${name}:ready`, { start: visible, end: Math.max(visible, computed) });
	}
}
