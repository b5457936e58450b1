import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ApiResult } from '../core/api.js';
import type { DialogName, OpenedValue, StudioBridge, StudioCommand, Uploaded } from '../core/bridge.js';
import { COMMAND_CHANNEL, METHOD_NAME, UPLOAD_CHANNEL, apiChannel, dialogChannel } from './channels.js';

/*
 * The preload: the only bridge between the sandboxed page and the main side. A sandboxed preload
 * must be a single CommonJS script that requires nothing but `electron`, while this package is ESM:
 * `npm start` bundles this file with esbuild to dist/main/app/preload.cjs (format cjs, electron
 * external), which is what the window loads. Imports here are type-only except channels.ts
 * (plain strings), so the bundle stays tiny and pulls in no zod.
 *
 * It exposes `window.studio` (main/core/bridge.ts StudioBridge) and nothing else: `call` for the
 * API contract's methods, the dialog helpers, and `onCommand` for menu commands and files to open.
 * Never ipcRenderer itself.
 */

type Invoke = Pick<typeof ipcRenderer, 'invoke' | 'on' | 'removeListener'>;

export type { StudioBridge } from '../core/bridge.js';

export function studioBridge(ipc: Invoke): StudioBridge {
  const dialog = <T>(d: DialogName, input: unknown) => ipc.invoke(dialogChannel(d), input) as Promise<ApiResult<T>>;
  return {
    call(method, input) {
      if (typeof method !== 'string' || !METHOD_NAME.test(method))
        return Promise.reject(new Error(`没有名为「${String(method)}」的接口`));
      return ipc.invoke(apiChannel(method), input);
    },
    openDesignFile: () => dialog<OpenedValue>('openDesignFile', {}),
    saveDesignFile: (input) => dialog('saveDesignFile', input),
    saveExportFile: (input) => dialog('saveExportFile', input),
    showLibraryFolder: (input) => dialog('showLibraryFolder', input),
    upload: (name, data) => ipc.invoke(UPLOAD_CHANNEL, { name, data }) as Promise<ApiResult<Uploaded>>,
    onCommand(listener) {
      // The event object (with its sender) never reaches the page: only the payload.
      const wrapped = (_event: IpcRendererEvent, command: StudioCommand) => listener(command);
      ipc.on(COMMAND_CHANNEL, wrapped);
      return () => void ipc.removeListener(COMMAND_CHANNEL, wrapped);
    },
  };
}

contextBridge.exposeInMainWorld('studio', studioBridge(ipcRenderer));
