/**
 * What a trained head attends to, on average over a text collection: the mean weight a query puts on the start token,
 * on itself, on the key d positions back, and on marked keys (the punctuation of verse). Part 3 describes the shipped models' heads with these numbers,
 * and a unit test recomputes them from the shipped weights, so the sentence cannot outlive the model it describes.
 */
import type { Matrix } from './matrix';

export interface HeadProfile {
	/** Mean weight on the start token ⟨s⟩ (key 0), over queries after it. */
	start: number;
	/** Mean weight on the query's own position, over queries after the start token. */
	self: number;
	/** `back[d]`: mean weight on the key d positions back, over queries at position ≥ d + 1 (the start token aside). */
	back: number[];
	/** Mean weight on the marked keys after the start token, and what uniform weights over the visible keys would give. */
	marked: number;
	markedIfUniform: number;
}

interface Sums {
	start: number;
	self: number;
	back: number[];
	backCount: number[];
	marked: number;
	markedIfUniform: number;
	count: number;
}

/** Accumulates the weights of every head over many texts; `profiles()` gives the means, [layer][head]. */
export class AttentionProfiler {
	private readonly sums: Sums[][] = [];

	constructor(
		layers: number,
		heads: number,
		private readonly maxBack: number,
		private readonly isMarked: (token: string) => boolean = () => false,
	) {
		const zeros = () => new Array<number>(maxBack + 1).fill(0);
		for (let l = 0; l < layers; l++)
			this.sums.push(Array.from({ length: heads }, () => ({ start: 0, self: 0, back: zeros(), backCount: zeros(), marked: 0, markedIfUniform: 0, count: 0 })));
	}

	/** One text's weights, [layer][head] → T × T causal matrix (row: query, column: key), and its T tokens. */
	add(weights: Matrix[][], tokens: readonly string[]): void {
		const marked = tokens.map((token, j) => j > 0 && this.isMarked(token));
		weights.forEach((heads, l) =>
			heads.forEach((w, h) => {
				const sum = this.sums[l]![h]!;
				// Query 0 is the start token itself: it can only look at itself, which says nothing about the head.
				for (let i = 1; i < w.length; i++) {
					const row = w[i]!;
					sum.start += row[0]!;
					sum.self += row[i]!;
					sum.count++;
					for (let j = 1; j <= i; j++)
						if (marked[j]) {
							sum.marked += row[j]!;
							sum.markedIfUniform += 1 / (i + 1);
						}
					for (let d = 1; d <= this.maxBack && i - d >= 1; d++) {
						sum.back[d]! += row[i - d]!;
						sum.backCount[d]!++;
					}
				}
			}),
		);
	}

	profiles(): HeadProfile[][] {
		return this.sums.map((heads) =>
			heads.map((s) => ({
				start: s.start / s.count,
				self: s.self / s.count,
				back: s.back.map((b, d) => (d === 0 ? s.self / s.count : s.backCount[d]! > 0 ? b / s.backCount[d]! : 0)),
				marked: s.marked / s.count,
				markedIfUniform: s.markedIfUniform / s.count,
			})),
		);
	}
}
