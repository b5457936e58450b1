import type { BATCH_API } from '../../core/api-batch.js';
import type { StudioContext } from '../context.js';
import { batchJob } from '../jobs/batch-job.js';
import { addBatchImages } from './batch-images.js';
import { fillProfile } from '../../engine/fill-profile.js';
import { BatchTables, planNames, previewRows, tableInfo, templateDesign as template } from './batch-tables.js';
import { method, type Handler } from './result.js';

/** The batch methods of the contract (api-batch.ts). */
export function batchHandlers(ctx: StudioContext): Record<keyof typeof BATCH_API, Handler> {
  const { log } = ctx;
  const tables = new BatchTables(ctx.uploads);
  const { jobs, library } = ctx;
  // Every row starts from the template with the unit's details in; a table column overrides them.
  const templateDesign = async (id: string) => fillProfile(template(id), await ctx.profile.current()).design;
  return {
    addBatchImages: method(
      'addBatchImages',
      ({ uploadId, images }) => addBatchImages(ctx.uploads, uploadId, images),
      log,
    ),
    readBatchTable: method(
      'readBatchTable',
      async ({ uploadId, templateId }) => tableInfo(await tables.get(uploadId), await templateDesign(templateId)),
      log,
    ),
    previewBatchRows: method(
      'previewBatchRows',
      async ({ uploadId, templateId, mapping, rows }) =>
        previewRows(await tables.get(uploadId), await templateDesign(templateId), mapping, rows),
      log,
    ),
    planBatch: method(
      'planBatch',
      async ({ uploadId, templateId, settings }) =>
        planNames(await tables.get(uploadId), await templateDesign(templateId), settings),
      log,
    ),
    startBatch: method(
      'startBatch',
      async ({ uploadId, templateId, settings, publish }) => {
        const design = await templateDesign(templateId);
        const req = { design, loaded: await tables.get(uploadId), settings, publish };
        return { jobId: jobs.start(batchJob(req, library, log)) };
      },
      log,
    ),
  };
}
