import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { InitialStatus } from './job-service.js';
import { StudioError, type Sample, type SampleMetaPatch } from '../../core/index.js';
import { exportBundle } from '../../library/bundle-export.js';
import { cleanName } from '../../library/bundle-manifest.js';
import { importBundle } from '../../library/bundle-import.js';
import { importFile } from '../../library/import-files.js';
import type { Library } from '../../library/library.js';
import { sniff } from '../../library/sniff.js';
import type { Upload, Uploads } from '../uploads.js';
import type { Logger } from '../handlers/result.js';
import type { JobContext, JobSpec } from './job-service.js';

/*
 * The library screen's long tasks as jobs of the job service: importing what the user handed over
 * (files, a folder's files, bundle zips) and writing a bundle of a selection. They share the
 * library lane (one at a time: both write the one library or read all of it), report each file's
 * outcome, and stop between files when cancelled.
 */

export interface ImportRequest {
  uploads: Upload[];
  meta?: Omit<SampleMetaPatch, 'title'> | undefined;
  /** The files' own dates (ms since 1970, from the browser's File.lastModified), same order as uploads. */
  lastModified?: (number | null)[] | undefined;
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const GENERIC = '出现意外错误，未导入这个文件';

/** "YYYYMMDD" of today, for file names. */
const stamp = () => new Date().toISOString().slice(0, 10).replace(/-/g, '');

const counts = (total: number): InitialStatus<'import'> => ({
  done: 0,
  total,
  imported: 0,
  duplicates: 0,
  failed: [],
  skipped: [],
  added: [],
});

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

/** The reason without the file's name in front (the list shows the name already). */
const reasonFor = (name: string, e: StudioError) => {
  const r = [e.message, ...e.details].join('；');
  return r.startsWith(`${name}：`) ? r.slice(name.length + 1) : r;
};

/** Imports files one by one (each its own transaction: a cancel keeps what was finished). */
export function importJob(
  req: ImportRequest,
  library: () => Promise<Library>,
  uploads: Pick<Uploads, 'release'>,
  log: Logger,
): JobSpec<'import'> {
  return {
    kind: 'import',
    initial: counts(req.uploads.length),
    lane: 'library',
    failure: '导入时出现意外错误，已导入的文件保留在素材库中；请重试',
    finally: () => req.uploads.forEach((u) => uploads.release(u.uploadId)),
    async run(ctx) {
      const lib = await library();
      const s = ctx.status;
      for (const [i, up] of req.uploads.entries()) {
        if (ctx.signal.aborted) return;
        try {
          await importOne(lib, ctx, up, req.meta, req.lastModified?.[i] ?? null);
        } catch (e) {
          // Disk full and the like: stop here; what was imported stays, nothing is partial.
          if (e instanceof StudioError && e.code === 'output-failed') throw e;
          if (e instanceof StudioError) s.failed.push({ name: up.name, reason: reasonFor(up.name, e) });
          else {
            log('library import of one file failed', e);
            s.failed.push({ name: up.name, reason: GENERIC });
          }
        } finally {
          uploads.release(up.uploadId);
        }
        s.done = i + 1;
        ctx.progress(s.total ? s.done / s.total : 1);
      }
    },
  };
}

async function importOne(
  lib: Library,
  ctx: JobContext<'import'>,
  up: Upload,
  meta: ImportRequest['meta'],
  lastModified: number | null,
): Promise<void> {
  const s = ctx.status;
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

/** A bundle zip of samples picked when the job starts (a query's results as they are then). */
export function bundleJob(
  pick: (lib: Library) => Sample[] | Promise<Sample[]>,
  total: number,
  library: () => Promise<Library>,
): JobSpec<'bundle'> {
  return {
    kind: 'bundle',
    initial: counts(total),
    lane: 'library',
    failure: '打包时出现意外错误，请重试',
    async run(ctx) {
      const lib = await library();
      const samples = await pick(lib);
      ctx.status.total = samples.length;
      if (!samples.length) throw new StudioError('invalid-input', '没有要导出的样本');
      const title = samples.length === 1 ? cleanName(samples[0]!.title, 40) : `${samples.length}个样本`;
      const fileName = `素材库-${stamp()}-${title}.zip`;
      const out = join(ctx.dir(), fileName);
      const r = await exportBundle(lib, samples, out);
      ctx.status.done = r.samples;
      return {
        downloadId: ctx.offer(out, fileName),
        fileName,
        bytes: (await fs.stat(out)).size,
        notes: [`${r.samples} 个样本，${r.files} 个文件`],
      };
    },
  };
}
