import type { ApiMethod } from '../core/api.js';

/*
 * IPC channel names, shared by the main side (ipc.ts) and the preload. No imports but types: the
 * sandboxed preload is bundled on its own and must stay tiny.
 */

/** Every method of main/core/api.ts (a test checks the two lists agree). */
export const API_METHOD_NAMES = [
  'listTemplates', 'listFormats', 'getTemplate', 'newDesignFromFormat', 'previewSvg', 'preflight', 'checkSlogan',
  'suggestSlogans', 'convertScript', 'exportDesign', 'jobStatus', 'cancelJob', 'openDesign', 'saveDesign',
] as const satisfies readonly ApiMethod[];

/** The native dialogs, each its own IPC method with its own validated input. */
export const DIALOG_NAMES = ['openDesignFile', 'saveDesignFile', 'saveExportFile'] as const;
export type DialogName = (typeof DIALOG_NAMES)[number];

export const apiChannel = (m: ApiMethod): string => `studio:api:${m}`;
export const dialogChannel = (d: DialogName): string => `studio:dialog:${d}`;
/** Main → renderer: menu commands and files to open. */
export const COMMAND_CHANNEL = 'studio:command';

export type MenuCommand = 'new' | 'open' | 'save' | 'save-as' | 'export' | 'undo' | 'redo';
/** What the main side sends on COMMAND_CHANNEL. */
export type StudioCommand =
  | { command: MenuCommand }
  /** A design file from the command line or a second instance: its text, for the openDesign method. */
  | { command: 'open-file'; filePath: string; text: string };
