import { z } from 'zod';
import { DownloadIdSchema } from './api-common.js';
import { SampleIdSchema } from './api-library.js';
import type { DialogName } from './bridge.js';

/*
 * The desktop's native dialogs (bridge.ts), each its own IPC method whose input the main side
 * parses here like the API's. Paths come from the dialogs or the command line, never from the page.
 */
export const DIALOG_INPUTS = {
  openDesignFile: z.object({}).strict(),
  saveDesignFile: z
    .object({
      /** The file saveDesign wrote (images embedded). */
      downloadId: DownloadIdSchema,
      /** Save to this file without asking (保存): only a path this session opened or saved. */
      filePath: z.string().min(1).max(4096).optional(),
      /** The name offered in the dialog (另存为). */
      suggestedName: z
        .string()
        .trim()
        .min(1)
        .max(200)
        .regex(/^[^\\/:*?"<>|\0]+$/, '文件名不能含 \\ / : * ? " < > |')
        .optional(),
    })
    .strict(),
  saveExportFile: z.object({ downloadId: DownloadIdSchema }).strict(),
  /** The library's folder in the file manager; with a sample's id, its main file selected there. */
  showLibraryFolder: z.object({ id: SampleIdSchema.optional() }).strict(),
} as const satisfies Record<DialogName, z.ZodType>;

export type DialogInput<D extends DialogName> = z.input<(typeof DIALOG_INPUTS)[D]>;
