import { z } from 'zod';
import { Id, UploadIdSchema, type MethodSpec } from './api-common.js';
import { BatchMappingSchema, BatchSettingsSchema } from './batch.js';

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

/** Batch production (issue #6): a template and a table of rows → many outputs. */
export const BATCH_API = {
  /** Photos for the table's image columns (cells name the files, e.g. 城关.jpg): put beside the table. */
  addBatchImages: {
    input: z
      .object({ uploadId: UploadIdSchema, images: z.array(UploadIdSchema).min(1, '请选择照片').max(5000) })
      .strict(),
    output: z.object({ added: z.array(z.string()), skipped: z.array(z.string()) }),
  },
  /** Read an uploaded CSV (UTF-8 or GBK) or XLSX and map its columns to the template's slots. */
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
  /** Start a run: a job of the job service (jobStatus, cancelJob). */
  startBatch: {
    input: z.object({ ...Source, settings: BatchSettingsSchema, publish: BatchPublishSchema.optional() }).strict(),
    output: z.object({ jobId: z.string() }),
  },
} as const satisfies Record<string, MethodSpec>;
