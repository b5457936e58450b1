import { parentPort } from 'node:worker_threads';
import { installOutboundGuard } from '../outbound-guard.js';
import { CancelledError, workerError, type FromWorker, type ToWorker } from './pool.js';
import { runTask, warmUp, type Task } from './tasks.js';

/*
 * A worker of the job service's pool (pool.ts): it lives as long as the server, keeping the
 * engine, its fonts and sharp loaded, and runs one task at a time. The main thread posts 'run'
 * with the task's shared cancel flag, 'cancel' to abort it, 'warm' to load everything ahead.
 */

// A worker has its own copy of `net`: guard it too (DESIGN.md: offline, proven).
installOutboundGuard();

const port = parentPort!;
const post = (m: FromWorker) => port.postMessage(m);
const aborts = new Map<number, AbortController>();

port.on('message', (m: ToWorker<Task>) => {
  if (m.type === 'warm') return void warmUp().catch(() => undefined);
  if (m.type === 'cancel') return aborts.get(m.id)?.abort();
  const { id, task } = m;
  const flag = new Int32Array(m.cancel);
  const abort = new AbortController();
  aborts.set(id, abort);
  const isCancelled = () => abort.signal.aborted || Atomics.load(flag, 0) === 1;
  runTask(task, {
    progress: (done, total) => post({ type: 'progress', id, done, total }),
    event: (event) => post({ type: 'event', id, event }),
    isCancelled,
    signal: abort.signal,
  })
    .then(
      (result) => post(isCancelled() ? { type: 'cancelled', id } : { type: 'done', id, result }),
      (err: unknown) =>
        post(err instanceof CancelledError || isCancelled() ? { type: 'cancelled', id } : { id, ...workerError(err) }),
    )
    .finally(() => aborts.delete(id));
});
