import type * as TF from '@tensorflow/tfjs-core';
import * as kernels from '../../compute/kernels';
import type { Matrix } from '../../reference/matrix';
import { template } from '../../text/template';
import { InputProblem, WidgetElement } from '../widget-element';
import { bindGridFocus } from '../dom';
import { loadMnistStrip } from './mnist-strip';
import { defaultFeatureMap } from './reference-result';
import { poolSpec, type PoolState } from './state';
import { FEATURE_MAP_EVENT, type FeatureMapDetail } from './events';
import { poolView, type PoolResult } from './view';

/** `<pool-widget>`: pools the feature map the convolution widget on the page last produced. */
export class PoolingElement extends WidgetElement<PoolState, PoolResult> {
	private featureMap: Matrix | undefined;

	protected createSpec() {
		return poolSpec;
	}

	protected bindControls() {
		const on = { signal: this.signal };
		document.addEventListener(
			FEATURE_MAP_EVENT,
			(e) => {
				this.featureMap = (e as CustomEvent<FeatureMapDetail>).detail.featureMap;
				this.requestUpdate();
			},
			on,
		);
		const mode = this.q<HTMLSelectElement>('mode');
		mode.addEventListener('change', () => this.commit({ mode: mode.value === 'avg' ? 'avg' : 'max' }), on);
		const window = this.q<HTMLSelectElement>('window');
		window.addEventListener('change', () => this.commit({ window: Number(window.value) }), on);
		const stride = this.q<HTMLSelectElement>('stride');
		stride.addEventListener('change', () => this.commit({ stride: Number(stride.value) }), on);
		const output = this.q<SVGSVGElement>('output');
		bindGridFocus(
			output,
			() => this.state,
			() => output.viewBox.baseVal.width,
			(cell) => this.commit(cell, 'replace'),
			this.signal,
		);
	}

	protected syncControls() {
		this.q<HTMLSelectElement>('mode').value = this.state.mode;
		this.q<HTMLSelectElement>('window').value = String(this.state.window);
		this.q<HTMLSelectElement>('stride').value = String(this.state.stride);
	}

	protected async compute(tf: typeof TF): Promise<PoolResult> {
		// Before the convolution widget has computed, pool its latest map, or the default digit's default map.
		this.featureMap ??= (document.querySelector('conv-widget') as { featureMap?: Matrix } | null)?.featureMap;
		const featureMap = this.featureMap ?? defaultFeatureMap(await loadMnistStrip());
		const size = featureMap.length;
		if (this.state.window > size) throw new InputProblem(template(this.strings.tooLarge ?? '', { window: this.state.window, size }));
		const pooled = await kernels.pool2d(tf, featureMap, { mode: this.state.mode, window: this.state.window, stride: this.state.stride });
		return { featureMap, pooled };
	}

	protected view(result: PoolResult) {
		return poolView(this.state, result);
	}
}
