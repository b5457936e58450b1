import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ApiInput, ApiMethod, ApiResult, ApiValue } from '../core/api.js';
import {
  COMMAND_CHANNEL,
  METHOD_NAME,
  UPLOAD_CHANNEL,
  apiChannel,
  dialogChannel,
  type DialogName,
  type StudioCommand,
} from './channels.js';
import type { DialogValue } from './dialogs.js';

/*
 * The preload: the only bridge between the sandboxed page and the main side. A sandboxed preload
 * must be a single CommonJS script that requires nothing but `electron`, while this package is ESM:
 * `npm start` bundles this file with esbuild to dist/main/app/preload.cjs (format cjs, electron
 * external), which is what the window loads. Imports here are type-only except channels.ts
 * (plain strings), so the bundle stays tiny and pulls in no zod.
 *
 * It exposes `window.studio` and nothing else: `call` for the API contract's methods, the dialog
 * helpers, and `onCommand` for menu commands and files to open. Never ipcRenderer itself.
 */

type Invoke = Pick<typeof ipcRenderer, 'invoke' | 'on' | 'removeListener'>;

export interface StudioBridge {
  call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiResult<ApiValue<M>>>;
  openDesignFile(): Promise<ApiResult<DialogValue>>;
  saveDesignFile(input: { text: string; filePath?: string; suggestedName?: string }): Promise<ApiResult<DialogValue>>;
  saveExportFile(input: { downloadId: string }): Promise<ApiResult<DialogValue>>;
  /** The sample library's folder in the file manager (with a sample's id: its main file selected). */
  showLibraryFolder(input: { id?: string }): Promise<ApiResult<DialogValue>>;
  /** A file the user picked or dropped, by its bytes; the value names it for methods that take an upload id. */
  upload(name: string, data: ArrayBuffer): Promise<ApiResult<UploadValue>>;
  /** Menu commands and files to open; returns a function that stops listening. */
  onCommand(listener: (command: StudioCommand) => void): () => void;
}

export interface UploadValue {
  uploadId: string;
  name: string;
  bytes: number;
}

export function studioBridge(ipc: Invoke): StudioBridge {
  const dialog = (d: DialogName, input: unknown) =>
    ipc.invoke(dialogChannel(d), input) as Promise<ApiResult<DialogValue>>;
  return {
    call(method, input) {
      if (typeof method !== 'string' || !METHOD_NAME.test(method))
        return Promise.reject(new Error(`没有名为「${String(method)}」的接口`));
      return ipc.invoke(apiChannel(method), input);
    },
    openDesignFile: () => dialog('openDesignFile', {}),
    saveDesignFile: (input) => dialog('saveDesignFile', input),
    saveExportFile: (input) => dialog('saveExportFile', input),
    showLibraryFolder: (input) => dialog('showLibraryFolder', input),
    upload: (name, data) => ipc.invoke(UPLOAD_CHANNEL, { name, data }) as Promise<ApiResult<UploadValue>>,
    onCommand(listener) {
      // The event object (with its sender) never reaches the page: only the payload.
      const wrapped = (_event: IpcRendererEvent, command: StudioCommand) => listener(command);
      ipc.on(COMMAND_CHANNEL, wrapped);
      return () => void ipc.removeListener(COMMAND_CHANNEL, wrapped);
    },
  };
}

contextBridge.exposeInMainWorld('studio', studioBridge(ipcRenderer));
