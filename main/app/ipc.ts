import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { z } from 'zod';
import type { ApiResult } from '../core/api.js';
import type { Handlers } from '../server/handlers/index.js';
import { invalidInput, toError, type Logger } from '../server/handlers/result.js';
import { API_METHOD_NAMES, DIALOG_NAMES, apiChannel, dialogChannel, type DialogName } from './channels.js';
import { DIALOG_INPUTS, type DialogValue } from './dialogs.js';
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

type Dialogs = Record<DialogName, (input: never) => Promise<DialogValue>>;

export function bindIpc(ipc: Pick<IpcMain, 'handle'>, handlers: Handlers, dialogs: Dialogs, log: Logger): void {
  for (const m of API_METHOD_NAMES) {
    ipc.handle(apiChannel(m), async (event, input: unknown) => (trustedSender(event) ? handlers[m](input) : FORBIDDEN));
  }
  for (const d of DIALOG_NAMES) {
    const schema: z.ZodType = DIALOG_INPUTS[d];
    ipc.handle(dialogChannel(d), async (event, input: unknown): Promise<ApiResult<DialogValue>> => {
      if (!trustedSender(event)) return FORBIDDEN;
      const parsed = schema.safeParse(input ?? {});
      if (!parsed.success) return invalidInput(parsed.error);
      try {
        return { ok: true, value: await dialogs[d](parsed.data as never) };
      } catch (err) {
        return toError(err, d, log);
      }
    });
  }
}
