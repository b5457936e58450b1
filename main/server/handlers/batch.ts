import type { BATCH_API } from '../../core/api-batch.js';
import type { StudioContext } from '../context.js';
import { BatchJobs } from './batch-jobs.js';
import { BatchTables, planNames, previewRows, tableInfo, templateDesign } from './batch-tables.js';
import { method, type Handler } from './result.js';

/**
 * Each context's batch runs, made with its first batch handlers. The context (owned elsewhere)
 * has no slot for them yet, so they are kept here and closed with `closeBatchJobs`.
 */
const perContext = new WeakMap<StudioContext, BatchJobs>();
const allJobs = new Set<BatchJobs>();
process.once('exit', () => allJobs.forEach((j) => j.close()));

export function batchJobsOf(ctx: StudioContext): BatchJobs {
  let jobs = perContext.get(ctx);
  if (!jobs) {
    jobs = new BatchJobs({ downloads: ctx.downloads, library: ctx.library, log: ctx.log });
    perContext.set(ctx, jobs);
    allJobs.add(jobs);
  }
  return jobs;
}

/** Stop the context's batches and remove their files (server shutdown, end of a test). */
export function closeBatchJobs(ctx: StudioContext): void {
  const jobs = perContext.get(ctx);
  if (!jobs) return;
  jobs.close();
  allJobs.delete(jobs);
  perContext.delete(ctx);
}

/** The batch methods of the contract (api-batch.ts). */
export function batchHandlers(ctx: StudioContext): Record<keyof typeof BATCH_API, Handler> {
  const { log } = ctx;
  const tables = new BatchTables(ctx.uploads);
  const jobs = batchJobsOf(ctx);
  return {
    readBatchTable: method('readBatchTable', async ({ uploadId, templateId }) => tableInfo(await tables.get(uploadId), templateDesign(templateId)), log),
    previewBatchRows: method('previewBatchRows', async ({ uploadId, templateId, mapping, rows }) => previewRows(await tables.get(uploadId), templateDesign(templateId), mapping, rows), log),
    planBatch: method('planBatch', async ({ uploadId, templateId, settings }) => planNames(await tables.get(uploadId), templateDesign(templateId), settings), log),
    startBatch: method('startBatch', async ({ uploadId, templateId, settings, publish }) => ({
      batchId: jobs.start({ design: templateDesign(templateId), loaded: await tables.get(uploadId), settings, ...(publish ? { publish } : {}) }),
    }), log),
    batchStatus: method('batchStatus', ({ batchId }) => jobs.status(batchId), log),
    cancelBatch: method('cancelBatch', ({ batchId }) => ({ cancelled: jobs.cancel(batchId) }), log),
  };
}
