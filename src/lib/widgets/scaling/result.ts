/** The scaling calculator's numbers for a state: plain arithmetic (src/lib/calculators/scaling.ts), no DOM. */
import { ACCELERATORS, computeOptimal, JOULES_PER_KWH, trainingCompute, trainingEnergy, trainingSeconds, type Accelerator } from '../../calculators/scaling';
import type { ScalingState } from './state';

export interface ScalingResult {
	state: ScalingState;
	accelerator: Accelerator;
	/** C in FLOPs: 6ND of the reader's model, or their budget. */
	compute: number;
	/** The compute-optimal N and D for C at the state's ratio. */
	optimal: { parameters: number; tokens: number };
	seconds: number;
	/** n · t in hours. */
	deviceHours: number;
	joules: number;
	kilowattHours: number;
}

export function scalingResult(state: ScalingState): ScalingResult {
	const accelerator = ACCELERATORS[state.accelerator];
	const compute = state.given === 'model' ? trainingCompute(state.parameters, state.tokens) : state.budget;
	const seconds = trainingSeconds(compute, state.count, accelerator.peakFlops, state.utilisation / 100);
	const joules = trainingEnergy(state.count, accelerator.watts, seconds, state.pue);
	return {
		state,
		accelerator,
		compute,
		optimal: computeOptimal(compute, state.ratio),
		seconds,
		deviceHours: (state.count * seconds) / 3600,
		joules,
		kilowattHours: joules / JOULES_PER_KWH,
	};
}
