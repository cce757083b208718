// The WASM backend's binaries as assets of this site (Vite copies and fingerprints them at build time).
import plain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threadedSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

export const wasmPaths = {
	'tfjs-backend-wasm.wasm': plain,
	'tfjs-backend-wasm-simd.wasm': simd,
	'tfjs-backend-wasm-threaded-simd.wasm': threadedSimd,
};
