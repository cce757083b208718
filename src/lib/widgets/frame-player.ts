/**
 * Play and Pause for a widget that animates one step per frame (the gradient-descent widget, the overfitting demo):
 * the frame loop, the button's words and pressed state, and the throttle that lets the costly parts of a view (KaTeX
 * and tables) be redrawn at most every so often while playing, so a step per frame holds 60 frames per second.
 * Nothing starts by itself, so `prefers-reduced-motion` readers see no motion they did not ask for.
 */
export interface FramePlayerOptions {
	button: HTMLButtonElement;
	/** The button's words while stopped and while playing. */
	words: { play: string; pause: string };
	/** One frame's step; returns false when there is nothing more to play (the player stops). */
	step: () => boolean;
	/** After a pause: keep the state in the history, draw what the throttle left out. */
	stopped: () => void;
	/** Redraw the costly parts at most this often while playing. */
	fullRedrawMs: number;
}

export class FramePlayer {
	private frame: number | undefined;
	private lastFull = 0;

	constructor(private readonly options: FramePlayerOptions) {}

	get playing(): boolean {
		return this.frame !== undefined;
	}

	toggle(): void {
		if (this.playing) this.pause();
		else this.play();
	}

	play(): void {
		if (this.playing) return;
		this.show(true);
		const tick = () => {
			if (!this.options.step()) return this.pause();
			this.frame = requestAnimationFrame(tick);
		};
		this.frame = requestAnimationFrame(tick);
	}

	pause(): void {
		if (!this.playing) return;
		this.stop();
		this.show(false);
		this.options.stopped();
	}

	/** Stops without a word (the widget leaves the page). */
	stop(): void {
		if (this.frame !== undefined) cancelAnimationFrame(this.frame);
		this.frame = undefined;
	}

	/** Whether this update should redraw everything: always when stopped, at most every `fullRedrawMs` while playing. */
	fullRedraw(): boolean {
		const now = performance.now();
		if (this.playing && now - this.lastFull < this.options.fullRedrawMs) return false;
		this.lastFull = now;
		return true;
	}

	private show(playing: boolean) {
		const { button, words } = this.options;
		button.textContent = playing ? words.pause : words.play;
		button.setAttribute('aria-pressed', String(playing));
	}
}
