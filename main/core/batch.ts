import { z } from 'zod';
import { ROW_NUMBER_TOKEN } from './batch-names.js';
import { StudioError } from './errors.js';
import { MAX_DPI } from './limits.js';

export { ROW_NUMBER_TOKEN } from './batch-names.js';

/**
 * Batch production (issue 6): one template × a table (CSV/XLSX) → one output per data row.
 * The shapes here are what crosses between the engine (main/engine/batch/), the CLI and the
 * studio's API; the engine does the work. Pure zod, no Node: the renderer may import it.
 *
 * Row numbers are *data-row numbers*: 1 is the first row under the header, so row n is line
 * n + 1 of the spreadsheet — the number a user finds by looking at the sheet.
 */

/** Most data rows one batch takes: 120 police stations is the use; 5,000 is a whole province. */
export const MAX_BATCH_ROWS = 5000;
/** A table past the row cap, with its real count (a 6,000-row sheet says 6000, not where reading stopped). */
export function tooManyRows(what: string, rows: number): StudioError {
  return new StudioError('too-large', `${what} 有 ${rows} 行数据，超过上限 ${MAX_BATCH_ROWS} 行`, [
    `请把表格分成几个文件（每个至多 ${MAX_BATCH_ROWS} 行）分批生成`,
  ]);
}

/** Most columns a table may have (a sheet with stray formatting far to the right is refused early). */
export const MAX_BATCH_COLUMNS = 200;

/**
 * What to produce: 'pdf' one PDF per row; 'single-pdf' one multi-page PDF, a page per row that
 * succeeded; 'png' | 'jpeg' | 'webp' one image per row.
 */
export const BatchOutputSchema = z.enum(['pdf', 'single-pdf', 'png', 'jpeg', 'webp']);
export type BatchOutput = z.infer<typeof BatchOutputSchema>;

/** A slot name, as in the design schema (`slogan`, `unit`, …). */
const SlotNameSchema = z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, '槽位名应为小写字母开头');

export const BatchSettingsSchema = z.object({
  output: BatchOutputSchema.default('pdf'),
  /** Everything (outputs and 报告.txt) in one zip instead of loose files. */
  zip: z.boolean().default(false),
  /**
   * File name of each row's output without extension: `{列名}` is that column's value,
   * `{序号}` the data-row number (a column headed 序号 wins over it). Default: see
   * `defaultNamePattern`.
   */
  namePattern: z.string().trim().min(1, '文件名规则不能为空').max(200, '文件名规则过长（至多 200 字）').optional(),
  /**
   * Slot → column header, overriding the automatic mapping slot by slot; `null` leaves that
   * slot as the template has it. Slots not named keep their automatic column, if any.
   */
  mapping: z.record(SlotNameSchema, z.string().max(200).nullable()).optional(),
  /** Raster outputs only; default the format's recommended dpi. */
  dpi: z.number().positive('分辨率必须大于 0').max(MAX_DPI, `分辨率至多 ${MAX_DPI} dpi`).optional(),
  /** Make rows that still show a template sample (×× text, a sample QR, an empty photo box) instead of failing them. */
  allowPlaceholder: z.boolean().optional(),
  /** Base name (no extension) of the single PDF and of the zip; default the design's name. */
  bundleName: z.string().trim().min(1).max(100).optional(),
});
export type BatchSettings = z.infer<typeof BatchSettingsSchema>;
export type BatchSettingsInput = z.input<typeof BatchSettingsSchema>;

/** A table as read from CSV or XLSX: trimmed unique headers, every row as wide as the header. */
export const BatchTableSchema = z.object({
  columns: z.array(z.string().min(1)).min(1).max(MAX_BATCH_COLUMNS),
  rows: z.array(z.array(z.string())).max(MAX_BATCH_ROWS),
});
export type BatchTable = z.infer<typeof BatchTableSchema>;

/** How one slot is filled: from `column`, or (null) left as the template has it. */
export const SlotMappingSchema = z.object({
  slot: SlotNameSchema,
  /** The slot's label in the template (标语, 单位名称 …). */
  label: z.string(),
  type: z.enum(['text', 'image', 'qr']),
  column: z.string().nullable(),
});
export type SlotMapping = z.infer<typeof SlotMappingSchema>;

export const BatchMappingSchema = z.object({
  /** Every fillable slot of the design, in design order. */
  slots: z.array(SlotMappingSchema),
  /** Columns no slot takes (they may still appear in the name pattern). */
  unusedColumns: z.array(z.string()),
});
export type BatchMapping = z.infer<typeof BatchMappingSchema>;

export const BatchRowFailureSchema = z.object({
  row: z.number().int().min(1),
  /** Chinese, naming the slot or column at fault: 「标语」为空, 「标语」放不下…. */
  reason: z.string(),
});
export type BatchRowFailure = z.infer<typeof BatchRowFailureSchema>;

export const BatchOutputFileSchema = z.object({
  row: z.number().int().min(1),
  /** Where the file is: in the output folder, or (zip) its name inside the zip. */
  path: z.string(),
  fileName: z.string(),
  /** single-pdf: the page of the combined PDF that holds this row (1-based). */
  page: z.number().int().min(1).optional(),
});
export type BatchOutputFile = z.infer<typeof BatchOutputFileSchema>;

/** What a finished (or cancelled) run reports. */
export const BatchReportSchema = z.object({
  /** Data rows in the table (blank rows included). */
  total: z.number().int().min(0),
  outputs: z.array(BatchOutputFileSchema),
  failures: z.array(BatchRowFailureSchema),
  /** Data rows left out because every cell was empty. */
  skipped: z.array(z.number().int().min(1)),
  /** The single PDF, when output is 'single-pdf' (and not zipped). */
  pdfPath: z.string().optional(),
  zipPath: z.string().optional(),
  cancelled: z.boolean(),
  /** Notes that hold for the whole run (a substituted font …), each once. */
  notes: z.array(z.string()),
});
export type BatchReport = z.infer<typeof BatchReportSchema>;

/** One row's outcome as it happens (the run's onRow hook; a progress event in the studio). */
export type BatchRowResult =
  | { row: number; status: 'done'; output: BatchOutputFile }
  | { row: number; status: 'failed'; failure: BatchRowFailure }
  | { row: number; status: 'skipped' };

/** Columns that name the row best, in order of preference, for the default file name. */
const NAME_SLOTS = ['unit', 'title', 'location'];

/**
 * The default name pattern: `{序号}-{列}` with the column filling the unit (else title, else
 * location) slot, else the first column — so 001-城关派出所.pdf, and files sort in table order.
 */
export function defaultNamePattern(columns: readonly string[], mapping?: Pick<BatchMapping, 'slots'>): string {
  const bySlot = new Map(mapping?.slots.map((s) => [s.slot, s.column]) ?? []);
  const col = NAME_SLOTS.map((s) => bySlot.get(s)).find((c): c is string => !!c) ?? columns[0];
  return col && col !== ROW_NUMBER_TOKEN ? `{${ROW_NUMBER_TOKEN}}-{${col}}` : `{${ROW_NUMBER_TOKEN}}`;
}

/** The `{…}` tokens of a name pattern, in order. */
export function patternTokens(pattern: string): string[] {
  return [...pattern.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]!.trim());
}
