import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, promises as fs, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { BatchPublish, BatchStatus } from '../../core/api-batch.js';
import type { BatchMapping, BatchSettings } from '../../core/batch.js';
import { StudioError, type Design } from '../../core/index.js';
import { planBatch } from '../../engine/batch/plan.js';
import type { Downloads } from '../downloads.js';
import type { LibraryHost } from '../library-host.js';
import { failureCsv } from './batch-failures.js';
import { publishBatch } from './batch-publish.js';
import {
  defaultBatchWorkerFile,
  inProcessBatchRunner,
  workerBatchRunner,
  type BatchRunHandle,
  type BatchRunner,
} from './batch-runner.js';
import type { BatchTaskResult } from './batch-task.js';
import { deliversZip, type LoadedTable } from './batch-tables.js';
import type { Logger } from './result.js';

export interface BatchJobsOptions {
  downloads: Downloads;
  library: LibraryHost;
  log: Logger;
  /** Worker entry; null forces the in-process runner; default: the compiled one if present. */
  workerFile?: string | null;
  /** Runs waiting behind the running one; more are refused. */
  maxQueued?: number;
  /** How long a finished batch stays downloadable. */
  keepMs?: number;
}

export interface BatchRequest {
  design: Design;
  loaded: LoadedTable;
  settings: BatchSettings;
  publish?: BatchPublish;
}

interface Job {
  id: string;
  req: BatchRequest;
  dir: string;
  status: BatchStatus;
  handle?: BatchRunHandle;
  finishedAt?: number;
  downloads: string[];
}

const FINISHED = new Set<BatchStatus['state']>(['done', 'error', 'cancelled']);
/** Share of the progress bar the rows take when publishing follows (the rest is the library). */
const ROWS_SHARE_WITH_PUBLISH = 0.85;

/**
 * Studio batches: one runs at a time (each keeps a core busy; the other core serves previews),
 * later ones wait. Each job works in a private folder — per-row files, the zip, the engine's
 * staging (the worker's temp folder) — removed when the job is cancelled, fails, or expires.
 */
export class BatchJobs {
  private readonly jobs = new Map<string, Job>();
  private readonly root = mkdtempSync(join(tmpdir(), 'campaign-studio-batches-'));
  private readonly runner: BatchRunner;
  private readonly sweeper: NodeJS.Timeout;
  private readonly o: Required<Omit<BatchJobsOptions, 'workerFile'>>;

  constructor(opts: BatchJobsOptions) {
    this.o = { maxQueued: 3, keepMs: 30 * 60_000, ...opts };
    const file = opts.workerFile === undefined ? defaultBatchWorkerFile() : (opts.workerFile ?? undefined);
    this.runner = file ? workerBatchRunner(file) : inProcessBatchRunner;
    this.sweeper = setInterval(() => this.sweep(), 60_000);
    this.sweeper.unref();
  }

  /** The private folder every job works in (tests check it is left empty). */
  get folder(): string {
    return this.root;
  }

  start(req: BatchRequest): string {
    // Whatever would fail every row (a pattern naming no column, no column for any slot) is
    // refused now, with its message, rather than as a failed job a moment later.
    planBatch(req.design, req.loaded.table, req.settings);
    const waiting = [...this.jobs.values()].filter((j) => j.status.state === 'queued').length;
    if (waiting >= this.o.maxQueued) throw new StudioError('invalid-input', '批量任务太多，请等前面的任务完成后再开始');
    const id = randomBytes(16).toString('hex');
    const dir = join(this.root, id);
    mkdirSync(join(dir, 'out'), { recursive: true });
    mkdirSync(join(dir, 'tmp'));
    const status: BatchStatus = {
      batchId: id,
      state: 'queued',
      rowsDone: 0,
      rowsTotal: req.loaded.table.rows.length,
      progress: 0,
      succeeded: 0,
      failures: [],
      skipped: [],
      published: 0,
      publishFailures: [],
      notes: [],
    };
    this.jobs.set(id, { id, req, dir, status, downloads: [] });
    this.pump();
    return id;
  }

  status(id: string): BatchStatus {
    return structuredClone(this.job(id).status);
  }

  cancel(id: string): boolean {
    const job = this.job(id);
    if (FINISHED.has(job.status.state)) return false;
    if (job.handle) job.handle.cancel();
    else this.finish(job, { state: 'cancelled' });
    return true;
  }

  close(): void {
    clearInterval(this.sweeper);
    for (const j of this.jobs.values()) {
      j.handle?.cancel();
      this.forgetDownloads(j);
    }
    this.jobs.clear();
    rmSync(this.root, { recursive: true, force: true });
  }

  private job(id: string): Job {
    const job = this.jobs.get(id);
    if (!job) throw new StudioError('invalid-input', '找不到这个批量任务（可能已过期），请重新开始');
    return job;
  }

  private pump(): void {
    const all = [...this.jobs.values()];
    if (all.some((j) => j.status.state === 'running' || j.status.state === 'publishing')) return;
    const next = all.find((j) => j.status.state === 'queued');
    if (next) void this.run(next);
  }

  private async run(job: Job): Promise<void> {
    const { req, status } = job;
    const rowsShare = req.publish ? ROWS_SHARE_WITH_PUBLISH : 1;
    status.state = 'running';
    const zip = deliversZip(req.settings);
    const outDir = join(job.dir, 'out');
    const plan = planBatch(req.design, req.loaded.table, req.settings);
    job.handle = this.runner(
      {
        design: req.design,
        table: req.loaded.table,
        settings: req.settings,
        outDir,
        baseDir: req.loaded.baseDir,
        tableName: req.loaded.fileName,
        zipPath: zip ? join(job.dir, `${plan.bundleName}.zip`) : null,
      },
      {
        onProgress: (done, total) => {
          if (status.state !== 'running') return;
          status.progress = Math.min(1, total > 0 ? (rowsShare * done) / total : 0);
          // The engine counts rows first (then, for the single PDF, its pages, then the zip).
          status.rowsDone = Math.min(status.rowsTotal, done);
        },
        onRow: (r) => {
          if (status.state !== 'running') return;
          if (r.status === 'done') status.succeeded++;
          else if (r.status === 'failed') status.failures.push(r.failure);
          else status.skipped.push(r.row);
        },
      },
      join(job.dir, 'tmp'),
    );
    let result: BatchTaskResult;
    try {
      result = await job.handle.done;
    } catch (err) {
      if (!(err instanceof StudioError)) this.o.log('batch failed', err);
      const error =
        err instanceof StudioError
          ? [err.message, ...err.details].join('；')
          : '批量生成时出现意外错误，请重试；如果问题持续，请减少行数或换一种输出格式';
      return this.finish(job, { state: 'error', error });
    }
    job.handle = undefined;
    if (result.report.cancelled) return this.finish(job, { state: 'cancelled' });
    await this.deliver(job, result, plan.mapping, outDir, rowsShare);
  }

  private async deliver(
    job: Job,
    result: BatchTaskResult,
    mapping: BatchMapping,
    outDir: string,
    rowsShare: number,
  ): Promise<void> {
    const { req, status } = job;
    const { report } = result;
    status.rowsDone = status.rowsTotal;
    status.succeeded = new Set(report.outputs.map((o) => o.row)).size;
    status.failures = report.failures;
    status.skipped = report.skipped;
    status.notes = report.notes;
    try {
      if (report.failures.length) {
        const path = join(job.dir, `${basename(req.loaded.fileName).replace(/\.[^.]+$/, '')}-失败的行.csv`);
        await fs.writeFile(path, failureCsv(report.failures, req.loaded.table));
        status.failureReportId = this.register(job, path);
        status.failureReportName = basename(path);
      }
      if (req.publish && report.outputs.length) {
        status.state = 'publishing';
        const lib = await this.o.library.get();
        const r = await publishBatch(
          lib,
          {
            design: req.design,
            table: req.loaded.table,
            tableName: req.loaded.fileName,
            mapping,
            output: req.settings.output,
            report,
            outDir,
            baseDir: req.loaded.baseDir,
            meta: req.publish,
          },
          (d, t) => (status.progress = rowsShare + ((1 - rowsShare) * d) / Math.max(1, t)),
        );
        status.published = r.published;
        status.publishFailures = r.failures;
      }
    } catch (err) {
      // The library could not be opened at all: the outputs are still delivered.
      status.publishFailures = report.outputs.map((o) => ({
        row: o.row,
        reason: `未能存入素材库：${err instanceof StudioError ? err.message : '意外错误'}`,
      }));
      if (!(err instanceof StudioError)) this.o.log('batch publish failed', err);
    }
    if (result.deliverable) {
      const { size } = await fs.stat(result.deliverable);
      status.downloadId = this.register(job, result.deliverable);
      status.fileName = basename(result.deliverable);
      status.bytes = size;
      // The loose per-row files are in the zip now; only the zip is kept.
      if (result.deliverable.endsWith('.zip')) await fs.rm(outDir, { recursive: true, force: true });
    }
    this.finish(job, { state: 'done', progress: 1 });
  }

  private register(job: Job, path: string): string {
    const id = this.o.downloads.add(path);
    job.downloads.push(id);
    return id;
  }

  private finish(job: Job, patch: Partial<BatchStatus>): void {
    Object.assign(job.status, patch);
    job.handle = undefined;
    job.finishedAt = Date.now();
    // A cancelled or failed job leaves nothing behind: no download, no files.
    if (job.status.state !== 'done') {
      this.forgetDownloads(job);
      rmSync(job.dir, { recursive: true, force: true });
    }
    this.sweep();
    this.pump();
  }

  private forgetDownloads(job: Job): void {
    for (const id of job.downloads) this.o.downloads.forget(id);
    job.downloads = [];
    delete job.status.downloadId;
    delete job.status.failureReportId;
  }

  /** Drop finished jobs past their time, with their files. */
  private sweep(): void {
    const now = Date.now();
    for (const j of this.jobs.values()) {
      if (j.finishedAt !== undefined && now - j.finishedAt > this.o.keepMs) {
        this.forgetDownloads(j);
        rmSync(j.dir, { recursive: true, force: true });
        this.jobs.delete(j.id);
      }
    }
  }
}
