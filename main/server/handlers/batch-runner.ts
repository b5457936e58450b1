import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { BatchRowResult } from '../../core/batch.js';
import { runBatchTask, type BatchTaskInput, type BatchTaskResult } from './batch-task.js';
import type { BatchWorkerMessage } from './batch-worker.js';
import { errorFromWorker, superviseWorker } from './worker-run.js';

export interface BatchRunEvents {
  onProgress(done: number, total: number): void;
  onRow(result: BatchRowResult): void;
}

export interface BatchRunHandle {
  /** The task's result (a cancelled run resolves with report.cancelled); rejects on a whole-run failure. */
  done: Promise<BatchTaskResult>;
  cancel(): void;
}

export type BatchRunner = (input: BatchTaskInput, events: BatchRunEvents, tmpDir: string) => BatchRunHandle;

/** How long a cancelled worker gets to finish its row before it is terminated. */
const CANCEL_GRACE_MS = 5000;

/** The compiled worker beside this module; none when running from TypeScript sources (vitest). */
export function defaultBatchWorkerFile(): string | undefined {
  const f = fileURLToPath(new URL('./batch-worker.js', import.meta.url));
  return existsSync(f) ? f : undefined;
}

/**
 * One worker thread per run. Its temp folder (where the engine stages anything) is the job's own
 * `tmpDir`, so removing the job folder removes everything, even after a terminate mid-write.
 */
export function workerBatchRunner(workerFile: string): BatchRunner {
  return (input, events, tmpDir) => {
    const env = { ...process.env, TMPDIR: tmpDir, TMP: tmpDir, TEMP: tmpDir };
    const worker = new Worker(workerFile, { workerData: input, env });
    return superviseWorker<BatchTaskResult, BatchWorkerMessage>(worker, {
      label: 'batch worker',
      graceMs: CANCEL_GRACE_MS,
      onMessage(m, settle) {
        if (m.type === 'progress') events.onProgress(m.done, m.total);
        else if (m.type === 'row') events.onRow(m.result);
        else if (m.type === 'done') settle.resolve(m.result);
        else settle.reject(errorFromWorker(m));
      },
      requestCancel: () => worker.postMessage('cancel'),
      cancelledExit: (settle) => settle.resolve(cancelledResult(input)),
    });
  };
}

const cancelledResult = (input: BatchTaskInput): BatchTaskResult => ({
  report: { total: input.table.rows.length, outputs: [], failures: [], skipped: [], cancelled: true, notes: [] },
});

/** Fallback without a compiled worker: the same task on this thread (the engine yields between rows). */
export const inProcessBatchRunner: BatchRunner = (input, events) => {
  const abort = new AbortController();
  const done = Promise.resolve().then(() => runBatchTask(input, { ...events, signal: abort.signal }));
  return { done, cancel: () => abort.abort() };
};
