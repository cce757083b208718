/**
 * What a run leaves in `shared` survives the end of its tfjs scope: the worker keeps every tensor reachable from it
 * (a model's weights are reached through its layers). Pure: tensors are recognised by their shape
 * (./format-tensor.ts) and kept through the `keep` the worker passes (tfjs's `tf.keep`).
 */
import { isTensorLike, type TensorLike } from './format-tensor';

/** Objects visited at most, and how deep: enough for a model's weights, bounded for a huge or cyclic `shared`. */
const MAX_OBJECTS = 100_000;
const MAX_DEPTH = 8;

/** Calls `keep` on every live tensor reachable from `root`; returns the tensors found (disposed ones included). */
export function keepReachable(root: unknown, keep: (tensor: TensorLike) => void): Set<object> {
	const seen = new Set<object>();
	const tensors = new Set<object>();
	// Breadth-first, so every object is first met at its shortest depth: depth-first, a model's weights could first be
	// reached through a long chain of graph nodes, cut off by the depth limit and then skipped as already seen.
	const queue: [unknown, number][] = [[root, 0]];
	for (let next = 0; next < queue.length && seen.size < MAX_OBJECTS; next++) {
		const [value, depth] = queue[next]!;
		if (typeof value !== 'object' || value === null || seen.has(value) || depth > MAX_DEPTH) continue;
		seen.add(value);
		if (isTensorLike(value)) {
			tensors.add(value);
			if (!value.isDisposed) keep(value);
			continue;
		}
		if (ArrayBuffer.isView(value)) continue;
		const children = value instanceof Map ? [...value.keys(), ...value.values()] : value instanceof Set || Array.isArray(value) ? [...value] : undefined;
		if (children) for (const child of children) queue.push([child, depth + 1]);
		else
			for (const key of Object.keys(value)) {
				try {
					queue.push([(value as Record<string, unknown>)[key], depth + 1]);
				} catch {
					// a throwing getter holds no tensor we can reach
				}
			}
	}
	return tensors;
}
