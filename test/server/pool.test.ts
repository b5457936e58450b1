import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StudioError } from '../../main/core/index.js';
import { CancelledError, WorkerPool } from '../../main/server/jobs/pool.js';

/* The warm worker pool (#18 §1): reuse, a crash fails one task only, cancel, shutdown. */
const file = join(import.meta.dirname, '../fixtures/pool-worker.mjs');
let pool: WorkerPool;
afterEach(() => pool?.close());

type Who = { threadId: number };

describe('the worker pool', () => {
  it('starts workers lazily and reuses them: many tasks, never more workers than its size', async () => {
    pool = new WorkerPool({ file, size: 2 });
    expect(pool.workers).toBe(0);
    const ids = new Set<number>();
    for (let round = 0; round < 3; round++) {
      const rs = await Promise.all([1, 2, 3, 4].map(() => pool.run<Who>({ kind: 'whoami' }).done));
      rs.forEach((r) => ids.add(r.threadId));
    }
    expect(pool.started).toBe(2);
    expect(ids.size).toBe(2);
  });

  it('reports progress and events, then the result', async () => {
    pool = new WorkerPool({ file, size: 1 });
    const progress: number[] = [];
    const events: unknown[] = [];
    await pool.run(
      { kind: 'steps', steps: 3, ms: 5 },
      { onProgress: (d) => progress.push(d), onEvent: (e) => events.push(e) },
    ).done;
    expect(progress).toEqual([1, 2, 3]);
    expect(events).toEqual([{ step: 1 }, { step: 2 }, { step: 3 }]);
  });

  it('a StudioError crosses the thread with its code and message', async () => {
    pool = new WorkerPool({ file, size: 1 });
    const err = await pool.run({ kind: 'fail' }).done.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StudioError);
    expect(err).toMatchObject({ code: 'bad-image', message: '图片坏了', details: ['一处'] });
  });

  it('a task that crashes its worker fails alone; the pool replaces the worker', async () => {
    pool = new WorkerPool({ file, size: 1 });
    const before = await pool.run<Who>({ kind: 'whoami' }).done;
    const queued = pool.run<Who>({ kind: 'whoami' });
    const crash = pool.run({ kind: 'crash' });
    crash.done.catch(() => undefined);
    // Queued behind the crash on the single worker, this one must still run, on a new worker.
    const [crashed, after] = await Promise.allSettled([crash.done, pool.run<Who>({ kind: 'whoami' }).done]);
    expect((await queued.done).threadId).toBe(before.threadId);
    expect(crashed.status).toBe('rejected');
    expect(after.status === 'fulfilled' && after.value.threadId).not.toBe(before.threadId);
    const exited = await pool.run({ kind: 'exit' }).done.catch((e: unknown) => e);
    expect(String(exited)).toMatch(/exited with code 3/);
    expect((await pool.run<Who>({ kind: 'whoami' }).done).threadId).toBeGreaterThan(0);
    expect(pool.workers).toBe(1);
  });

  it('cancel stops a running task at its next step, and a waiting one at once', async () => {
    pool = new WorkerPool({ file, size: 1 });
    const progress: number[] = [];
    const running = pool.run({ kind: 'steps', steps: 100, ms: 10 }, { onProgress: (d) => progress.push(d) });
    const waiting = pool.run({ kind: 'whoami' });
    const outcomes = [running, waiting].map((t) => t.done.catch((e: unknown) => e));
    await new Promise((r) => setTimeout(r, 60));
    waiting.cancel();
    running.cancel();
    for (const e of await Promise.all(outcomes)) expect(e).toBeInstanceOf(CancelledError);
    expect(progress.length).toBeLessThan(100);
    // The worker is free again and kept (it stopped by itself).
    expect((await pool.run<Who>({ kind: 'whoami' }).done).threadId).toBeGreaterThan(0);
    expect(pool.started).toBe(1);
  });

  it('a task that never looks at its flag is stopped by terminating its worker after the grace period', async () => {
    pool = new WorkerPool({ file, size: 1, graceMs: 100 });
    const stuck = pool.run({ kind: 'stubborn' });
    await new Promise((r) => setTimeout(r, 50));
    stuck.cancel();
    await expect(stuck.done).rejects.toBeInstanceOf(CancelledError);
    expect((await pool.run<Who>({ kind: 'whoami' }).done).threadId).toBeGreaterThan(0);
    expect(pool.started).toBe(2);
  });

  it('shutdown terminates every worker and fails what was left', async () => {
    pool = new WorkerPool({ file, size: 2 });
    const a = pool.run({ kind: 'steps', steps: 100, ms: 20 });
    const b = pool.run({ kind: 'stubborn' });
    const c = pool.run({ kind: 'whoami' });
    const outcomes = [a, b, c].map((t) => t.done.catch((e: unknown) => e));
    await new Promise((r) => setTimeout(r, 50));
    expect(pool.workers).toBe(2);
    await pool.close();
    expect(pool.workers).toBe(0);
    for (const e of await Promise.all(outcomes)) expect(e).toBeInstanceOf(CancelledError);
    await expect(pool.run({ kind: 'whoami' }).done).rejects.toBeInstanceOf(CancelledError);
  });
});
