import { z } from 'zod';

/*
 * Small schemas every group of API methods shares (api.ts, api-library.ts, api-batch.ts).
 * Pure zod: the renderer imports it through the contract.
 */

export const Id = z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/, '编号应为小写字母、数字和 -');
/** Job ids are opaque hex strings made by the main side. */
export const Token = z.string().regex(/^[a-f0-9]{16,64}$/, '编号格式不对');
/** A finished file to fetch (GET /download/<id> in browser mode, or save through the desktop dialog). */
export const DownloadIdSchema = z.string().regex(/^[a-f0-9]{32}$/, '下载编号格式不对');
/** A file the user handed over (POST /upload, or the preload's upload): its bytes wait in a private temp folder. */
export const UploadIdSchema = z.string().regex(/^[a-f0-9]{32}$/, '上传编号格式不对');
export const Empty = z.object({}).strict();

/** A method's input and value schemas; `design` marks methods whose input may be large (a whole design). */
export interface MethodSpec {
  input: z.ZodType;
  output: z.ZodType;
  design?: true;
}

export const JobStatusSchema = z.object({
  jobId: z.string(),
  state: z.enum(['queued', 'running', 'done', 'error', 'cancelled']),
  /** 0–1. */
  progress: z.number().min(0).max(1),
  /** When done: the id to download the file by (GET /download/<id> in browser mode) and its name. */
  downloadId: z.string().optional(),
  fileName: z.string().optional(),
  bytes: z.number().int().optional(),
  notes: z.array(z.string()).optional(),
  /** When failed: what went wrong, in Chinese. */
  error: z.string().optional(),
});
export type JobStatus = z.infer<typeof JobStatusSchema>;
