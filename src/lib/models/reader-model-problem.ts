/**
 * Why a widget cannot show the reader's model, in a form the widget words itself (`kind`) while it shows a model of
 * ours: none is kept yet, the kept one is not the architecture the widget reads, or storage cannot be read. Small and
 * without the storage code, so a widget can tell it apart before any model is asked for.
 */
export class ReaderModelProblem extends Error {
	override name = 'ReaderModelProblem';
	constructor(
		readonly kind: 'none' | 'differs' | 'storage',
		message: string,
	) {
		super(message);
	}
}

/** The widget string that words each kind of problem (`{{why}}`: the problem's message). */
export const READER_PROBLEM_STRINGS = { none: 'noModelYet', differs: 'yoursDiffers', storage: 'storageFailed' } as const;
