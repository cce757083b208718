/** The shipped CNN read from public/models/ at build time, for the layer-by-layer widget's server-rendered first frame. */
import { readFile } from 'node:fs/promises';
import { seedCnnWeights } from '../models/cnn-weights';
import { loadLayersWeights } from '../models/layers-weights';
import type { CnnWeights } from '../reference/cnn';

let cached: Promise<CnnWeights> | undefined;

/** The same files a page fetches (`/models/cnn/…`), read from public/. */
export function shippedCnnAtBuild(): Promise<CnnWeights> {
	cached ??= loadLayersWeights('/models/cnn/model.json', async (url) => new Response(new Uint8Array(await readFile(`public${url}`)))).then(seedCnnWeights);
	return cached;
}
