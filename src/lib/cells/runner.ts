/**
 * The worker that runs one cell's code. It is started from a blob: URL that imports the bundled worker module, so
 * the worker inherits the page's Content-Security-Policy (connect-src 'self'): network access to other origins is
 * refused by the browser itself, not only by the worker's own lock-down. Terminating it (Stop, time limit) ends any
 * loop at once and frees its memory; the next Run starts a fresh worker.
 */
import workerUrl from './worker.ts?worker&url';
import { backendFromUrl } from '../compute/backend-preference';
import { WorkerMessageSchema, type CellInput, type CheckMessage, type RunMessage, type WorkerMessage } from './protocol';

let nextRunId = 1;

export class CellRunner {
	private worker: Worker;
	private blobUrl: string;
	private runId = 0;

	/** `kind`: a code cell's worker starts tfjs at once; an exercise's only when a check needs it. */
	constructor(
		private readonly onMessage: (message: WorkerMessage) => void,
		kind: 'code-cell' | 'exercise' = 'code-cell',
	) {
		const moduleUrl = new URL(workerUrl, location.href).href;
		this.blobUrl = URL.createObjectURL(new Blob([`import ${JSON.stringify(moduleUrl)};`], { type: 'text/javascript' }));
		this.worker = new Worker(this.blobUrl, { type: 'module', name: kind });
		this.worker.addEventListener('message', (event: MessageEvent<unknown>) => {
			// Only messages of the protocol (as checked, without fields it does not define), and only for the current
			// run, reach the page.
			const parsed = WorkerMessageSchema.safeParse(event.data);
			if (!parsed.success) return;
			const message = parsed.data;
			if ('runId' in message && message.runId !== this.runId) return;
			this.onMessage(message);
		});
		this.worker.addEventListener('error', (event) => {
			event.preventDefault();
			this.onMessage({ type: 'error', runId: this.runId, name: 'WorkerError', message: event.message || 'the worker failed to start' });
		});
	}

	run(code: string, timeLimitMs: number, input: CellInput): void {
		this.runId = nextRunId++;
		const message: RunMessage = { type: 'run', runId: this.runId, code, backend: backendFromUrl(), timeLimitMs, input };
		this.worker.postMessage(message);
	}

	/** Checks an exercise: the reader's code, the function's name and each case's arguments (never the expected values). */
	check(code: string, fn: string, cases: unknown[][], options: { tf: boolean; timeLimitMs: number }): void {
		this.runId = nextRunId++;
		const message: CheckMessage = { type: 'check', runId: this.runId, code, fn, cases, backend: backendFromUrl(), ...options };
		this.worker.postMessage(message);
	}

	terminate(): void {
		this.worker.terminate();
		URL.revokeObjectURL(this.blobUrl);
	}
}
