import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JobStatus } from '../../main/core/api-jobs.js';
import { jobPoller, pollDelay } from '../../renderer/src/data/jobs.js';

/* The page's one job poller (#12 §2): every job followed on one timer, often at first. */
beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const status = (jobId: string, state: JobStatus['state'], progress = 0): JobStatus => ({
  jobId,
  kind: 'export',
  state,
  progress,
});

describe('the job poller', () => {
  it('asks often at first, then less often', () => {
    expect([0, 999, 1000, 4999, 5000, 60_000].map(pollDelay)).toEqual([50, 50, 150, 150, 300, 300]);
  });

  it('follows several jobs on one timer and resolves each with its last status', async () => {
    const answers: Record<string, JobStatus['state'][]> = { a: ['running', 'done'], b: ['queued', 'running', 'done'] };
    const asked: string[] = [];
    const p = jobPoller(
      async (id) => {
        asked.push(id);
        return status(id, answers[id]!.shift()!);
      },
      () => Date.now(),
    );
    const seen: string[] = [];
    const a = p.watch('a', 'export', (s) => seen.push(`a:${s.state}`));
    const b = p.watch('b', 'export', (s) => seen.push(`b:${s.state}`));
    expect(p.watching()).toBe(2);
    await vi.advanceTimersByTimeAsync(50);
    expect(asked).toEqual(['a', 'b']);
    await vi.advanceTimersByTimeAsync(200);
    expect((await a)?.state).toBe('done');
    expect((await b)?.state).toBe('done');
    expect(seen).toEqual(['a:running', 'b:queued', 'a:done', 'b:running', 'b:done']);
    expect(p.watching()).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('stops on abort (null), and rejects when the main side cannot say', async () => {
    const p = jobPoller(
      async (id) => {
        if (id === 'gone') throw new Error('找不到这个任务');
        return status(id, 'running');
      },
      () => Date.now(),
    );
    const stop = new AbortController();
    const running = p.watch('r', 'export', undefined, stop.signal);
    const gone = p.watch('gone', 'export');
    const failed = gone.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(60);
    expect(String(await failed)).toMatch(/找不到/);
    stop.abort();
    expect(await running).toBeNull();
    expect(p.watching()).toBe(0);
  });
});
