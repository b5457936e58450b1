import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ExportRequest } from '../../core/api.js';
import type { RenderResult } from '../../engine/render.js';
import { CancelledError, runExport } from './export-task.js';
import type { ExportWorkerData, ExportWorkerMessage } from './export-worker.js';
import { errorFromWorker, superviseWorker } from './worker-run.js';

export interface RunHandle {
  /** Resolves with the render's result; rejects with CancelledError, a StudioError or a bug. */
  done: Promise<RenderResult>;
  cancel(): void;
}

export type Runner = (req: ExportRequest, out: string, onProgress: (done: number, total: number) => void) => RunHandle;

/** How long a cancelled worker gets to unwind (and remove its temp file) before it is terminated. */
const CANCEL_GRACE_MS = 3000;

/**
 * The compiled worker beside this module (dist/main/server/handlers/export-worker.js). Running
 * from TypeScript sources (vitest) there is none: Node 20 cannot start a .ts worker.
 */
export function defaultWorkerFile(): string | undefined {
  const f = fileURLToPath(new URL('./export-worker.js', import.meta.url));
  return existsSync(f) ? f : undefined;
}

/**
 * Runs each export in its own worker thread: rendering a banner takes seconds of CPU and must not
 * stall previews and status polls. A worker per job (not a pool) keeps a crash or a cancel
 * contained; its start-up (~0.2 s of module loading) is small beside an export.
 */
export function workerRunner(workerFile: string): Runner {
  return (req, out, onProgress) => {
    const cancel = new SharedArrayBuffer(4);
    const data: ExportWorkerData = { req, out, cancel };
    const worker = new Worker(workerFile, { workerData: data });
    return superviseWorker<RenderResult, ExportWorkerMessage>(worker, {
      label: 'export worker',
      graceMs: CANCEL_GRACE_MS,
      onMessage(m, settle) {
        if (m.type === 'progress') onProgress(m.done, m.total);
        else if (m.type === 'done') settle.resolve(m.result);
        else if (m.type === 'cancelled') settle.reject(new CancelledError());
        else settle.reject(errorFromWorker(m));
      },
      requestCancel: () => Atomics.store(new Int32Array(cancel), 0, 1),
      cancelledExit: (settle) => settle.reject(new CancelledError()),
    });
  };
}

/**
 * Fallback when no compiled worker exists (running from sources): the same task on this thread.
 * The engine's writers are async (sharp and file I/O yield), so the server keeps answering
 * between strips, and cancelling throws from the next progress step, which removes the temp file.
 */
export const inProcessRunner: Runner = (req, out, onProgress) => {
  let cancelled = false;
  const done = Promise.resolve().then(() => runExport(req, out, onProgress, () => cancelled));
  return { done, cancel: () => void (cancelled = true) };
};
