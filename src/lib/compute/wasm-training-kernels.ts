/**
 * Training kernels for tfjs's WASM backend — the fastest backend on a machine without a GPU — so that the code
 * cells' models train on it. tfjs 4.22's WASM backend lacks two kernels that training needs and has a slow third:
 * - `Conv2DBackpropFilter` (missing: no `conv2d` layer can train);
 * - `UnsortedSegmentSum` (missing: the gradient of `gather`, so no `embedding` layer can train);
 * - `Conv2DBackpropInput` (a plain loop, ~7× slower than the forward convolution).
 *
 * The segment sum is one pass over the rows in plain TypeScript on the WASM heap.
 * Both gradients are themselves correlations, so they are computed with the backend's forward `Conv2D` (XNNPACK)
 * on transposed operands — the same arithmetic, rearranged:
 * - filter: dW[kh, kw, ci, co] = Σ_{b,y,x} xPad[b, y·s + kh, x·s + kw, ci] · dy[b, y, x, co]
 *   is a correlation of xᵀ [ci, H, W, b] with the filter dyᵀ [oh, ow, b, co] dilated by the stride s;
 * - input (stride 1): dx = dy, zero-padded to "full", correlated with W rotated 180° and with in/out channels swapped.
 *   Other strides keep tfjs's own kernel.
 * Checked against the CPU backend's kernels in tests/unit/wasm-training-kernels.test.ts.
 */
import {
	backend_util,
	Conv2D,
	Conv2DBackpropFilter,
	Conv2DBackpropInput,
	getKernel,
	registerKernel,
	Reverse,
	Slice,
	Transpose,
	unregisterKernel,
	UnsortedSegmentSum,
	type UnsortedSegmentSumAttrs,
	type Conv2DBackpropFilterAttrs,
	type Conv2DBackpropInputAttrs,
	type KernelBackend,
	type KernelConfig,
	type KernelFunc,
	type NamedAttrMap,
	type TensorInfo,
} from '@tensorflow/tfjs-core';

type Shape4 = [number, number, number, number];

/** Runs another kernel of the WASM backend directly (inside a kernel there is no op-level API). */
function run(name: string, backend: KernelBackend, inputs: Record<string, TensorInfo>, attrs: object): TensorInfo {
	const kernel = getKernel(name, 'wasm');
	if (!kernel) throw new Error(`the WASM backend has no ${name} kernel`);
	return kernel.kernelFunc({ inputs: inputs as never, backend, attrs: attrs as NamedAttrMap }) as TensorInfo;
}

/** Runs `body` with a `keep` that collects intermediate results, and frees them all afterwards. */
function withTemporaries(backend: KernelBackend, body: (keep: (t: TensorInfo) => TensorInfo) => TensorInfo): TensorInfo {
	const temporary: TensorInfo[] = [];
	try {
		return body((t) => (temporary.push(t), t));
	} finally {
		for (const t of temporary) backend.disposeData(t.dataId);
	}
}

function channelsLastOnly(dataFormat: string): void {
	if (dataFormat === 'NCHW') throw new Error('convolution gradients on WASM support only channels-last (NHWC) data');
}

const conv2DBackpropFilter: KernelFunc = ({ inputs, backend: anyBackend, attrs }) => {
	const backend = anyBackend as KernelBackend;
	const { x, dy } = inputs as { x: TensorInfo; dy: TensorInfo };
	const { strides, pad, dataFormat, dimRoundingMode, filterShape } = attrs as unknown as Conv2DBackpropFilterAttrs;
	channelsLastOnly(dataFormat);
	const info = backend_util.computeConv2DInfo(x.shape as Shape4, filterShape, strides, 1, pad, dimRoundingMode, false, 'channelsLast');
	const { filterHeight, filterWidth, inChannels, outChannels, strideHeight, strideWidth, padInfo } = info;
	return withTemporaries(backend, (keep) => {
		const xT = keep(run(Transpose, backend, { x }, { perm: [3, 1, 2, 0] })); // [ci, H, W, b]
		const dyT = keep(run(Transpose, backend, { x: dy }, { perm: [1, 2, 0, 3] })); // [oh, ow, b, co]
		const correlation = keep(
			run(
				Conv2D,
				backend,
				{ x: xT, filter: dyT },
				{
					strides: [1, 1],
					pad: [
						[0, 0],
						[padInfo.top, padInfo.bottom],
						[padInfo.left, padInfo.right],
						[0, 0],
					],
					dataFormat: 'NHWC',
					dilations: [strideHeight, strideWidth],
				},
			),
		); // [ci, ≥fh, ≥fw, co]: rows past the filter come from padding the forward pass never reached
		const [, rows, cols] = correlation.shape;
		const taps =
			rows === filterHeight && cols === filterWidth
				? correlation
				: keep(run(Slice, backend, { x: correlation }, { begin: [0, 0, 0, 0], size: [inChannels, filterHeight, filterWidth, outChannels] }));
		return run(Transpose, backend, { x: taps }, { perm: [1, 2, 0, 3] }); // [fh, fw, ci, co]
	});
};

function conv2DBackpropInputWith(fallback: KernelFunc): KernelFunc {
	return (args) => {
		const { inputs, attrs } = args;
		const backend = args.backend as KernelBackend;
		const { dy, filter } = inputs as { dy: TensorInfo; filter: TensorInfo };
		const { strides, pad, dataFormat, dimRoundingMode, inputShape } = attrs as unknown as Conv2DBackpropInputAttrs;
		channelsLastOnly(dataFormat);
		const info = backend_util.computeConv2DInfo(inputShape, filter.shape as Shape4, strides, 1, pad, dimRoundingMode, false, 'channelsLast');
		const { filterHeight, filterWidth, strideHeight, strideWidth, padInfo } = info;
		const full = [filterHeight - 1 - padInfo.top, filterHeight - 1 - padInfo.bottom, filterWidth - 1 - padInfo.left, filterWidth - 1 - padInfo.right];
		if (strideHeight !== 1 || strideWidth !== 1 || full.some((p) => p < 0)) return fallback(args);
		const [top, bottom, left, right] = full as [number, number, number, number];
		return withTemporaries(backend, (keep) => {
			const rotated = keep(run(Reverse, backend, { x: filter }, { dims: [0, 1] }));
			const swapped = keep(run(Transpose, backend, { x: rotated }, { perm: [0, 1, 3, 2] })); // [fh, fw, co, ci]
			return run(
				Conv2D,
				backend,
				{ x: dy, filter: swapped },
				{
					strides: [1, 1],
					pad: [
						[0, 0],
						[top, bottom],
						[left, right],
						[0, 0],
					],
					dataFormat: 'NHWC',
					dilations: [1, 1],
				},
			);
		});
	};
}

/** The parts of tfjs-backend-wasm's `BackendWasm` a plain-TypeScript kernel needs. */
interface HeapBackend extends KernelBackend {
	makeOutput(shape: number[], dtype: TensorInfo['dtype']): TensorInfo;
	typedArrayFromHeap(info: TensorInfo): Float32Array | Int32Array | Uint8Array;
}

/** out[id] = Σ_{i : segmentIds[i] = id} x[i], rows whose id is outside [0, numSegments) are dropped (as in TF). */
const unsortedSegmentSum: KernelFunc = ({ inputs, backend, attrs }) => {
	const { x, segmentIds } = inputs as { x: TensorInfo; segmentIds: TensorInfo };
	const { numSegments } = attrs as unknown as UnsortedSegmentSumAttrs;
	const heap = backend as HeapBackend;
	const rowShape = x.shape.slice(segmentIds.shape.length);
	const rowSize = rowShape.reduce((a, b) => a * b, 1);
	// Allocate first: growing the WASM memory detaches typed arrays taken before.
	const out = heap.makeOutput([numSegments, ...rowShape], x.dtype);
	const target = heap.typedArrayFromHeap(out);
	const values = heap.typedArrayFromHeap(x);
	const ids = heap.typedArrayFromHeap(segmentIds);
	target.fill(0);
	for (let i = 0; i < ids.length; i++) {
		const id = ids[i]!;
		if (id < 0 || id >= numSegments) continue;
		const from = i * rowSize;
		const to = id * rowSize;
		for (let j = 0; j < rowSize; j++) target[to + j]! += values[from + j]!;
	}
	return out;
};

let registered = false;

/** Installs the kernels in the WASM backend's registry (once). Call after importing the WASM backend. */
export function registerWasmTrainingKernels(): void {
	if (registered) return;
	registered = true;
	if (!getKernel(UnsortedSegmentSum, 'wasm')) registerKernel({ kernelName: UnsortedSegmentSum, backendName: 'wasm', kernelFunc: unsortedSegmentSum });
	if (!getKernel(Conv2DBackpropFilter, 'wasm')) registerKernel({ kernelName: Conv2DBackpropFilter, backendName: 'wasm', kernelFunc: conv2DBackpropFilter });
	const original = getKernel(Conv2DBackpropInput, 'wasm');
	if (original) {
		// Replace (unregister first: registering over a kernel logs a warning) and keep the original for strides > 1.
		unregisterKernel(Conv2DBackpropInput, 'wasm');
		const replacement: KernelConfig = { ...original, kernelFunc: conv2DBackpropInputWith(original.kernelFunc) };
		registerKernel(replacement);
	}
}
