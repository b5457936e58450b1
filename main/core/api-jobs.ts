import { z } from 'zod';
import { ImposeJobFields, KitJobFields } from './api-kit.js';
import { BatchRowFailureSchema } from './batch.js';
import { Token } from './api-common.js';
import type { MethodSpec } from './api-common.js';
import { JOB_STATES } from './job-states.js';

/*
 * Every long task of the studio is a job of one job service (main/server/jobs/): exports, batches,
 * library imports and bundles, publishing. They share one status method and one cancel, keyed by
 * one `jobId`; what differs by kind is in the status's own fields, told apart by `kind`.
 */

export { isFinished, JOB_STATES, type JobState } from './job-states.js';

export const JobStateSchema = z.enum(JOB_STATES);

const Common = {
  jobId: z.string(),
  state: JobStateSchema,
  /** 0–1 over the whole job. */
  progress: z.number().min(0).max(1),
  /** When done: the one file to fetch (GET /download/<id> in browser mode, the save dialog on the desktop). */
  downloadId: z.string().optional(),
  fileName: z.string().optional(),
  bytes: z.number().int().optional(),
  /** Things the user should know that did not stop the job (a substituted font, an empty photo slot). */
  notes: z.array(z.string()).optional(),
  /** When it failed: what went wrong and what to do, in Chinese. */
  error: z.string().optional(),
};

export const FileProblemSchema = z.object({
  /** The file's name as the user had it. */
  name: z.string(),
  /** Why it was not taken, in Chinese. */
  reason: z.string(),
});

/** Files (import) or samples (bundle) handled so far, and what happened to each. */
const LibraryCounts = {
  done: z.number().int().min(0),
  total: z.number().int().min(0),
  imported: z.number().int().min(0),
  /** Already in the library (same content or sample id): not added again. */
  duplicates: z.number().int().min(0),
  /** Files that were refused (broken, a bomb, SVG…), each with its name and reason. */
  failed: z.array(FileProblemSchema),
  /** Files that are not images, PDFs or bundles (e.g. Thumbs.db, notes.txt): left out. */
  skipped: z.array(FileProblemSchema),
  /** Ids of the samples an import added (the screen shows them). */
  added: z.array(z.string()),
};

export const JobStatusSchema = z.discriminatedUnion('kind', [
  z.object({ ...Common, kind: z.literal('export') }),
  z.object({
    ...Common,
    kind: z.literal('publish'),
    /** When done: the new sample. */
    sampleId: z.string().optional(),
  }),
  z.object({
    ...Common,
    kind: z.literal('batch'),
    /** Rows first, then (when asked) storing each row's output in the library. */
    phase: z.enum(['rows', 'publishing']),
    /** Data rows finished (made, failed or skipped) and the table's rows. */
    rowsDone: z.number().int().min(0),
    rowsTotal: z.number().int().min(0),
    succeeded: z.number().int().min(0),
    failures: z.array(BatchRowFailureSchema),
    skipped: z.array(z.number().int().min(1)),
    /** When any row failed: a CSV of the failed rows with their reasons and cells. */
    failureReportId: z.string().optional(),
    failureReportName: z.string().optional(),
    /** Samples added to the library, and rows whose publishing failed (outputs are kept anyway). */
    published: z.number().int().min(0),
    publishFailures: z.array(BatchRowFailureSchema),
  }),
  z.object({ ...Common, kind: z.literal('import'), ...LibraryCounts }),
  z.object({ ...Common, kind: z.literal('bundle'), ...LibraryCounts }),
  z.object({ ...Common, kind: z.literal('impose'), ...ImposeJobFields }),
  z.object({ ...Common, kind: z.literal('kit'), ...KitJobFields }),
]);
export type JobStatus = z.infer<typeof JobStatusSchema>;
export type JobKind = JobStatus['kind'];
export type JobStatusOf<K extends JobKind> = Extract<JobStatus, { kind: K }>;

/** The one status and the one cancel of every job. */
export const JOBS_API = {
  jobStatus: { input: z.object({ jobId: Token }).strict(), output: JobStatusSchema },
  /** Stops a job: nothing of it is kept (no download, no temp files; an import keeps the files it finished). */
  cancelJob: { input: z.object({ jobId: Token }).strict(), output: z.object({ cancelled: z.boolean() }) },
} as const satisfies Record<string, MethodSpec>;
