import type { ApiMethod } from '../../core/api.js';
import { fillProfile } from '../../engine/fill-profile.js';
import { availableFamilies } from '../../engine/fonts/font-set.js';
import type { StudioContext } from '../context.js';
import { batchHandlers } from './batch.js';
import { openDesign, saveDesign } from './files.js';
import { libraryHandlers } from './library.js';
import { previewSvg, preflight } from './preview.js';
import { profileHandlers } from './profile.js';
import { method, type Handler } from './result.js';
import { checkSlogan, convertScript, suggestSlogans } from './slogans.js';
import { designOfFormat, designOfTemplate, formats, templateSummaries } from './templates.js';

export type Handlers = Record<ApiMethod, Handler>;

/**
 * Every method of the API contract, one handler each, for either transport (Electron IPC or local
 * HTTP). Each parses its `unknown` input with the contract's schema before anything else.
 */
export function createHandlers(ctx: StudioContext): Handlers {
  const { jobs, log } = ctx;
  return {
    ...libraryHandlers(ctx),
    ...batchHandlers(ctx),
    ...profileHandlers(ctx),
    listTemplates: method('listTemplates', () => templateSummaries(), log),
    listFormats: method('listFormats', () => formats(), log),
    listFonts: method('listFonts', () => availableFamilies(), log),
    // A template opens with the unit's own details already in (本单位信息).
    getTemplate: method(
      'getTemplate',
      async ({ id }) => fillProfile(designOfTemplate(id), await ctx.profile.current()).design,
      log,
    ),
    newDesignFromFormat: method('newDesignFromFormat', ({ formatId, name }) => designOfFormat(formatId, name), log),
    previewSvg: method('previewSvg', ({ design, bleed }) => previewSvg(design, bleed), log),
    preflight: method('preflight', ({ design }) => preflight(design), log),
    checkSlogan: method('checkSlogan', ({ text }) => checkSlogan(text), log),
    suggestSlogans: method('suggestSlogans', (req) => suggestSlogans(req), log),
    convertScript: method('convertScript', (req) => convertScript(req), log),
    exportDesign: method('exportDesign', (req) => ({ jobId: jobs.start(req) }), log),
    jobStatus: method('jobStatus', ({ jobId }) => jobs.status(jobId), log),
    cancelJob: method('cancelJob', ({ jobId }) => ({ cancelled: jobs.cancel(jobId) }), log),
    openDesign: method('openDesign', ({ text }) => openDesign(text), log),
    saveDesign: method('saveDesign', ({ design }) => saveDesign(design), log),
  };
}
