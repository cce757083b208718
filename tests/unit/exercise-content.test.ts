/**
 * The coding exercises as contributors write them (content/exercises/<id>.json, .starter.ts, .solution.ts): each file
 * fits the schema and names a checker, its solution passes every case of that checker, and its starter code fails
 * (a starter that passed would leave nothing to do). Code is read exactly as the worker reads it
 * (src/lib/exercises/reader-function.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exerciseSchema } from '../../src/schemas/exercise';
import { CHECKS, type ExerciseCheck } from '../../src/lib/exercises/checks';
import { grade, outcomesOf } from '../../src/lib/exercises/grade';
import { compileExercise, exerciseArguments } from '../../src/lib/exercises/reader-function';

const dir = new URL('../../content/exercises/', import.meta.url);
const ids = readdirSync(dir)
	.filter((f) => f.endsWith('.json'))
	.map((f) => f.slice(0, -'.json'.length));

async function gradeFile(check: ExerciseCheck, file: string) {
	const compiled = compileExercise(readFileSync(new URL(file, dir), 'utf8'), check.fn);
	if (!compiled.ok) throw new Error(`${file}: ${compiled.message}`);
	const fn = (await compiled.cell(...exerciseArguments())) as ((...args: never[]) => unknown) | undefined;
	if (typeof fn !== 'function') return undefined;
	const cases = check.cases();
	return grade(check, cases, outcomesOf(fn, cases));
}

it('there are coding exercises', () => expect(ids.length).toBeGreaterThanOrEqual(9));

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
