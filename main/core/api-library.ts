import { z } from 'zod';
import { DownloadIdSchema, UploadIdSchema, type MethodSpec } from './api-common.js';
import { StudioDesignSchema } from './design/design.js';
import { sampleThumbnailPath } from './resource-paths.js';
import { SampleMetaPatchSchema, SampleSchema } from './library.js';
import { LibraryStatsSchema, SearchQuerySchema, SearchResultSchema } from './library-search.js';

/** A sample's id (a UUID, as the library makes them). */
export const SampleIdSchema = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, '样本编号格式不对');
/** A selection: what one export, trash or restore may name at once (a whole 10,000-sample library). */
export const MAX_SELECTION = 20_000;
const Selection = z
  .array(SampleIdSchema)
  .min(1, '请至少选择一个样本')
  .max(MAX_SELECTION, `一次至多 ${MAX_SELECTION} 个样本`);
/** Files handed over in one import (a folder of photos). */
export const MAX_IMPORT_FILES = 10_000;

export { sampleThumbnailPath };

/** Filters of a query without paging: what "every result" means for select-all and export. */
export const LibraryQuerySchema = SearchQuerySchema.omit({
  offset: true,
  limit: true,
  facets: true,
  sort: true,
}).strict();

export const LibraryLocationSchema = z.object({
  /** The library's folder. */
  folder: z.string(),
  /** With a sample: where its main file is stored (content-addressed, under blobs/). */
  file: z.string().optional(),
});

/** The sample library in the studio (issue #6): search, facets, details, import, bundles, statistics, publish. */
export const LIBRARY_API = {
  /**
   * Render the design's PDF and PNG and store them with it (images embedded) as one sample, the
   * user's metadata over the design's: a job (jobStatus gives the sample's id when done).
   */
  publishDesign: {
    input: z
      .object({
        design: StudioDesignSchema,
        meta: SampleMetaPatchSchema.default({}),
        /** Publish a design that still shows template samples (a proof), as exportDesign allows. */
        allowPlaceholder: z.boolean().optional(),
      })
      .strict(),
    output: z.object({ jobId: z.string() }),
    large: true,
  },
  /** One page of results (limit/offset), each hit with its highlighted fields; facet counts only when asked (they cost). */
  librarySearch: { input: SearchQuerySchema.strict(), output: SearchResultSchema },
  /** Every id a query finds, in the grid's order (select all, Shift-click over pages not loaded yet). */
  libraryIds: {
    input: LibraryQuerySchema.extend({ sort: SearchQuerySchema.shape.sort }).strict(),
    output: z.object({ ids: z.array(z.string()) }),
  },
  librarySample: { input: z.object({ id: SampleIdSchema }).strict(), output: SampleSchema },
  /** Edit metadata: only the fields given change. */
  libraryUpdate: {
    input: z.object({ id: SampleIdSchema, meta: SampleMetaPatchSchema.strict() }).strict(),
    output: SampleSchema,
  },
  libraryTrash: {
    input: z.object({ ids: Selection }).strict(),
    output: z.object({ count: z.number().int() }),
    large: true,
  },
  libraryRestore: {
    input: z.object({ ids: Selection }).strict(),
    output: z.object({ count: z.number().int() }),
    large: true,
  },
  /** Delete for good (trashed samples only). */
  libraryPurge: {
    input: z.object({ ids: Selection }).strict(),
    output: z.object({ count: z.number().int() }),
    large: true,
  },
  /** The stored design as it was published (to open it in the editor). */
  libraryOpenDesign: { input: z.object({ id: SampleIdSchema }).strict(), output: StudioDesignSchema },
  /** The stored design as a new one, named "…（副本）". */
  libraryDuplicate: { input: z.object({ id: SampleIdSchema }).strict(), output: StudioDesignSchema },
  /** One file of a sample, to save (GET /download/<id> in browser mode, the save dialog on the desktop). */
  libraryFile: {
    input: z.object({ id: SampleIdSchema, sha256: z.string().regex(/^[0-9a-f]{64}$/, '文件摘要格式不对') }).strict(),
    output: z.object({ downloadId: DownloadIdSchema, fileName: z.string() }),
  },
  /** Where the library (and a sample's main file) lives: the desktop shows it in the file manager, browser mode prints it. */
  libraryLocation: { input: z.object({ id: SampleIdSchema.optional() }).strict(), output: LibraryLocationSchema },
  /** Import uploaded files (images, PDFs, bundle zips) as a job (jobStatus, cancelJob). `meta` applies to every new sample. */
  libraryImport: {
    input: z
      .object({
        uploadIds: z
          .array(UploadIdSchema)
          .min(1, '请选择要导入的文件')
          .max(MAX_IMPORT_FILES, `一次至多导入 ${MAX_IMPORT_FILES} 个文件`),
        meta: SampleMetaPatchSchema.omit({ title: true }).strict().optional(),
        /** Each file's own date (File.lastModified, ms), in the order of uploadIds: it becomes the published date unless meta gives one. */
        lastModified: z.array(z.number().int().min(0).nullable()).max(MAX_IMPORT_FILES).optional(),
      })
      .strict()
      .refine((r) => !r.lastModified || r.lastModified.length === r.uploadIds.length, {
        message: '文件日期的个数应与文件个数相同',
        path: ['lastModified'],
      }),
    output: z.object({ jobId: z.string() }),
    large: true,
  },
  /** A bundle zip of the chosen samples (or of every result of a query), as a job → download. */
  libraryExportBundle: {
    input: z
      .object({ ids: Selection.optional(), query: LibraryQuerySchema.optional() })
      .strict()
      .refine((r) => (r.ids === undefined) !== (r.query === undefined), {
        message: '请给出样本编号或搜索条件（只给一个）',
        path: ['ids'],
      }),
    output: z.object({ jobId: z.string() }),
    large: true,
  },
  libraryStats: { input: z.object({}).strict(), output: LibraryStatsSchema },
  /** The statistics chart the page drew (a PNG it uploaded), checked and offered as a download for the report. */
  libraryStatsImage: {
    input: z
      .object({
        uploadId: UploadIdSchema,
        fileName: z
          .string()
          .trim()
          .min(1)
          .max(120)
          .regex(/^[^\\/:*?"<>|\0]+\.png$/i, '文件名应以 .png 结尾，且不含 \\ / : * ? " < > |'),
      })
      .strict(),
    output: z.object({ downloadId: DownloadIdSchema, fileName: z.string() }),
  },
} as const satisfies Record<string, MethodSpec>;
