import { randomBytes } from 'node:crypto';
import { promises as fs, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { LibraryJobStatus } from '../../core/api-library.js';
import { StudioError, type Sample, type SampleMetaPatch } from '../../core/index.js';
import { exportBundle } from '../../library/bundle-export.js';
import { cleanName } from '../../library/bundle-manifest.js';
import { importBundle } from '../../library/bundle-import.js';
import { importFile } from '../../library/import-files.js';
import type { Library } from '../../library/library.js';
import { sniff } from '../../library/sniff.js';
import type { Downloads } from '../downloads.js';
import type { Upload, Uploads } from '../uploads.js';
import type { Logger } from './result.js';

/*
 * The library screen's long tasks: importing what the user handed over (files, a folder's files,
 * bundle zips) and writing a bundle of a selection. One runs at a time (both write the one
 * library or read all of it); others wait. Progress, per-file outcomes and cancel between files.
 * Finished bundles are offered through the shared download registry and removed when stale.
 */

export interface LibraryJobsOptions {
  /** Where bundles are written (one sub-folder per job); removed by whoever owns it. */
  folder: string;
  downloads: Downloads;
  uploads: Pick<Uploads, 'get' | 'release'>;
  library: () => Promise<Library>;
  log: Logger;
  /** Jobs waiting behind the running one; more are refused. */
  maxQueued?: number;
  /** How long a finished bundle stays downloadable. */
  keepMs?: number;
  /** Finished jobs kept at most. */
  maxFinished?: number;
}

interface Job {
  status: LibraryJobStatus;
  cancelled: boolean;
  run: () => Promise<void>;
  dir?: string;
  finishedAt?: number;
}

export interface ImportRequest {
  uploads: Upload[];
  meta?: Omit<SampleMetaPatch, 'title'> | undefined;
  /** The files' own dates (ms since 1970, from the browser's File.lastModified), same order as uploads. */
  lastModified?: (number | null)[] | undefined;
}

const FINISHED = new Set(['done', 'error', 'cancelled']);
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const GENERIC = '出现意外错误，未导入这个文件';

/** "YYYYMMDD" of today, for file names. */
const stamp = () => new Date().toISOString().slice(0, 10).replace(/-/g, '');

async function head(path: string): Promise<Buffer> {
  const fh = await fs.open(path, 'r');
  try {
    const buf = Buffer.alloc(4096);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

const reasonOf = (e: StudioError) => [e.message, ...e.details].join('；');
/** The reason without the file's name in front (the list shows the name already). */
const reasonFor = (name: string, e: StudioError) => {
  const r = reasonOf(e);
  return r.startsWith(`${name}：`) ? r.slice(name.length + 1) : r;
};

export class LibraryJobs {
  private readonly jobs = new Map<string, Job>();
  private readonly queue: Job[] = [];
  private running: Job | undefined;
  private readonly o: Required<Omit<LibraryJobsOptions, 'folder' | 'downloads' | 'uploads' | 'library' | 'log'>>;

  constructor(private readonly opts: LibraryJobsOptions) {
    this.o = { maxQueued: 8, keepMs: 15 * 60_000, maxFinished: 20, ...opts };
  }

  startImport(req: ImportRequest): string {
    const job = this.add('import', req.uploads.length);
    job.run = () => this.runImport(job, req);
    this.pump();
    return job.status.jobId;
  }

  /** `samples` is called when the job starts (a query's results as they are then). */
  startExport(samples: (lib: Library) => Sample[] | Promise<Sample[]>, total: number): string {
    const job = this.add('export', total);
    job.run = () => this.runExport(job, samples);
    this.pump();
    return job.status.jobId;
  }

  status(id: string): LibraryJobStatus {
    const job = this.jobs.get(id);
    if (!job) throw new StudioError('invalid-input', '找不到这个任务（可能已过期），请重新开始');
    const s = job.status;
    return { ...s, failed: [...s.failed], skipped: [...s.skipped], added: [...s.added] };
  }

  /** Stops between files (an import keeps what it finished: each file is its own transaction). */
  cancel(id: string): boolean {
    const job = this.jobs.get(id);
    if (!job || FINISHED.has(job.status.state)) return false;
    job.cancelled = true;
    const queued = this.queue.indexOf(job);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      if (job.status.kind === 'import') this.releaseUploads(job);
      this.finish(job, { state: 'cancelled' });
    }
    return true;
  }

  private add(kind: 'import' | 'export', total: number): Job {
    this.sweep();
    if (this.queue.length >= this.o.maxQueued)
      throw new StudioError('invalid-input', '等待中的导入、导出任务太多，请等前面的任务完成后再试');
    const jobId = randomBytes(16).toString('hex');
    const job: Job = {
      status: {
        jobId,
        kind,
        state: 'queued',
        progress: 0,
        done: 0,
        total,
        imported: 0,
        duplicates: 0,
        failed: [],
        skipped: [],
        added: [],
      },
      cancelled: false,
      run: async () => undefined,
    };
    this.jobs.set(jobId, job);
    this.queue.push(job);
    return job;
  }

  private uploadsOf = new WeakMap<Job, Upload[]>();

  private releaseUploads(job: Job): void {
    for (const u of this.uploadsOf.get(job) ?? []) this.opts.uploads.release(u.uploadId);
  }

  private pump(): void {
    if (this.running) return;
    const next = this.queue.shift();
    if (!next) return;
    this.running = next;
    next.status.state = 'running';
    next
      .run()
      .catch((err: unknown) => {
        if (!(err instanceof StudioError)) this.opts.log(`library ${next.status.kind} failed`, err);
        const error =
          err instanceof StudioError
            ? reasonOf(err)
            : next.status.kind === 'import'
              ? '导入时出现意外错误，已导入的文件保留在样本库中；请重试'
              : '打包时出现意外错误，请重试';
        this.finish(next, { state: 'error', error });
      })
      .finally(() => {
        this.running = undefined;
        this.pump();
      });
  }

  private async runImport(job: Job, req: ImportRequest): Promise<void> {
    this.uploadsOf.set(job, req.uploads);
    const s = job.status;
    try {
      const lib = await this.opts.library();
      for (const [i, up] of req.uploads.entries()) {
        if (job.cancelled) return this.finish(job, { state: 'cancelled' });
        try {
          await this.importOne(lib, job, up, req.meta, req.lastModified?.[i] ?? null);
        } catch (e) {
          // Disk full and the like: stop here; what was imported stays, nothing is partial.
          if (e instanceof StudioError && e.code === 'output-failed') throw e;
          if (e instanceof StudioError) s.failed.push({ name: up.name, reason: reasonFor(up.name, e) });
          else {
            this.opts.log('library import of one file failed', e);
            s.failed.push({ name: up.name, reason: GENERIC });
          }
        } finally {
          this.opts.uploads.release(up.uploadId);
        }
        s.done = i + 1;
        s.progress = s.total ? s.done / s.total : 1;
      }
      this.finish(job, { state: job.cancelled ? 'cancelled' : 'done', progress: 1 });
    } finally {
      this.releaseUploads(job);
    }
  }

  private async importOne(
    lib: Library,
    job: Job,
    up: Upload,
    meta: ImportRequest['meta'],
    lastModified: number | null,
  ): Promise<void> {
    const s = job.status;
    const first = await head(up.path);
    if (first.subarray(0, 4).equals(ZIP_MAGIC)) {
      const r = await importBundle(lib, up.path);
      s.imported += r.added.length;
      s.duplicates += r.skipped.length;
      s.added.push(...r.added);
      return;
    }
    if (sniff(first) === null) {
      const why = first.length === 0 ? '文件为空' : '不是图片、PDF 或样本文件包（按内容判断，不看扩展名）';
      s.skipped.push({ name: up.name, reason: why });
      return;
    }
    if (lastModified !== null && Number.isFinite(lastModified) && lastModified > 0) {
      // The file's own date becomes the sample's published date (importFile reads the mtime).
      const t = new Date(lastModified);
      await fs.utimes(up.path, t, t).catch(() => undefined);
    }
    const r = await importFile(lib, up.path, meta ?? {});
    if (r.duplicate) s.duplicates++;
    else {
      s.imported++;
      s.added.push(r.sample.id);
    }
  }

  private async runExport(job: Job, pick: (lib: Library) => Sample[] | Promise<Sample[]>): Promise<void> {
    const lib = await this.opts.library();
    const samples = await pick(lib);
    const s = job.status;
    s.total = samples.length;
    if (!samples.length) throw new StudioError('invalid-input', '没有要导出的样本');
    const dir = join(this.opts.folder, s.jobId);
    job.dir = dir;
    mkdirSync(dir, { recursive: true });
    const title = samples.length === 1 ? cleanName(samples[0]!.title, 40) : `${samples.length}个样本`;
    const fileName = `素材库-${stamp()}-${title}.zip`;
    const out = join(dir, fileName);
    const r = await exportBundle(lib, samples, out);
    if (job.cancelled) return this.finish(job, { state: 'cancelled' });
    const downloadId = this.opts.downloads.add(out, fileName);
    const bytes = (await fs.stat(out)).size;
    s.done = r.samples;
    this.finish(job, {
      state: 'done',
      progress: 1,
      downloadId,
      fileName,
      bytes,
      notes: [`${r.samples} 个样本，${r.files} 个文件`],
    });
  }

  private finish(job: Job, patch: Partial<LibraryJobStatus>): void {
    if (FINISHED.has(job.status.state)) return;
    job.status = { ...job.status, ...patch };
    job.finishedAt = Date.now();
    if (job.status.state !== 'done' && job.dir) rmSync(job.dir, { recursive: true, force: true });
    this.sweep();
  }

  /** Drop finished jobs past their time, and the oldest beyond the cap, with their files. */
  private sweep(): void {
    const now = Date.now();
    const finished = [...this.jobs.values()]
      .filter((j) => j.finishedAt !== undefined)
      .sort((a, b) => a.finishedAt! - b.finishedAt!);
    finished.forEach((j, i) => {
      if (now - j.finishedAt! > this.o.keepMs || finished.length - i > this.o.maxFinished) {
        this.jobs.delete(j.status.jobId);
        if (j.status.downloadId) this.opts.downloads.forget(j.status.downloadId);
        if (j.dir) rmSync(j.dir, { recursive: true, force: true });
      }
    });
  }
}
