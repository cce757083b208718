/**
 * Golden files: each widget's pure `view()` on a few states, with results from the reference implementation, kept as
 * JSON under tests/golden/. A missing file is written (review it, then commit it); a difference fails the test and
 * writes `<name>-changed.json` beside the golden file, to diff. `UPDATE_GOLDEN=1 npm run test:unit` rewrites them all.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../src/content/i18n/en.json';
import zh from '../../src/content/i18n/zh-CN.json';
import { mnistStripAtBuild } from '../../src/lib/site/mnist-at-build';
import type { HeatmapView } from '../../src/lib/viz/heatmap';
import type { TableView } from '../../src/lib/viz/table';
import { referenceResult as attentionReference } from '../../src/lib/widgets/attention/frame';
import { attentionSpec, EXAMPLES } from '../../src/lib/widgets/attention/state';
import { ATTENTION_STRINGS, attentionView } from '../../src/lib/widgets/attention/view';
import { referenceConvResult, referencePoolResult } from '../../src/lib/widgets/conv/reference-result';
import { convSpec, poolSpec } from '../../src/lib/widgets/conv/state';
import { convView, poolView } from '../../src/lib/widgets/conv/view';
import { referenceResult as rnnReference, RNN_EXAMPLES } from '../../src/lib/widgets/rnn/model';
import { rnnSpec } from '../../src/lib/widgets/rnn/state';
import { RNN_STRINGS, rnnView } from '../../src/lib/widgets/rnn/view';
import { readState, type ParamSpec } from '../../src/lib/widgets/url-state';
import { widgetStrings } from '../../src/lib/widgets/view';
import { firstConvFilter, SHIPPED_CNN } from '../../src/lib/models/cnn-filters';
import { seedCnnWeights } from '../../src/lib/models/cnn-weights';
import { referenceCnnLayersResult } from '../../src/lib/widgets/cnn-layers/reference-result';
import { cnnLayersSpec } from '../../src/lib/widgets/cnn-layers/state';
import { CNN_LAYERS_STRINGS, cnnLayersView, type CnnLayersView } from '../../src/lib/widgets/cnn-layers/view';
import { loadLayersWeights } from '../../src/lib/models/layers-weights';
import { fileFetcher } from './shipped-files';

const GOLDEN = 'tests/golden';
const update = process.env.UPDATE_GOLDEN === '1';

/** A state as a link gives it: the spec's defaults plus URL parameters (through the same parser the widget uses). */
function stateOf<S>(spec: ParamSpec<S>, query: string): S {
	const { state, problems } = readState(spec, new URLSearchParams(query));
	expect(problems, `parameters of the golden state "${query}"`).toEqual([]);
	return state;
}

/**
 * Heatmaps as one line of fills per row, tables as one line of shown numbers per row: a golden file small enough to
 * review as a diff (full-precision values are the reference's, checked by the e2e tests against tfjs).
 */
function compact(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(compact);
	if (typeof value !== 'object' || value === null) return value;
	if ('rows' in value && Array.isArray(value.rows)) {
		const { rows, ...rest } = value as TableView;
		return { ...rest, rows: rows.map((row) => `${row.label} | ${row.cells.map((c) => c.text).join(' ')}`) };
	}
	if ('cells' in value && 'viewBox' in value) {
		const { cells, ...rest } = value as HeatmapView;
		const rows: string[][] = [];
		for (const cell of cells) (rows[cell.row] ??= [])[cell.col] = cell.fill;
		return { ...(compact(rest) as object), fills: rows.map((row) => row.join(' ')) };
	}
	return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, compact(v)]));
}

function expectGolden(name: string, view: unknown) {
	const file = join(GOLDEN, `${name}.json`);
	const changed = join(GOLDEN, `${name}-changed.json`);
	const text = `${JSON.stringify(compact(view), null, '\t')}\n`;
	if (update || !existsSync(file)) {
		mkdirSync(dirname(file), { recursive: true });
		writeFileSync(file, text);
		rmSync(changed, { force: true });
		return;
	}
	if (readFileSync(file, 'utf8') === text) {
		rmSync(changed, { force: true });
		return;
	}
	writeFileSync(changed, text);
	expect.fail(`${file} differs from the view: diff it with ${changed}; if the change is intended, UPDATE_GOLDEN=1 npm run test:unit`);
}

const t = (messages: Record<string, string>) => (key: string) => messages[key] ?? `missing string ${key}`;
const digits = mnistStripAtBuild();

describe('convolution view', () => {
	const states = {
		default: '',
		'digit-8-sobel-y-stride-2-same-relu': 'conv.digit=8&conv.k=-1,-2,-1,0,0,0,1,2,1&conv.stride=2&conv.pad=same&conv.relu=1&conv.row=3&conv.col=9',
		'edges-top-left-corner': 'conv.digit=3&conv.k=-1,-1,-1,-1,8,-1,-1,-1,-1&conv.row=0&conv.col=0',
		'stride-3-focus-clamped': 'conv.digit=15&conv.stride=3&conv.row=27&conv.col=27',
	};
	for (const [name, query] of Object.entries(states))
		it(name, () => {
			const state = stateOf(convSpec, query);
			expectGolden(`convolution/${name}`, convView(state, referenceConvResult(state, digits)));
		});
	it('learned-filter-7-relu (the shipped CNN, public/models/cnn/)', async () => {
		const state = stateOf(convSpec, 'conv.filter=7&conv.relu=1&conv.row=10&conv.col=14');
		const filter = firstConvFilter(await loadLayersWeights(`/models/${SHIPPED_CNN}/model.json`, fileFetcher()), 7);
		expectGolden('convolution/learned-filter-7-relu', convView(state, referenceConvResult(state, digits, filter)));
	});
});

describe('pooling view', () => {
	const featureMap = referenceConvResult(stateOf(convSpec, ''), digits).output;
	const states = {
		default: '',
		'avg-3-stride-2': 'pool.mode=avg&pool.window=3&pool.stride=2&pool.row=2&pool.col=5',
		'max-4-stride-1': 'pool.window=4&pool.stride=1&pool.row=22&pool.col=0',
	};
	for (const [name, query] of Object.entries(states))
		it(name, () => {
			const state = stateOf(poolSpec, query);
			expectGolden(`pooling/${name}`, poolView(state, referencePoolResult(state, featureMap)));
		});
});

describe('rnn view', () => {
	const cases = {
		'en-default': ['en', ''],
		'en-lstm-step-4': ['en', `rnn.text=${encodeURIComponent('long short-term memory keeps a cell state')}&rnn.mode=lstm&rnn.step=4`],
		'zh-lstm-last-step': ['zh-cn', 'rnn.mode=lstm&rnn.step=24'],
		'en-too-many-tokens': ['en', `rnn.text=${encodeURIComponent('one two three four five six seven eight nine ten '.repeat(3))}&rnn.step=2`],
	} as const;
	for (const [name, [lang, query]] of Object.entries(cases))
		it(name, () => {
			const state = stateOf(rnnSpec(RNN_EXAMPLES[lang][0]!), query);
			const strings = widgetStrings(t(lang === 'en' ? en : zh), 'rnn', RNN_STRINGS);
			expectGolden(`rnn/${name}`, rnnView(state, rnnReference(state), strings));
		});
});

describe('attention view', () => {
	const cases = {
		'en-default': ['en', ''],
		'en-causal-3-heads-temperature': [
			'en',
			`attn.text=${encodeURIComponent('the bank of the river was steep')}&attn.heads=3&attn.causal=1&attn.temp=0.7&attn.q=4`,
		],
		'en-unscaled-saturated': ['en', 'attn.scale=0&attn.heads=1&attn.q=1'],
		'zh-default': ['zh-cn', ''],
	} as const;
	for (const [name, [lang, query]] of Object.entries(cases))
		it(name, () => {
			const state = stateOf(attentionSpec, query);
			const strings = widgetStrings(t(lang === 'en' ? en : zh), 'attn', ATTENTION_STRINGS);
			expectGolden(`attention/${name}`, attentionView(state, attentionReference(state, EXAMPLES[lang][0]!), strings));
		});
});

describe('cnn-layers view (the shipped CNN, public/models/cnn/)', () => {
	/** The tiles' values are the reference forward pass (tests/unit/cnn-forward.test.ts); the rest is kept whole. */
	const digest = ({ stages, input, ...rest }: CnnLayersView) => ({
		...rest,
		input: input.layout,
		stages: stages.map(({ maps: _maps, colour, ...stage }) => ({
			...stage,
			colours: [0, 0.5, 1].map((f) => colour(f * Math.max(...Array.from(_maps.values)))),
		})),
	});
	const cases = {
		'en-default': ['en', ''],
		'en-conv2-map-33-channel-5': ['en', 'cnn.digit=14&cnn.layer=conv2&cnn.unit=33&cnn.in=5&cnn.row=3&cnn.col=7'],
		'zh-pool2-out-of-range': ['zh-cn', 'cnn.digit=9&cnn.layer=pool2&cnn.unit=70&cnn.row=9&cnn.col=2'],
		'en-dense-unit-12': ['en', 'cnn.digit=2&cnn.layer=dense&cnn.unit=12'],
		'en-flatten-element-300': ['en', 'cnn.layer=flatten&cnn.unit=300'],
		'zh-output-class-4': ['zh-cn', 'cnn.digit=8&cnn.layer=output&cnn.class=4'],
	} as const;
	for (const [name, [lang, query]] of Object.entries(cases))
		it(name, async () => {
			const weights = seedCnnWeights(await loadLayersWeights(`/models/${SHIPPED_CNN}/model.json`, fileFetcher()));
			const state = stateOf(cnnLayersSpec, query);
			const strings = widgetStrings(t(lang === 'en' ? en : zh), 'cnn', CNN_LAYERS_STRINGS);
			expectGolden(`cnn-layers/${name}`, digest(cnnLayersView(state, referenceCnnLayersResult(state, digits, weights), strings)));
		});
});
