import { z } from 'zod';
import { Id, Token, UploadIdSchema, type MethodSpec } from './api-common.js';
import { BatchMappingSchema, BatchRowFailureSchema, BatchSettingsSchema } from './batch.js';

/*
 * Batch production in the studio (issue #6): a template and a table the user uploaded → one
 * output per data row, delivered as ONE download (a zip, or the single multi-page PDF). The table
 * is read once per upload and kept on the main side, so later calls name it by its uploadId.
 * Row numbers are data-row numbers (core/batch.ts): 1 = the first row under the header.
 */

/** The table and the template every batch call is about. */
const Source = { uploadId: UploadIdSchema, templateId: Id };

/** Rows of the table shown under the mapping (the rest is only counted). */
export const BATCH_SAMPLE_ROWS = 5;
/** Rows rendered as previews at once. */
export const MAX_BATCH_PREVIEWS = 6;

const LayoutNoteKind = z.enum(['overflow', 'missing-glyph', 'font-substituted', 'empty-slot']);

export const BatchTableInfoSchema = z.object({
  /** The uploaded file's name (for messages and the report). */
  fileName: z.string(),
  columns: z.array(z.string()),
  rowCount: z.number().int().min(0),
  /** The first rows, as wide as `columns`. */
  sample: z.array(z.array(z.string())),
  /** The automatic mapping for this template (header = slot name, label or a usual word). */
  mapping: BatchMappingSchema,
  /** The default file-name pattern, e.g. {序号}-{单位}. */
  namePattern: z.string(),
});
export type BatchTableInfo = z.infer<typeof BatchTableInfoSchema>;

/** Slot → column (null: keep the template's text), as BatchSettings takes it. */
const MappingOverride = BatchSettingsSchema.shape.mapping;

export const BatchRowPreviewSchema = z.object({
  row: z.number().int().min(1),
  /** The engine's SVG of this row; absent when the row cannot be made at all. */
  svg: z.string().optional(),
  /** Why the row will fail (empty slogan, text that cannot fit, a bad QR…); absent when it is fine. */
  problem: z.string().optional(),
  notes: z.array(z.object({ kind: LayoutNoteKind, message: z.string() })),
});
export type BatchRowPreview = z.infer<typeof BatchRowPreviewSchema>;

export const BatchPublishSchema = z
  .object({
    /** Unit for rows whose own unit cell is empty (or templates without a unit slot). */
    unit: z.string().trim().max(100, '单位不能超过 100 个字').default(''),
    publishedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '发布日期应为 YYYY-MM-DD'),
  })
  .strict();
export type BatchPublish = z.infer<typeof BatchPublishSchema>;

export const BatchStateSchema = z.enum(['queued', 'running', 'publishing', 'done', 'error', 'cancelled']);
export type BatchState = z.infer<typeof BatchStateSchema>;

export const BatchStatusSchema = z.object({
  batchId: z.string(),
  state: BatchStateSchema,
  /** Data rows finished (made, failed or skipped) and the table's rows. */
  rowsDone: z.number().int().min(0),
  rowsTotal: z.number().int().min(0),
  /** 0–1 over the whole run (rows, then the zip, then publishing). */
  progress: z.number().min(0).max(1),
  succeeded: z.number().int().min(0),
  failures: z.array(BatchRowFailureSchema),
  skipped: z.array(z.number().int().min(1)),
  /** When done: the one file to download (the zip, or the single PDF). */
  downloadId: z.string().optional(),
  fileName: z.string().optional(),
  bytes: z.number().int().optional(),
  /** When any row failed: a CSV of the failed rows with their reasons and cells. */
  failureReportId: z.string().optional(),
  failureReportName: z.string().optional(),
  /** Samples added to the library, and rows whose publishing failed (outputs are kept anyway). */
  published: z.number().int().min(0),
  publishFailures: z.array(BatchRowFailureSchema),
  notes: z.array(z.string()),
  /** When the whole run failed: why, in Chinese. */
  error: z.string().optional(),
});
export type BatchStatus = z.infer<typeof BatchStatusSchema>;

/** Batch production (issue #6): a template and a table of rows → many outputs. */
export const BATCH_API = {
  /** Read an uploaded CSV (UTF-8 or GBK) or XLSX and map its columns to the template's slots. */
  /** Photos for the table's image columns (cells name the files, e.g. 城关.jpg): put beside the table. */
  addBatchImages: {
    input: z
      .object({ uploadId: UploadIdSchema, images: z.array(UploadIdSchema).min(1, '请选择照片').max(5000) })
      .strict(),
    output: z.object({ added: z.array(z.string()), skipped: z.array(z.string()) }),
  },
  readBatchTable: {
    input: z.object(Source).strict(),
    output: BatchTableInfoSchema,
  },
  /** Render some rows as the engine will make them (an <img> of the SVG in the studio). */
  previewBatchRows: {
    input: z
      .object({
        ...Source,
        mapping: MappingOverride,
        rows: z.array(z.number().int().min(1)).min(1).max(MAX_BATCH_PREVIEWS),
      })
      .strict(),
    output: z.array(BatchRowPreviewSchema),
  },
  /** Check the settings against the table and give the first rows' file names and the download's. */
  planBatch: {
    input: z.object({ ...Source, settings: BatchSettingsSchema }).strict(),
    output: z.object({
      namePattern: z.string(),
      examples: z.array(z.object({ row: z.number().int(), fileName: z.string() })),
      /** The one file the user will get: xxx.zip or xxx.pdf. */
      downloadName: z.string(),
    }),
  },
  /** Start a run (one at a time; later ones wait). */
  startBatch: {
    input: z.object({ ...Source, settings: BatchSettingsSchema, publish: BatchPublishSchema.optional() }).strict(),
    output: z.object({ batchId: z.string() }),
  },
  batchStatus: { input: z.object({ batchId: Token }).strict(), output: BatchStatusSchema },
  /** Stop a run: nothing is kept (no download, no temp files). */
  cancelBatch: { input: z.object({ batchId: Token }).strict(), output: z.object({ cancelled: z.boolean() }) },
} as const satisfies Record<string, MethodSpec>;
