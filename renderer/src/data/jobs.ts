import type { JobKind, JobStatus, JobStatusOf } from '../../../main/core/api-jobs.js';
import { isFinished } from '../../../main/core/job-states.js';
import { call } from './api-client.js';

/*
 * The page's one poller for the main side's jobs (exports, batches, imports, bundles, publishing):
 * every watched job is asked for its status on one timer, often at first (a warm A2 PDF is ready
 * in tens of milliseconds), then less often as the job runs on.
 */

/** How long to wait before asking again, by the job's age: 50 ms, then 150 ms, then 300 ms. */
export const pollDelay = (ageMs: number): number => (ageMs < 1000 ? 50 : ageMs < 5000 ? 150 : 300);

interface Watch {
  jobId: string;
  since: number;
  dueAt: number;
  onStatus(s: JobStatus): void;
  settle(s: JobStatus | null, err?: unknown): void;
}

const isKind = <K extends JobKind>(s: JobStatus, kind: K): s is JobStatusOf<K> => s.kind === kind;

/** A poller over `status` (the page's is over the jobStatus method; tests give their own). */
export function jobPoller(status: (jobId: string) => Promise<JobStatus>, now = () => performance.now()) {
  const watches = new Set<Watch>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const schedule = () => {
    clearTimeout(timer);
    timer = undefined;
    if (!watches.size) return;
    const due = Math.min(...[...watches].map((w) => w.dueAt));
    timer = setTimeout(() => void tick(), Math.max(0, due - now()));
  };

  const poll = async (w: Watch) => {
    try {
      const s = await status(w.jobId);
      if (!watches.has(w)) return;
      w.onStatus(s);
      if (isFinished(s)) w.settle(s);
      else w.dueAt = now() + pollDelay(now() - w.since);
    } catch (err) {
      if (watches.has(w)) w.settle(null, err);
    }
  };

  const tick = async () => {
    timer = undefined;
    const due = [...watches].filter((w) => w.dueAt <= now());
    // Pushed out while asking, so a slow answer is not asked for twice.
    for (const w of due) w.dueAt = Infinity;
    await Promise.all(due.map(poll));
    schedule();
  };

  /**
   * Follows a job until it ends: each status goes to `onStatus`; resolves with the last one, or
   * null if `signal` aborted first. Rejects when the main side cannot say (the job expired).
   */
  function watch<K extends JobKind>(
    jobId: string,
    kind: K,
    onStatus: (s: JobStatusOf<K>) => void = () => undefined,
    signal?: AbortSignal,
  ): Promise<JobStatusOf<K> | null> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return resolve(null);
      const abort = () => w.settle(null);
      const w: Watch = {
        jobId,
        since: now(),
        dueAt: now() + pollDelay(0),
        onStatus: (s) => {
          if (isKind(s, kind)) onStatus(s);
        },
        settle: (s, err) => {
          watches.delete(w);
          signal?.removeEventListener('abort', abort);
          schedule();
          if (err !== undefined) reject(err);
          else if (s && !isKind(s, kind)) reject(new Error(`job ${jobId} is a ${s.kind} job, not ${kind}`));
          else resolve(s);
        },
      };
      signal?.addEventListener('abort', abort);
      watches.add(w);
      schedule();
    });
  }

  return { watch, watching: () => watches.size };
}

const poller = jobPoller((jobId) => call('jobStatus', { jobId }));

/** Follows a job of the main side until it ends (see jobPoller). */
export const watchJob = poller.watch;
