import { Worker } from 'node:worker_threads';
import { StudioError, type StudioErrorCode } from '../../core/index.js';

/*
 * A few long-lived worker threads that keep the engine, its fonts and sharp loaded: an export no
 * longer pays ~0.3 s of start-up, only its own work. Workers start on first use, one task each at
 * a time (the job service decides how many run: the CPU budget). A task that crashes its worker
 * fails alone; the worker is replaced on the next task. Cancel sets the task's shared flag (seen
 * by the engine at every strip, page or row) and, after a grace period, terminates the worker.
 */

/** What the main thread posts to a worker. */
export type ToWorker<T> =
  { type: 'run'; id: number; task: T; cancel: SharedArrayBuffer } | { type: 'cancel'; id: number } | { type: 'warm' };

/** What a worker posts back: progress and events while a task runs, then its one outcome. */
export type FromWorker =
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'event'; id: number; event: unknown }
  | { type: 'done'; id: number; result: unknown }
  | { type: 'cancelled'; id: number }
  | ({ id: number } & WorkerError);

/** A failure as it crosses the thread boundary: a StudioError keeps its code and message. */
export type WorkerError = { type: 'error'; code: string; message: string; details: string[]; studio: boolean };

export function workerError(err: unknown): WorkerError {
  if (err instanceof StudioError)
    return { type: 'error', code: err.code, message: err.message, details: [...err.details], studio: true };
  return { type: 'error', code: 'internal', message: String((err as Error)?.stack ?? err), details: [], studio: false };
}

export function errorFromWorker(m: WorkerError): Error {
  return m.studio ? new StudioError(m.code as StudioErrorCode, m.message, m.details) : new Error(m.message);
}

/** Rejected into a task's promise when it was cancelled (asked, or terminated after the grace). */
export class CancelledError extends Error {
  constructor() {
    super('已取消');
    this.name = 'CancelledError';
  }
}

export interface TaskHooks {
  onProgress?(done: number, total: number): void;
  onEvent?(event: unknown): void;
}

export interface TaskHandle<R> {
  /** The result; rejects with CancelledError, a StudioError, or an Error for a bug or a crash. */
  done: Promise<R>;
  cancel(): void;
}

export interface PoolOptions {
  /** The worker entry (a compiled .js file). */
  file: string;
  /** Workers at most; default 2 (two cores). */
  size?: number;
  /** How long a cancelled task gets to unwind (and remove its temp files) before its worker is terminated. */
  graceMs?: number;
}

interface Slot {
  worker: Worker;
  busy?: Running;
}

interface Waiting {
  start(slot: Slot): void;
  reject(err: unknown): void;
}

interface Running {
  id: number;
  hooks: TaskHooks;
  settle(outcome: { result: unknown } | { error: unknown }): void;
  timer?: NodeJS.Timeout;
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: Waiting[] = [];
  private nextId = 1;
  private closed = false;
  private readonly size: number;
  private readonly graceMs: number;
  /** Workers started so far (tests: reuse means this stays at the pool's size). */
  started = 0;

  constructor(private readonly o: PoolOptions) {
    this.size = o.size ?? 2;
    this.graceMs = o.graceMs ?? 3000;
  }

  /** Live workers now (tests: none after close). */
  get workers(): number {
    return this.slots.length;
  }

  run<R>(task: unknown, hooks: TaskHooks = {}): TaskHandle<R> {
    const id = this.nextId++;
    const cancel = new SharedArrayBuffer(4);
    let running: Running | undefined;
    let cancelled = false;
    let queued: Waiting | undefined;
    let reject!: (e: unknown) => void;
    const done = new Promise<R>((resolve, rej) => {
      reject = rej;
      const start = (slot: Slot) => {
        running = {
          id,
          hooks,
          settle: (o) => {
            clearTimeout(running?.timer);
            if ('result' in o) resolve(o.result as R);
            else rej(o.error);
          },
        };
        slot.busy = running;
        slot.worker.ref();
        slot.worker.postMessage({ type: 'run', id, task, cancel } satisfies ToWorker<unknown>);
      };
      if (this.closed) return rej(new CancelledError());
      const free = this.freeSlot();
      if (free) start(free);
      else {
        queued = { start, reject: rej };
        this.waiting.push(queued);
      }
    });
    return {
      done,
      cancel: () => {
        if (cancelled) return;
        cancelled = true;
        if (!running) {
          const i = queued ? this.waiting.indexOf(queued) : -1;
          if (i >= 0) this.waiting.splice(i, 1);
          return reject(new CancelledError());
        }
        Atomics.store(new Int32Array(cancel), 0, 1);
        const slot = this.slots.find((s) => s.busy === running);
        if (!slot) return;
        slot.worker.postMessage({ type: 'cancel', id } satisfies ToWorker<unknown>);
        const r = running;
        r.timer = setTimeout(() => {
          // A step that never looks at the flag (one huge encode) cannot hold the worker forever.
          if (slot.busy !== r) return;
          this.drop(slot);
          r.settle({ error: new CancelledError() });
        }, this.graceMs);
        r.timer.unref();
      },
    };
  }

  /** Start the workers now, and have them load the engine, fonts and sharp, before the first task. */
  warm(): void {
    while (!this.closed && this.slots.length < this.size) this.spawn().worker.postMessage({ type: 'warm' });
  }

  /** Terminate every worker; tasks still waiting or running are cancelled. */
  async close(): Promise<void> {
    this.closed = true;
    for (const w of this.waiting.splice(0)) w.reject(new CancelledError());
    const slots = this.slots.splice(0);
    await Promise.all(
      slots.map(async (s) => {
        s.busy?.settle({ error: new CancelledError() });
        s.busy = undefined;
        await s.worker.terminate();
      }),
    );
  }

  private freeSlot(): Slot | undefined {
    return this.slots.find((s) => !s.busy) ?? (this.slots.length < this.size ? this.spawn() : undefined);
  }

  private spawn(): Slot {
    const worker = new Worker(this.o.file);
    this.started++;
    const slot: Slot = { worker };
    this.slots.push(slot);
    worker.unref();
    worker.on('message', (m: FromWorker) => this.onMessage(slot, m));
    const crashed = (err: unknown) => {
      if (!this.slots.includes(slot)) return;
      this.drop(slot);
      slot.busy?.settle({ error: err instanceof Error ? err : new Error(String(err)) });
      slot.busy = undefined;
      this.next();
    };
    worker.on('error', crashed);
    worker.on('exit', (code) => crashed(new Error(`export worker exited with code ${code}`)));
    return slot;
  }

  /** A worker gone (crashed, terminated): out of the pool; the next task starts a fresh one. */
  private drop(slot: Slot): void {
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    void slot.worker.terminate();
    queueMicrotask(() => this.next());
  }

  private onMessage(slot: Slot, m: FromWorker): void {
    const r = slot.busy;
    if (!r || r.id !== m.id) return;
    if (m.type === 'progress') return r.hooks.onProgress?.(m.done, m.total);
    if (m.type === 'event') return r.hooks.onEvent?.(m.event);
    slot.busy = undefined;
    slot.worker.unref();
    if (m.type === 'done') r.settle({ result: m.result });
    else if (m.type === 'cancelled') r.settle({ error: new CancelledError() });
    else r.settle({ error: errorFromWorker(m) });
    this.next();
  }

  private next(): void {
    if (this.closed || !this.waiting.length) return;
    const slot = this.freeSlot();
    if (slot) this.waiting.shift()!.start(slot);
  }
}
