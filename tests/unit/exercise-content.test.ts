/**
 * The coding exercises as contributors write them (content/exercises/<id>.json, .starter.ts, .solution.ts): each file
 * fits the schema and names a checker, its solution passes every case of that checker, and its starter code fails
 * (a starter that passed would leave nothing to do). Code is read exactly as the worker reads it
 * (src/lib/exercises/reader-function.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as tfc from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { exerciseSchema } from '../../src/schemas/exercise';
import { CHECKS, type ExerciseCheck } from '../../src/lib/exercises/checks';
import { grade, outcomesOf } from '../../src/lib/exercises/grade';
import { compileExercise, exerciseArguments } from '../../src/lib/exercises/reader-function';
import { summaryOfModel } from '../../src/lib/exercises/model-summary-of';

/** What the worker passes as `tf` (src/lib/cells/worker.ts): tfjs-core and tfjs-layers as one namespace. */
const tf = { ...tfc, ...tfl };
beforeAll(async () => {
	expect(await tfc.setBackend('cpu')).toBe(true);
});

const dir = new URL('../../content/exercises/', import.meta.url);
const ids = readdirSync(dir)
	.filter((f) => f.endsWith('.json'))
	.map((f) => f.slice(0, -'.json'.length));

async function gradeFile(check: ExerciseCheck, file: string) {
	const compiled = compileExercise(readFileSync(new URL(file, dir), 'utf8'), check.fn);
	if (!compiled.ok) throw new Error(`${file}: ${compiled.message}`);
	const fn = (await compiled.cell(...exerciseArguments(check.tf ? { tf } : {}))) as ((...args: never[]) => unknown) | undefined;
	if (typeof fn !== 'function') return undefined;
	const cases = check.cases();
	// As the worker does: a returned model arrives as its summary, and its weights are released.
	const asWorkerSends = (...args: never[]) => {
		const value = fn(...args);
		if (!(value instanceof tfl.LayersModel)) return value;
		const summary = structuredClone(summaryOfModel(value));
		value.dispose();
		return summary;
	};
	return grade(check, cases, outcomesOf(asWorkerSends, cases));
}

it('there are coding exercises', () => expect(ids.length).toBeGreaterThanOrEqual(11));

describe.each(ids)('exercise %s', (id) => {
	const entry = exerciseSchema.parse(JSON.parse(readFileSync(new URL(`${id}.json`, dir), 'utf8')));
	const check = (CHECKS as Record<string, ExerciseCheck>)[entry.check];

	it('names a checker', () => expect(check, `${id}.json: check "${entry.check}" is not in CHECKS`).toBeDefined());

	it('its solution passes every case', async () => {
		const result = await gradeFile(check!, `${id}.solution.ts`);
		expect(result?.failure).toBeUndefined();
		expect(result?.passed).toBe(check!.cases().length);
	});

	it('its starter code fails', async () => {
		const result = await gradeFile(check!, `${id}.starter.ts`);
		expect(result === undefined || result.passed < result.total).toBe(true);
	});
});
