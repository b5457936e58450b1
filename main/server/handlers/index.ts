import { join } from 'node:path';
import type { ApiMethod } from '../../core/api.js';
import { fillProfile } from '../../engine/fill-profile.js';
import { availableFamilies } from '../../engine/fonts/font-set.js';
import type { StudioContext } from '../context.js';
import { withReviewMark } from '../../engine/review-mark.js';
import { exportJob } from '../jobs/export-job.js';
import { Outbox } from '../outbox.js';
import { batchHandlers } from './batch.js';
import { openDesign, saveDesign } from './files.js';
import { kitHandlers } from './kit.js';
import { libraryHandlers } from './library.js';
import { profileHandlers } from './profile.js';
import { SceneCache } from './preview.js';
import { teamHandlers } from './team.js';
import { method, type Handler } from './result.js';
import { checkSlogan, convertScript, suggestSlogans } from './slogans.js';
import { designOfFormat, designOfTemplate, formats, templateSummaries } from './templates.js';

export type Handlers = Record<ApiMethod, Handler>;

/**
 * Every method of the API contract, one handler each, for either transport (Electron IPC or local
 * HTTP). Each parses its `unknown` input with the contract's schema before anything else.
 */
export function createHandlers(ctx: StudioContext): Handlers {
  const { jobs, assets, log } = ctx;
  const scenes = new SceneCache(assets.load);
  const outbox = new Outbox(join(jobs.folder, 'files'), ctx.downloads);
  return {
    ...libraryHandlers(ctx, outbox),
    ...batchHandlers(ctx),
    ...profileHandlers(ctx),
    ...kitHandlers(ctx),
    ...teamHandlers(ctx),
    listTemplates: method('listTemplates', () => templateSummaries(), log),
    listFormats: method('listFormats', () => formats(), log),
    listFonts: method('listFonts', () => availableFamilies(), log),
    // A template opens with the unit's own details already in (本单位信息), its images kept here.
    getTemplate: method(
      'getTemplate',
      async ({ id }) => assets.ingest(fillProfile(designOfTemplate(id), await ctx.profile.current()).design),
      log,
    ),
    newDesignFromFormat: method('newDesignFromFormat', ({ formatId, name }) => designOfFormat(formatId, name), log),
    previewSvg: method(
      'previewSvg',
      ({ design, bleed, have }) => {
        // Someone is editing: start the export workers now, so the first export is already warm.
        jobs.warm();
        return scenes.preview(design, bleed, have);
      },
      log,
    ),
    preflight: method('preflight', ({ design }) => scenes.preflight(design), log),
    checkSlogan: method('checkSlogan', ({ text }) => checkSlogan(text), log),
    suggestSlogans: method('suggestSlogans', (req) => suggestSlogans(req), log),
    convertScript: method('convertScript', (req) => convertScript(req), log),
    // A print export of a design the team has not approved carries the 「未审核」 mark (a setting).
    exportDesign: method(
      'exportDesign',
      async (req) => {
        const marked = (await ctx.team.marksExport(req.design)) ? { ...req, design: withReviewMark(req.design) } : req;
        return { jobId: jobs.start(exportJob(marked, assets)) };
      },
      log,
    ),
    jobStatus: method('jobStatus', ({ jobId }) => jobs.status(jobId), log),
    cancelJob: method('cancelJob', ({ jobId }) => ({ cancelled: jobs.cancel(jobId) }), log),
    addAsset: method(
      'addAsset',
      async ({ uploadId }) => {
        const up = ctx.uploads.get(uploadId);
        try {
          const { readFile } = await import('node:fs/promises');
          return await assets.put(await readFile(up.path), up.name);
        } finally {
          ctx.uploads.release(uploadId);
        }
      },
      log,
    ),
    openDesign: method('openDesign', ({ uploadId }) => openDesign(ctx, uploadId), log),
    saveDesign: method('saveDesign', ({ design }) => saveDesign(ctx, outbox, design), log),
  };
}
