import type { JobKind, JobStatus, JobStatusOf } from '../../../main/core/api-jobs.js';
import { isFinished } from '../../../main/core/job-states.js';
import { call } from './api-client.js';

/*
 * The page's one poller for the main side's jobs (exports, batches, imports, bundles, publishing):
 * every watched job is asked for its status on one timer, often at first (a warm A2 PDF is ready
 * in tens of milliseconds), then less often as the job runs on.
 */

interface Watch {
  jobId: string;
  since: number;
  dueAt: number;
  onStatus(s: JobStatus): void;
  settle(s: JobStatus | null, err?: unknown): void;
  signal: AbortSignal | undefined;
}

const watches = new Set<Watch>();
let timer: ReturnType<typeof setTimeout> | undefined;

/** How long to wait before asking again, by the job's age: 50 ms, then 150 ms, then 300 ms. */
export const pollDelay = (ageMs: number): number => (ageMs < 1000 ? 50 : ageMs < 5000 ? 150 : 300);

function schedule(): void {
  clearTimeout(timer);
  timer = undefined;
  if (!watches.size) return;
  const due = Math.min(...[...watches].map((w) => w.dueAt));
  timer = setTimeout(() => void tick(), Math.max(0, due - performance.now()));
}

async function poll(w: Watch): Promise<void> {
  try {
    const s = await call('jobStatus', { jobId: w.jobId });
    if (!watches.has(w)) return;
    w.onStatus(s);
    if (isFinished(s)) w.settle(s);
    else w.dueAt = performance.now() + pollDelay(performance.now() - w.since);
  } catch (err) {
    if (watches.has(w)) w.settle(null, err);
  }
}

async function tick(): Promise<void> {
  timer = undefined;
  const now = performance.now();
  const due = [...watches].filter((w) => w.dueAt <= now);
  // Pushed out while asking, so a slow answer is not asked for twice.
  for (const w of due) w.dueAt = Infinity;
  await Promise.all(due.map(poll));
  schedule();
}

/**
 * Follows a job until it ends: each status goes to `onStatus`; resolves with the last one, or null
 * if `signal` aborted first. Rejects when the main side cannot say (the job expired, no service).
 */
export function watchJob<K extends JobKind>(
  jobId: string,
  _kind: K,
  onStatus: (s: JobStatusOf<K>) => void = () => undefined,
  signal?: AbortSignal,
): Promise<JobStatusOf<K> | null> {
  return new Promise((resolve, reject) => {
    const now = performance.now();
    const w: Watch = {
      jobId,
      since: now,
      dueAt: now + pollDelay(0),
      signal,
      // The job was started as this kind: its status is this kind's.
      onStatus: (s) => onStatus(s as JobStatusOf<K>),
      settle: (s, err) => {
        watches.delete(w);
        signal?.removeEventListener('abort', abort);
        schedule();
        if (err !== undefined) reject(err);
        else resolve(s as JobStatusOf<K> | null);
      },
    };
    const abort = () => w.settle(null);
    if (signal?.aborted) return resolve(null);
    signal?.addEventListener('abort', abort);
    watches.add(w);
    schedule();
  });
}

/** Jobs being followed now (tests). */
export const watchedJobs = (): number => watches.size;
