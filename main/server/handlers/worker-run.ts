import type { Worker } from 'node:worker_threads';
import { StudioError, type StudioErrorCode } from '../../core/index.js';

/** What a worker posts when its task failed: a StudioError crosses with its code and message. */
export type WorkerErrorMessage = { type: 'error'; code: string; message: string; details: string[]; studio: boolean };

/** The error message a worker posts for whatever its task threw. */
export function workerErrorMessage(err: unknown): WorkerErrorMessage {
  if (err instanceof StudioError)
    return { type: 'error', code: err.code, message: err.message, details: [...err.details], studio: true };
  return { type: 'error', code: 'internal', message: String((err as Error)?.stack ?? err), details: [], studio: false };
}

/** Back on the main thread: the StudioError again, or a plain Error for a bug. */
export function errorFromWorker(m: WorkerErrorMessage): Error {
  return m.studio ? new StudioError(m.code as StudioErrorCode, m.message, m.details) : new Error(m.message);
}

export interface Settle<T> {
  resolve(value: T): void;
  reject(err: unknown): void;
}

export interface WorkerRun<T> {
  done: Promise<T>;
  cancel(): void;
}

export interface SuperviseOptions<T, M> {
  /** What the worker is, for the message when it dies. */
  label: string;
  /** How long a cancelled worker gets to unwind (and remove its temp files) before it is terminated. */
  graceMs: number;
  onMessage(m: M, settle: Settle<T>): void;
  /** Ask the worker to stop (a shared flag, a message). */
  requestCancel(): void;
  /** The worker exited after a cancel without saying so (terminated). */
  cancelledExit(settle: Settle<T>): void;
}

/**
 * One task in one worker thread: its result settles once (the first of message, error or exit),
 * and cancel asks politely, then terminates after the grace period — a step that never checks the
 * flag (one big encode) cannot hold the job forever.
 */
export function superviseWorker<T, M>(worker: Worker, o: SuperviseOptions<T, M>): WorkerRun<T> {
  let cancelled = false;
  let timer: NodeJS.Timeout | undefined;
  const done = new Promise<T>((resolve, reject) => {
    let settled = false;
    const once =
      <A>(f: (a: A) => void) =>
      (a: A) => {
        if (settled) return;
        settled = true;
        if (timer) clearTimeout(timer);
        f(a);
      };
    const settle: Settle<T> = { resolve: once(resolve), reject: once(reject) };
    worker.on('message', (m: M) => o.onMessage(m, settle));
    worker.on('error', settle.reject);
    worker.on('exit', (code) =>
      cancelled ? o.cancelledExit(settle) : settle.reject(new Error(`${o.label} exited with code ${code}`)),
    );
  });
  return {
    done,
    cancel() {
      if (cancelled) return;
      cancelled = true;
      o.requestCancel();
      timer = setTimeout(() => void worker.terminate(), o.graceMs);
      timer.unref();
    },
  };
}
