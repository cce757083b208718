import { describe, expect, test } from 'vitest';
import { keepReachable } from '../../src/lib/cells/keep-shared';
import type { TensorLike } from '../../src/lib/cells/format';

const tensor = (name: string, isDisposed = false) => ({ name, shape: [1], dtype: 'float32', dataSync: () => [0], isDisposed });

function kept(root: unknown) {
	const names: string[] = [];
	const found = keepReachable(root, (t: TensorLike) => names.push((t as ReturnType<typeof tensor>).name));
	return { names, found: found.size };
}

describe('keepReachable', () => {
	test('finds tensors in objects, arrays, maps (keys and values) and sets, once each, through cycles', () => {
		const w = tensor('w');
		const root: Record<string, unknown> = {
			model: { layers: [{ kernel: w, bias: tensor('b') }] },
			byName: new Map<unknown, unknown>([[tensor('key'), tensor('value')]]),
			set: new Set([tensor('in set'), w]),
		};
		root.self = root;
		expect(kept(root).names.sort()).toEqual(['b', 'in set', 'key', 'value', 'w']);
	});

	test('disposed tensors are found but not kept; typed arrays and throwing getters are skipped', () => {
		const root = {
			old: tensor('old', true),
			pixels: new Float32Array(4),
			get broken(): unknown {
				throw new Error('no');
			},
			live: tensor('live'),
		};
		expect(kept(root)).toEqual({ names: ['live'], found: 2 });
	});

	test('stops 8 levels deep', () => {
		const nest = (depth: number, inner: unknown): unknown => (depth === 0 ? inner : { next: nest(depth - 1, inner) });
		expect(kept(nest(8, tensor('at 8'))).names).toEqual(['at 8']);
		expect(kept(nest(9, tensor('at 9'))).names).toEqual([]);
	});

	test('an object met first through a long path is still searched from its shortest one (breadth-first)', () => {
		const weights = { kernel: tensor('kernel') };
		const chain = (length: number) => {
			let node: unknown = weights;
			for (let i = 0; i < length; i++) node = { node };
			return node;
		};
		// Long paths first and last: depth-first in either order, `weights` would be reached at depth 8 and its kernel
		// cut off.
		expect(kept({ long: chain(7), short: weights, alsoLong: chain(7) }).names).toEqual(['kernel']);
	});
});
