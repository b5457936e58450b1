import { promises as fs } from 'node:fs';
import { basename, join } from 'node:path';
import type { BatchPublish } from '../../core/api-batch.js';
import type { BatchRowResult, BatchSettings } from '../../core/batch.js';
import { StudioError, type Design } from '../../core/index.js';
import { planBatch } from '../../engine/batch/plan.js';
import type { LoadedTable } from '../handlers/batch-tables.js';
import { deliversZip } from '../handlers/batch-tables.js';
import type { Logger } from '../handlers/result.js';
import type { LibraryHost } from '../library-host.js';
import { failureCsv } from './batch-failures.js';
import { publishBatch } from './batch-publish.js';
import type { BatchTaskResult } from './batch-task.js';
import type { JobContext, JobSpec } from './job-service.js';

export interface BatchRequest {
  design: Design;
  loaded: LoadedTable;
  settings: BatchSettings;
  publish?: BatchPublish | undefined;
}

/** Share of the progress bar the rows take when publishing follows (the rest is the library). */
const ROWS_SHARE_WITH_PUBLISH = 0.85;

/**
 * A studio batch: the rows on the pool into the job's folder (per-row files, then one zip of them
 * with 报告.txt), a CSV of the failed rows, and, when asked, every made row stored in the library.
 * Whatever would fail every row (a pattern naming no column…) is refused before the job exists.
 */
export function batchJob(req: BatchRequest, library: LibraryHost, log: Logger): JobSpec<'batch'> {
  const plan = planBatch(req.design, req.loaded.table, req.settings);
  const rowsShare = req.publish ? ROWS_SHARE_WITH_PUBLISH : 1;
  return {
    kind: 'batch',
    initial: {
      phase: 'rows',
      rowsDone: 0,
      rowsTotal: req.loaded.table.rows.length,
      succeeded: 0,
      failures: [],
      skipped: [],
      published: 0,
      publishFailures: [],
      notes: [],
    },
    lane: req.publish ? 'library' : undefined,
    failure: '批量生成时出现意外错误，请重试；如果问题持续，请减少行数或换一种输出格式',
    async run(ctx) {
      const s = ctx.status;
      const outDir = join(ctx.dir(), 'out');
      await fs.mkdir(outDir);
      const result = await ctx.task(
        {
          kind: 'batch',
          input: {
            design: req.design,
            table: req.loaded.table,
            settings: req.settings,
            outDir,
            baseDir: req.loaded.baseDir,
            tableName: req.loaded.fileName,
            zipPath: deliversZip(req.settings) ? join(ctx.dir(), `${plan.bundleName}.zip`) : null,
          },
        },
        {
          onProgress: (done, total) => {
            ctx.progress(total > 0 ? (rowsShare * done) / total : 0);
            // The engine counts rows first (then, for the single PDF, its pages, then the zip).
            s.rowsDone = Math.min(s.rowsTotal, done);
          },
          onEvent: (e) => {
            const r = e as BatchRowResult;
            if (r.status === 'done') s.succeeded++;
            else if (r.status === 'failed') s.failures.push(r.failure);
            else s.skipped.push(r.row);
          },
        },
      );
      return deliver(ctx, req, result, plan.mapping, outDir, rowsShare, library, log);
    },
  };
}

async function deliver(
  ctx: JobContext<'batch'>,
  req: BatchRequest,
  result: BatchTaskResult,
  mapping: ReturnType<typeof planBatch>['mapping'],
  outDir: string,
  rowsShare: number,
  library: LibraryHost,
  log: Logger,
) {
  const s = ctx.status;
  const { report } = result;
  Object.assign(s, {
    rowsDone: s.rowsTotal,
    succeeded: new Set(report.outputs.map((o) => o.row)).size,
    failures: report.failures,
    skipped: report.skipped,
    notes: report.notes,
  });
  if (report.failures.length) {
    const path = join(ctx.dir(), `${basename(req.loaded.fileName).replace(/\.[^.]+$/, '')}-失败的行.csv`);
    await fs.writeFile(path, failureCsv(report.failures, req.loaded.table));
    s.failureReportId = ctx.offer(path);
    s.failureReportName = basename(path);
  }
  if (req.publish && report.outputs.length) {
    s.phase = 'publishing';
    try {
      const r = await publishBatch(
        await library.get(),
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
        (d, t) => ctx.progress(rowsShare + ((1 - rowsShare) * d) / Math.max(1, t)),
      );
      s.published = r.published;
      s.publishFailures = r.failures;
    } catch (err) {
      // The library could not be opened at all: the outputs are still delivered.
      s.publishFailures = report.outputs.map((o) => ({
        row: o.row,
        reason: `未能存入素材库：${err instanceof StudioError ? err.message : '意外错误'}`,
      }));
      if (!(err instanceof StudioError)) log('batch publish failed', err);
    }
  }
  if (!result.deliverable) return {};
  const { size } = await fs.stat(result.deliverable);
  const done = { downloadId: ctx.offer(result.deliverable), fileName: basename(result.deliverable), bytes: size };
  // The loose per-row files are in the zip now; only the zip is kept.
  if (result.deliverable.endsWith('.zip')) await fs.rm(outDir, { recursive: true, force: true });
  return done;
}
