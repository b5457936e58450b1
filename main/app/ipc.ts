import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import { API_METHODS, type ApiResult } from '../core/api.js';
import type { Handlers } from '../server/handlers/index.js';
import { invalidInput, toError, type Logger } from '../server/handlers/result.js';
import { MAX_UPLOAD_BYTES, type Uploads } from '../server/uploads.js';
import { DIALOG_NAMES, UPLOAD_CHANNEL, apiChannel, dialogChannel, type DialogName } from './channels.js';
import { DIALOG_INPUTS, type DialogInput } from '../core/api-dialogs.js';
import type { Uploaded } from '../core/bridge.js';
import type { Dialogs } from './dialogs.js';
import { isAppUrl } from './security.js';

/*
 * One ipcMain.handle per API method and per dialog. Each checks who asks (the top frame of a page
 * served from app://studio/, nothing else) and then hands the `unknown` input to the same handler
 * browser mode uses, which parses it with the contract's schema. Results cross as the envelope.
 */

export const FORBIDDEN: ApiResult<never> = {
  ok: false,
  error: { code: 'forbidden-sender', message: '拒绝：请求不是来自工作室自己的界面' },
};

/** The sender must be our renderer's top frame, at app://studio/. */
export function trustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  return !!frame && frame.parent === null && isAppUrl(frame.url);
}

/** What the preload's upload sends: structured clone turns the ArrayBuffer into a Uint8Array or keeps it. */
export const UploadInputSchema = z
  .object({
    name: z.string().min(1, '缺少文件名').max(1000),
    data: z
      .union([z.instanceof(ArrayBuffer), z.instanceof(Uint8Array)])
      .refine((d) => d.byteLength <= MAX_UPLOAD_BYTES, '文件过大：至多 1024 MB'),
  })
  .strict();

export function bindIpc(
  ipc: Pick<IpcMain, 'handle'>,
  handlers: Handlers,
  dialogs: Dialogs,
  log: Logger,
  uploads: Pick<Uploads, 'fromBytes'>,
): void {
  ipc.handle(UPLOAD_CHANNEL, async (event, input: unknown): Promise<ApiResult<Uploaded>> => {
    if (!trustedSender(event)) return FORBIDDEN;
    const parsed = UploadInputSchema.safeParse(input ?? {});
    if (!parsed.success) return invalidInput(parsed.error);
    try {
      const { data } = parsed.data;
      const up = await uploads.fromBytes(parsed.data.name, data instanceof Uint8Array ? data : new Uint8Array(data));
      return { ok: true, value: { uploadId: up.uploadId, name: up.name, bytes: up.bytes } };
    } catch (err) {
      return toError(err, 'upload', log);
    }
  });
  for (const m of API_METHODS) {
    ipc.handle(apiChannel(m), async (event, input: unknown) => (trustedSender(event) ? handlers[m](input) : FORBIDDEN));
  }
  const bindDialog = <D extends DialogName>(d: D) =>
    ipc.handle(dialogChannel(d), async (event, input: unknown): Promise<ApiResult<unknown>> => {
      if (!trustedSender(event)) return FORBIDDEN;
      const parsed = DIALOG_INPUTS[d].safeParse(input ?? {});
      if (!parsed.success) return invalidInput(parsed.error);
      try {
        // Parsed by this dialog's own schema just above.
        return { ok: true, value: await dialogs[d](parsed.data as DialogInput<D>) };
      } catch (err) {
        return toError(err, d, log);
      }
    });
  DIALOG_NAMES.forEach(bindDialog);
}
