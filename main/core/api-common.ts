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

/**
 * A method's input and value schemas; `large` marks methods whose input may run past the small
 * body limit (a design's elements and texts, a selection of thousands of samples). No input
 * carries image bytes: those travel as uploads (uploadId) and designs name them by reference.
 */
export interface MethodSpec {
  input: z.ZodType;
  output: z.ZodType;
  large?: true;
}
