import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { ExportRequest, JobStatus } from '../../core/api.js';
import { StudioError } from '../../core/index.js';
import { CancelledError, exportFileName } from './export-task.js';
import { defaultWorkerFile, inProcessRunner, workerRunner, type RunHandle, type Runner } from './export-runner.js';
import { Downloads } from '../downloads.js';
import { consoleLogger, type Logger } from './result.js';

export interface JobManagerOptions {
  /** Exports running at once; the machine has two cores and each export keeps one busy. */
  maxRunning?: number;
  /** Jobs waiting beyond the running ones; more are refused with a message. */
  maxQueued?: number;
  /** How long a finished export stays downloadable. */
  keepMs?: number;
  /** Finished jobs kept at most (oldest removed first). */
  maxFinished?: number;
  /** Worker entry file; null forces the in-process runner; default: the compiled one if present. */
  workerFile?: string | null;
  /** Where finished files are registered for download; default a private registry. */
  downloads?: Downloads;
  log?: Logger;
}

interface Job {
  id: string;
  status: JobStatus;
  req: ExportRequest;
  dir: string;
  path?: string;
  handle?: RunHandle;
  finishedAt?: number;
}

const newId = () => randomBytes(16).toString('hex');
const FINISHED = new Set(['done', 'error', 'cancelled']);

/** Export jobs: a bounded queue, progress, cancel, and outputs in a private temp folder removed when stale. */
export class JobManager {
  private readonly jobs = new Map<string, Job>();
  private readonly downloads: Downloads;
  private readonly root = mkdtempSync(join(tmpdir(), 'campaign-studio-exports-'));
  private readonly runner: Runner;
  private readonly o: Required<Omit<JobManagerOptions, 'workerFile' | 'downloads'>>;
  private readonly sweeper: NodeJS.Timeout;
  readonly usesWorker: boolean;

  constructor(opts: JobManagerOptions = {}) {
    this.downloads = opts.downloads ?? new Downloads();
    const { downloads: _d, workerFile: _w, ...rest } = opts;
    this.o = { maxRunning: 2, maxQueued: 8, keepMs: 15 * 60_000, maxFinished: 20, log: consoleLogger, ...rest };
    const file = opts.workerFile === undefined ? defaultWorkerFile() : (opts.workerFile ?? undefined);
    this.usesWorker = file !== undefined;
    this.runner = file ? workerRunner(file) : inProcessRunner;
    this.sweeper = setInterval(() => this.sweep(), 60_000);
    this.sweeper.unref();
  }

  /** The private folder every output is written in (one sub-folder per job). */
  get folder(): string {
    return this.root;
  }

  start(req: ExportRequest): string {
    const waiting = [...this.jobs.values()].filter((j) => j.status.state === 'queued').length;
    if (waiting >= this.o.maxQueued) throw new StudioError('invalid-input', '导出任务太多，请等前面的任务完成后再试');
    const id = newId();
    const dir = join(this.root, id);
    mkdirSync(dir);
    this.jobs.set(id, { id, req, dir, status: { jobId: id, state: 'queued', progress: 0 } });
    this.pump();
    return id;
  }

  status(id: string): JobStatus {
    const job = this.jobs.get(id);
    if (!job) throw new StudioError('invalid-input', '找不到这个导出任务（可能已过期），请重新导出');
    return { ...job.status };
  }

  cancel(id: string): boolean {
    const job = this.jobs.get(id);
    if (!job || FINISHED.has(job.status.state)) return false;
    if (job.handle) job.handle.cancel();
    else this.finish(job, { state: 'cancelled' });
    return true;
  }

  /** The file of a finished export by its download id. */
  download(downloadId: string): { path: string; fileName: string } | undefined {
    return this.downloads.get(downloadId);
  }

  /** Stop everything and remove every output (server shutdown). */
  close(): void {
    clearInterval(this.sweeper);
    for (const j of this.jobs.values()) j.handle?.cancel();
    rmSync(this.root, { recursive: true, force: true });
  }

  private pump(): void {
    const running = [...this.jobs.values()].filter((j) => j.status.state === 'running').length;
    const next = [...this.jobs.values()].find((j) => j.status.state === 'queued');
    if (!next || running >= this.o.maxRunning) return;
    this.run(next);
    this.pump();
  }

  private run(job: Job): void {
    job.status = { ...job.status, state: 'running' };
    const out = join(job.dir, exportFileName(job.req.design, job.req.format));
    job.handle = this.runner(job.req, out, (done, total) => {
      if (job.status.state === 'running')
        job.status = { ...job.status, progress: total > 0 ? Math.min(1, done / total) : 0 };
    });
    job.handle.done.then(
      (r) => {
        job.path = r.path;
        const downloadId = this.downloads.add(r.path);
        this.finish(job, { state: 'done', progress: 1, downloadId, fileName: basename(r.path), notes: r.notes });
      },
      (err: unknown) => {
        if (err instanceof CancelledError) return this.finish(job, { state: 'cancelled' });
        if (!(err instanceof StudioError)) this.o.log('export failed', err);
        const error =
          err instanceof StudioError
            ? [err.message, ...err.details].join('；')
            : '导出时出现意外错误，请重试；如果问题持续，请换一种格式或降低分辨率';
        this.finish(job, { state: 'error', error });
      },
    );
  }

  private finish(job: Job, patch: Partial<JobStatus>): void {
    job.status = { ...job.status, ...patch };
    job.handle = undefined;
    job.finishedAt = Date.now();
    // A cancelled or failed job leaves nothing behind, even if a worker was terminated mid-write.
    if (job.status.state !== 'done') rmSync(job.dir, { recursive: true, force: true });
    this.sweep();
    this.pump();
  }

  /** Drop finished jobs past their time, and the oldest beyond the cap, with their files. */
  private sweep(): void {
    const now = Date.now();
    const finished = [...this.jobs.values()]
      .filter((j) => j.finishedAt !== undefined)
      .sort((a, b) => a.finishedAt! - b.finishedAt!);
    finished.forEach((j, i) => {
      if (now - j.finishedAt! > this.o.keepMs || finished.length - i > this.o.maxFinished) this.forget(j);
    });
  }

  private forget(job: Job): void {
    this.jobs.delete(job.id);
    if (job.status.downloadId) this.downloads.forget(job.status.downloadId);
    rmSync(job.dir, { recursive: true, force: true });
  }
}
