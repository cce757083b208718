/**
 * How a code cell prints a tensor (./format.ts prints everything else): like tfjs's `tensor.toString()`, summarised.
 * Pure: no tfjs import — tensors are recognised by their shape (`shape`, `dtype`, `dataSync`), so this works with any
 * tfjs instance.
 */
/** The parts of a tfjs tensor this module reads. */
export interface TensorLike {
	shape: number[];
	dtype: string;
	dataSync(): ArrayLike<unknown>;
	isDisposed?: boolean;
}

/** Structural tensor test: an object with a numeric `shape` array, a string `dtype` and a `dataSync` method. */
export function isTensorLike(value: unknown): value is TensorLike {
	if (typeof value !== 'object' || value === null) return false;
	const candidate = value as Partial<TensorLike>;
	return (
		Array.isArray(candidate.shape) &&
		candidate.shape.every((d) => typeof d === 'number') &&
		typeof candidate.dtype === 'string' &&
		typeof candidate.dataSync === 'function'
	);
}

/** How much of a tensor is printed. */
export const TENSOR_FORMAT_LIMITS = {
	/** Entries per tensor axis shown in full; longer axes show the first and last `tensorEdge`. */
	tensorAxis: 6,
	tensorEdge: 3,
} as const;

/**
 * Prints a tensor the way tfjs does (`Tensor` then the values indented by 4, columns padded to equal width), but with
 * at most `tensorEdge` entries at each end of every axis longer than `tensorAxis`, and floats with 4 decimals.
 *
 * Cost: `dataSync()` is called once and copies the whole tensor to the CPU (on WebGL/WebGPU a blocking GPU read-back);
 * only the printed entries are converted to text and nothing is kept after this function returns. That is acceptable
 * in the cell worker (it blocks the worker, not the page) for the tensors a tutorial prints.
 */
export function formatTensor(tensor: TensorLike): string {
	if (tensor.isDisposed) return 'Tensor (disposed)';
	const shape = tensor.shape;
	const size = shape.reduce((a, b) => a * b, 1);
	if (size === 0) return 'Tensor\n    []';
	let data: ArrayLike<unknown>;
	try {
		data = tensor.dataSync();
	} catch (error) {
		return `Tensor (cannot read values: ${error instanceof Error ? error.message : String(error)})`;
	}
	const entry = entryFormatter(tensor.dtype, data);
	if (shape.length === 0) return `Tensor\n    ${entry(0)}`;

	const rank = shape.length;
	const strides = new Array<number>(rank).fill(1);
	for (let axis = rank - 2; axis >= 0; axis--) strides[axis] = strides[axis + 1]! * shape[axis + 1]!;

	// First pass: the text of every printed entry, and the widest per column (index along the last axis), as tfjs pads.
	const printed = new Map<number, string>();
	const widths = new Map<number, number>();
	const collect = (axis: number, offset: number): void => {
		for (const i of shownIndices(shape[axis]!)) {
			if (i < 0) continue;
			const at = offset + i * strides[axis]!;
			if (axis < rank - 1) {
				collect(axis + 1, at);
				continue;
			}
			const text = entry(at);
			printed.set(at, text);
			widths.set(i, Math.max(widths.get(i) ?? 0, text.length));
		}
	};
	collect(0, 0);

	const render = (axis: number, offset: number): string[] => {
		const indices = shownIndices(shape[axis]!);
		if (axis === rank - 1) return [`[${indices.map((i) => (i < 0 ? '...' : printed.get(offset + i)!.padEnd(widths.get(i)!))).join(', ')}]`];
		const lines: string[] = [];
		const gap = rank - axis - 2; // blank lines between blocks: one between matrices of a rank-3 tensor, …
		indices.forEach((i, k) => {
			const child = i < 0 ? ['...'] : render(axis + 1, offset + i * strides[axis]!);
			const last = k === indices.length - 1;
			child.forEach((line, j) => {
				let text = (k === 0 && j === 0 ? '[' : ' ') + line;
				if (j === child.length - 1) text += last ? ']' : ',';
				lines.push(text);
			});
			if (!last) for (let g = 0; g < gap; g++) lines.push('');
		});
		return lines;
	};
	return ['Tensor', ...render(0, 0).map((line) => (line ? `    ${line}` : ''))].join('\n');
}

/** Indices printed along an axis of length n; -1 marks the `...`. */
function shownIndices(n: number): number[] {
	const { tensorAxis, tensorEdge } = TENSOR_FORMAT_LIMITS;
	if (n <= tensorAxis) return Array.from({ length: n }, (_, i) => i);
	return [...Array.from({ length: tensorEdge }, (_, i) => i), -1, ...Array.from({ length: tensorEdge }, (_, i) => n - tensorEdge + i)];
}

function entryFormatter(dtype: string, data: ArrayLike<unknown>): (index: number) => string {
	switch (dtype) {
		case 'bool':
			return (i) => (data[i] ? 'true' : 'false');
		case 'int32':
			return (i) => String(data[i]);
		case 'string':
			return (i) => JSON.stringify(stringEntry(data[i]));
		case 'complex64':
			// tfjs stores complex values as interleaved (real, imaginary) pairs.
			return (i) => `${tensorNumber(Number(data[2 * i]))} + ${tensorNumber(Number(data[2 * i + 1]))}j`;
		default:
			return (i) => tensorNumber(Number(data[i]));
	}
}

function stringEntry(value: unknown): string {
	if (typeof value === 'string') return value;
	if (value instanceof Uint8Array) return new TextDecoder().decode(value);
	return String(value);
}

/** A float with at most 4 decimals (trailing zeros dropped); exponent notation for very large or very small values. */
export function tensorNumber(value: number): string {
	if (!Number.isFinite(value)) return String(value);
	if (value === 0) return '0';
	const magnitude = Math.abs(value);
	if (magnitude >= 1e6 || magnitude < 1e-4) {
		const [mantissa, exponent] = value.toExponential(3).split('e');
		return `${Number.parseFloat(mantissa!)}e${exponent}`;
	}
	return String(Number.parseFloat(value.toFixed(4)));
}
