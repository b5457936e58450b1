import type { DialogInput } from './api-dialogs.js';
import type { ApiInput, ApiMethod, ApiResult, ApiValue } from './api.js';
import type { StudioDesign } from './design/design.js';

/*
 * The desktop bridge, declared once: what the preload (main/app/preload.ts) exposes as
 * `window.studio` and what the page (renderer/src/data/transport.ts) calls. Browser mode has no
 * bridge; the page then speaks HTTP to the same API. Types only at run time, but for the dialog
 * names: the sandboxed preload imports this and must stay free of zod.
 */

/** The native dialogs, each its own IPC method with its own validated input (api-dialogs.ts). */
export const DIALOG_NAMES = ['openDesignFile', 'saveDesignFile', 'saveExportFile', 'showLibraryFolder'] as const;
export type DialogName = (typeof DIALOG_NAMES)[number];

/** What a save dialog (or show-in-folder) answers. */
export type DialogValue = { canceled: true } | { canceled: false; filePath: string };
/** What the open dialog answers: the file's design, its images already kept on the main side. */
export type OpenedValue = { canceled: true } | { canceled: false; filePath: string; design: StudioDesign };

export type MenuCommand = 'new' | 'open' | 'save' | 'save-as' | 'export' | 'undo' | 'redo';
/** What the main side sends the page: menu commands, and design files to open (command line, second instance). */
export type StudioCommand = { command: MenuCommand } | { command: 'open-file'; filePath: string; design: StudioDesign };

/** A file handed to the main side; methods that read files take its uploadId. */
export interface Uploaded {
  uploadId: string;
  name: string;
  bytes: number;
}

export interface StudioBridge {
  call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiResult<ApiValue<M>>>;
  openDesignFile(): Promise<ApiResult<OpenedValue>>;
  saveDesignFile(input: DialogInput<'saveDesignFile'>): Promise<ApiResult<DialogValue>>;
  saveExportFile(input: DialogInput<'saveExportFile'>): Promise<ApiResult<DialogValue>>;
  /** The sample library's folder in the file manager (with a sample's id: its main file selected). */
  showLibraryFolder(input: DialogInput<'showLibraryFolder'>): Promise<ApiResult<DialogValue>>;
  /** A file the user picked or dropped, by its bytes; the value names it for methods that take an upload id. */
  upload(name: string, data: ArrayBuffer): Promise<ApiResult<Uploaded>>;
  /** Menu commands and files to open; returns a function that stops listening. */
  onCommand(listener: (command: StudioCommand) => void): () => void;
}
