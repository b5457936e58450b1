import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CancelledError, type WorkerPool, type TaskHandle, type TaskHooks } from './pool.js';
import { runTask, type Task, type TaskResults } from './tasks.js';

/** Runs a task somewhere: on the worker pool, or on this thread. */
export interface TaskRunner {
  run<T extends Task>(task: T, hooks?: TaskHooks): TaskHandle<TaskResults[T['kind']]>;
  /** Start (and warm) the workers ahead of the first task, if there are any. */
  warm(): void;
  close(): Promise<void>;
  /** Whether tasks run off this thread. */
  readonly threaded: boolean;
}

/**
 * The compiled worker beside this module (dist/main/server/jobs/worker.js). Running from
 * TypeScript sources (vitest) there is none: Node 20 cannot start a .ts worker, and tests that
 * want workers pass the one the test set-up bundles from the sources.
 */
export function defaultWorkerFile(): string | undefined {
  const f = fileURLToPath(new URL('./worker.js', import.meta.url));
  return existsSync(f) ? f : undefined;
}

export function poolRunner(pool: WorkerPool): TaskRunner {
  return {
    run: (task, hooks) => pool.run(task, hooks),
    warm: () => pool.warm(),
    close: () => pool.close(),
    threaded: true,
  };
}

/**
 * The same tasks on this thread, for runs from sources. The engine's writers are async (sharp and
 * file I/O yield), so the server still answers between strips; cancel is seen at the next step.
 */
export const inProcessRunner: TaskRunner = {
  run<T extends Task>(task: T, hooks: TaskHooks = {}): TaskHandle<TaskResults[T['kind']]> {
    const abort = new AbortController();
    const cancelled = () => abort.signal.aborted;
    const done = Promise.resolve()
      .then(() =>
        runTask(task, {
          progress: (d, t) => hooks.onProgress?.(d, t),
          event: (e) => hooks.onEvent?.(e),
          isCancelled: cancelled,
          signal: abort.signal,
        }),
      )
      .then(
        (r) => {
          if (cancelled()) throw new CancelledError();
          return r as TaskResults[T['kind']];
        },
        (err: unknown) => {
          throw cancelled() ? new CancelledError() : err;
        },
      );
    return { done, cancel: () => abort.abort() };
  },
  warm: () => undefined,
  close: async () => undefined,
  threaded: false,
};
