import { parentPort, workerData } from 'node:worker_threads';
import type { ExportRequest } from '../../core/api.js';
import type { RenderResult } from '../../engine/render.js';
import { installOutboundGuard } from '../outbound-guard.js';
import { workerErrorMessage, type WorkerErrorMessage } from './worker-run.js';
import { CancelledError, runExport } from './export-task.js';

/**
 * Worker-thread entry of one export: the render runs here so the server's event loop stays free
 * for previews and status polls. The main thread sets cancel[0] = 1 to stop it (shared memory, so
 * the flag is seen even while this thread is busy between awaits).
 */
export interface ExportWorkerData {
  req: ExportRequest;
  out: string;
  cancel: SharedArrayBuffer;
}

export type ExportWorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; result: RenderResult }
  | { type: 'cancelled' }
  | WorkerErrorMessage;

// A worker has its own copy of `net`: guard it too (DESIGN.md: offline, proven).
installOutboundGuard();

const data = workerData as ExportWorkerData;
const flag = new Int32Array(data.cancel);
const post = (m: ExportWorkerMessage) => parentPort!.postMessage(m);

runExport(
  data.req,
  data.out,
  (done, total) => post({ type: 'progress', done, total }),
  () => Atomics.load(flag, 0) === 1,
).then(
  (result) => post({ type: 'done', result }),
  (err: unknown) => {
    if (err instanceof CancelledError) post({ type: 'cancelled' });
    else post(workerErrorMessage(err));
  },
);
