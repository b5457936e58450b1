import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { JobKind, JobStatus, JobStatusOf } from '../../core/api-jobs.js';
import { isFinished } from '../../core/job-states.js';
import { StudioError } from '../../core/index.js';
import { privateTempDir } from '../../node/temp-files.js';
import type { Downloads } from '../downloads.js';
import type { Logger } from '../handlers/result.js';
import { CancelledError, WorkerPool, type TaskHooks } from './pool.js';
import { defaultWorkerFile, inProcessRunner, poolRunner, type TaskRunner } from './runner.js';
import type { Task, TaskResults } from './tasks.js';

/*
 * The studio's one job service: exports, batches, library imports and bundles, publishing and the
 * gallery's thumbnails all wait in one queue and run within one CPU budget (a slot per core: two
 * here), CPU-heavy steps on the warm worker pool. One status and one cancel by job id; each job
 * works in its own folder of one private temp folder; finished files are offered through the
 * download registry and removed with their job when it is cancelled, fails or goes stale.
 */

export interface JobServiceOptions {
  downloads: Downloads;
  log: Logger;
  /** Jobs running at once (and workers in the pool); default: the cores, 1–4. */
  budget?: number;
  /** User jobs waiting beyond the running ones; more are refused with a message. */
  maxQueued?: number;
  /** How long a finished job (and its download) is kept. */
  keepMs?: number;
  /** Finished jobs kept at most (oldest removed first). */
  maxFinished?: number;
  /** Worker entry; null runs tasks on this thread; default: the compiled one if present. */
  workerFile?: string | null;
  /** How long a cancelled task gets before its worker is terminated. */
  graceMs?: number;
}

/** What a job's work may use while it runs. */
export interface JobContext<K extends JobKind> {
  readonly id: string;
  /** The status the page polls; the work updates its kind's fields as it goes. */
  readonly status: JobStatusOf<K>;
  /** Aborted when the user cancels. */
  readonly signal: AbortSignal;
  /** The job's private folder (made on first use; removed unless the job ends done). */
  dir(): string;
  /** A CPU-heavy step on the pool; a cancel of the job cancels it. */
  task<T extends Task>(task: T, hooks?: TaskHooks): Promise<TaskResults[T['kind']]>;
  /** A finished file offered for download for as long as the job is kept. */
  offer(path: string, fileName?: string): string;
  progress(fraction: number): void;
}

/** The fields of a kind's status beyond what every job has. */
export type InitialStatus<K extends JobKind> = Omit<JobStatusOf<K>, 'jobId' | 'kind' | 'state' | 'progress'>;

export interface JobSpec<K extends JobKind> {
  kind: K;
  initial: InitialStatus<K>;
  /** Jobs of one lane run one at a time (the library: imports, bundles and publishing write it). */
  lane?: 'library';
  /** The work; what it returns is merged into the status when it ends done. */
  run(ctx: JobContext<K>): Promise<Partial<JobStatusOf<K>> | void>;
  /** Said when the work failed with something other than a StudioError (which speaks for itself). */
  failure: string;
  /** Runs once when the job ends, however it ends (release its uploads). */
  finally?(): void;
}

interface Job {
  id: string;
  status: JobStatus;
  spec: JobSpec<JobKind>;
  abort: AbortController;
  dir?: string;
  downloads: string[];
  finishedAt?: number;
}

interface Waiting {
  job?: Job;
  lane?: string;
  start(): void;
}

const newId = () => randomBytes(16).toString('hex');

export class JobService {
  private readonly jobs = new Map<string, Job>();
  private readonly queue: Waiting[] = [];
  private readonly lanes = new Set<string>();
  private running = 0;
  private readonly root = privateTempDir('exports');
  private readonly runner: TaskRunner;
  private readonly sweeper: NodeJS.Timeout;
  readonly budget: number;
  private readonly o: Required<Pick<JobServiceOptions, 'maxQueued' | 'keepMs' | 'maxFinished'>> & JobServiceOptions;

  constructor(opts: JobServiceOptions) {
    this.o = { maxQueued: 8, keepMs: 30 * 60_000, maxFinished: 20, ...opts };
    this.budget = opts.budget ?? Math.max(1, Math.min(4, availableParallelism()));
    const file = opts.workerFile === undefined ? defaultWorkerFile() : (opts.workerFile ?? undefined);
    this.runner = file
      ? poolRunner(new WorkerPool({ file, size: this.budget, graceMs: opts.graceMs ?? 3000 }))
      : inProcessRunner;
    this.sweeper = setInterval(() => this.sweep(), 60_000);
    this.sweeper.unref();
  }

  /** Whether CPU-heavy steps run on worker threads (false when running from sources). */
  get threaded(): boolean {
    return this.runner.threaded;
  }

  /** The private folder every job works in (tests check it is left empty). */
  get folder(): string {
    return this.root;
  }

  /** Start the workers ahead of the first job (the studio does when its window opens). */
  warm(): void {
    this.runner.warm();
  }

  start<K extends JobKind>(spec: JobSpec<K>): string {
    this.sweep();
    const waiting = this.queue.filter((w) => w.job).length;
    if (waiting >= this.o.maxQueued) throw new StudioError('busy', '等待中的任务太多，请等前面的任务完成后再试');
    const id = newId();
    const status = { ...spec.initial, jobId: id, kind: spec.kind, state: 'queued', progress: 0 } as JobStatus;
    const job: Job = {
      id,
      status,
      spec: spec as unknown as JobSpec<JobKind>,
      abort: new AbortController(),
      downloads: [],
    };
    this.jobs.set(id, job);
    this.queue.push({ job, lane: spec.lane, start: () => void this.run(job) });
    this.pump();
    return id;
  }

  status(id: string): JobStatus {
    return structuredClone(this.get(id).status);
  }

  cancel(id: string): boolean {
    const job = this.get(id);
    if (isFinished(job.status)) return false;
    job.abort.abort();
    const i = this.queue.findIndex((w) => w.job === job);
    if (i >= 0) {
      this.queue.splice(i, 1);
      this.end(job, { state: 'cancelled' });
    }
    return true;
  }

  /**
   * A task for the main side itself (a gallery thumbnail): same queue and budget, after the user's
   * jobs, with no status of its own.
   */
  compute<T extends Task>(task: T): Promise<TaskResults[T['kind']]> {
    return new Promise((resolve, reject) => {
      this.queue.push({
        start: () => {
          this.running++;
          this.runner
            .run(task)
            .done.then(resolve, reject)
            .finally(() => {
              this.running--;
              this.pump();
            });
        },
      });
      this.pump();
    });
  }

  /** Stop everything, terminate the workers and remove every file (server shutdown). */
  async close(): Promise<void> {
    clearInterval(this.sweeper);
    this.queue.splice(0);
    for (const j of this.jobs.values()) j.abort.abort();
    await this.runner.close();
    for (const j of this.jobs.values()) this.forgetDownloads(j);
    this.jobs.clear();
    rmSync(this.root, { recursive: true, force: true });
  }

  private get(id: string): Job {
    const job = this.jobs.get(id);
    if (!job) throw new StudioError('invalid-input', '找不到这个任务（可能已过期），请重新开始');
    return job;
  }

  /** User jobs first, in order; a job whose lane is busy lets the next one by. */
  private pump(): void {
    while (this.running < this.budget) {
      const pick = (user: boolean) =>
        this.queue.findIndex((w) => !!w.job === user && !(w.lane && this.lanes.has(w.lane)));
      let i = pick(true);
      if (i < 0) i = pick(false);
      if (i < 0) return;
      this.queue.splice(i, 1)[0]!.start();
    }
  }

  private async run(job: Job): Promise<void> {
    this.running++;
    const lane = job.spec.lane;
    if (lane) this.lanes.add(lane);
    job.status.state = 'running';
    const ctx = this.context(job);
    try {
      const patch = await job.spec.run(ctx);
      if (job.abort.signal.aborted) throw new CancelledError();
      this.end(job, { ...patch, state: 'done', progress: 1 });
    } catch (err) {
      if (err instanceof CancelledError || job.abort.signal.aborted) this.end(job, { state: 'cancelled' });
      else {
        if (!(err instanceof StudioError)) this.o.log(`${job.spec.kind} job failed`, err);
        const error = err instanceof StudioError ? [err.message, ...err.details].join('；') : job.spec.failure;
        this.end(job, { state: 'error', error });
      }
    } finally {
      this.running--;
      if (lane) this.lanes.delete(lane);
      this.pump();
    }
  }

  private context<K extends JobKind>(job: Job): JobContext<K> {
    return {
      id: job.id,
      status: job.status as JobStatusOf<K>,
      signal: job.abort.signal,
      dir: () => {
        if (!job.dir) {
          job.dir = join(this.root, job.id);
          mkdirSync(job.dir, { recursive: true });
        }
        return job.dir;
      },
      task: (task, hooks) => {
        if (job.abort.signal.aborted) return Promise.reject(new CancelledError());
        const h = this.runner.run(task, hooks);
        const stop = () => h.cancel();
        job.abort.signal.addEventListener('abort', stop);
        return h.done.finally(() => job.abort.signal.removeEventListener('abort', stop));
      },
      offer: (path, fileName) => {
        const id = this.o.downloads.add(path, fileName);
        job.downloads.push(id);
        return id;
      },
      progress: (fraction) => {
        if (job.status.state === 'running') job.status.progress = Math.max(0, Math.min(1, fraction));
      },
    };
  }

  private end(job: Job, patch: Partial<JobStatus>): void {
    if (isFinished(job.status)) return;
    Object.assign(job.status, patch);
    job.finishedAt = Date.now();
    // A cancelled or failed job leaves nothing behind: no download, no files.
    if (job.status.state !== 'done') {
      this.forgetDownloads(job);
      if (job.dir) rmSync(job.dir, { recursive: true, force: true });
    }
    try {
      job.spec.finally?.();
    } catch (err) {
      this.o.log('job clean-up failed', err);
    }
    this.sweep();
  }

  private forgetDownloads(job: Job): void {
    for (const id of job.downloads) this.o.downloads.forget(id);
    job.downloads = [];
    const s = job.status as Partial<Record<'downloadId' | 'failureReportId', string>>;
    delete s.downloadId;
    delete s.failureReportId;
  }

  /** Drop finished jobs past their time, and the oldest beyond the cap, with their files. */
  private sweep(): void {
    const now = Date.now();
    const finished = [...this.jobs.values()]
      .filter((j) => j.finishedAt !== undefined)
      .sort((a, b) => a.finishedAt! - b.finishedAt!);
    finished.forEach((j, i) => {
      if (now - j.finishedAt! > this.o.keepMs || finished.length - i > this.o.maxFinished) {
        this.jobs.delete(j.id);
        this.forgetDownloads(j);
        if (j.dir) rmSync(j.dir, { recursive: true, force: true });
      }
    });
  }
}
