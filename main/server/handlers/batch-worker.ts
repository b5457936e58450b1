import { parentPort, workerData } from 'node:worker_threads';
import { installOutboundGuard } from '../outbound-guard.js';
import { workerErrorMessage, type WorkerErrorMessage } from './worker-run.js';
import { runBatchTask, type BatchTaskInput, type BatchTaskResult } from './batch-task.js';
import type { BatchRowResult } from '../../core/batch.js';

/**
 * Worker-thread entry of one studio batch: a hundred layouts and PDFs keep a core busy for tens
 * of seconds, and the server's event loop must stay free for previews and status polls. The main
 * thread posts 'cancel'; the engine yields between rows, so the message is seen within a row.
 */
export type BatchWorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'row'; result: BatchRowResult }
  | { type: 'done'; result: BatchTaskResult }
  | WorkerErrorMessage;

// A worker has its own copy of `net`: guard it too (DESIGN.md: offline, proven).
installOutboundGuard();

const port = parentPort!;
const post = (m: BatchWorkerMessage) => port.postMessage(m);
const abort = new AbortController();
port.on('message', (m: unknown) => {
  if (m === 'cancel') abort.abort();
});

runBatchTask(workerData as BatchTaskInput, {
  onProgress: (done, total) => post({ type: 'progress', done, total }),
  onRow: (result) => post({ type: 'row', result }),
  signal: abort.signal,
}).then(
  (result) => {
    post({ type: 'done', result });
    port.unref();
  },
  (err: unknown) => {
    post(workerErrorMessage(err));
    port.unref();
  },
);
