/**
 * A classifier's confusion matrix and the metrics of part 2's metrics section, in plain TypeScript: counts[t][p] is the
 * number of examples of true class t predicted as p; for class c, TP = counts[c][c], FP = the rest of column c,
 * FN = the rest of row c, P = TP/(TP + FP), R = TP/(TP + FN), F₁ = 2PR/(P + R). A ratio with nothing to divide is
 * undefined (no digit predicted as c has no precision), never NaN.
 */

export interface ClassMetrics {
	truePositives: number;
	falsePositives: number;
	falseNegatives: number;
	/** Examples of the class (its row's sum). */
	support: number;
	/** Examples predicted as the class (its column's sum). */
	predicted: number;
	precision: number | undefined;
	recall: number | undefined;
	f1: number | undefined;
}

export interface Confusion {
	counts: number[][];
	total: number;
	correct: number;
	accuracy: number;
	perClass: ClassMetrics[];
	/** The mean of the classes' F₁ (over the classes that have one). */
	macroF1: number | undefined;
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : undefined);

export function confusionMatrix(labels: ArrayLike<number>, predictions: ArrayLike<number>, classes: number): Confusion {
	if (labels.length !== predictions.length) throw new Error(`${labels.length} labels but ${predictions.length} predictions`);
	const counts = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
	for (let i = 0; i < labels.length; i++) {
		const t = labels[i]!;
		const p = predictions[i]!;
		if (!(t >= 0 && t < classes && p >= 0 && p < classes)) throw new Error(`example ${i}: class ${t} predicted as ${p}, outside 0–${classes - 1}`);
		counts[t]![p]!++;
	}
	const perClass = counts.map((row, c): ClassMetrics => {
		const truePositives = row[c]!;
		const support = row.reduce((a, b) => a + b, 0);
		const predicted = counts.reduce((sum, r) => sum + r[c]!, 0);
		const precision = ratio(truePositives, predicted);
		const recall = ratio(truePositives, support);
		const f1 = precision !== undefined && recall !== undefined ? (precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0) : undefined;
		return { truePositives, falsePositives: predicted - truePositives, falseNegatives: support - truePositives, support, predicted, precision, recall, f1 };
	});
	const correct = perClass.reduce((sum, m) => sum + m.truePositives, 0);
	const f1s = perClass.flatMap((m) => (m.f1 === undefined ? [] : [m.f1]));
	return {
		counts,
		total: labels.length,
		correct,
		accuracy: labels.length ? correct / labels.length : 0,
		perClass,
		macroF1: f1s.length ? f1s.reduce((a, b) => a + b, 0) / f1s.length : undefined,
	};
}

/** The indices of the examples of true class `t` predicted as `p`, in the data's order. */
export function examplesOf(labels: ArrayLike<number>, predictions: ArrayLike<number>, t: number, p: number): number[] {
	const found: number[] = [];
	for (let i = 0; i < labels.length; i++) if (labels[i] === t && predictions[i] === p) found.push(i);
	return found;
}

/** The cell off the diagonal with the most examples (the model's most frequent confusion); the first on a tie. */
export function largestConfusion(counts: number[][]): [number, number] {
	let best: [number, number] = [0, counts.length > 1 ? 1 : 0];
	let most = -1;
	counts.forEach((row, t) =>
		row.forEach((n, p) => {
			if (t !== p && n > most) {
				most = n;
				best = [t, p];
			}
		}),
	);
	return best;
}
