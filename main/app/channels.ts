import type { ApiMethod } from '../core/api.js';

/*
 * IPC channel names, shared by the main side (ipc.ts) and the preload. No imports but types: the
 * sandboxed preload is bundled on its own and must stay tiny.
 */

/**
 * What a method name looks like. The preload only checks the shape (it must stay free of zod and
 * of the contract's code); the main side binds a handler for each method of main/core/api.ts and
 * nothing else, so any other name finds no handler.
 */
export const METHOD_NAME = /^[a-zA-Z]{1,64}$/;

/** The native dialogs, each its own IPC method with its own validated input. */
export const DIALOG_NAMES = ['openDesignFile', 'saveDesignFile', 'saveExportFile', 'showLibraryFolder'] as const;
export type DialogName = (typeof DIALOG_NAMES)[number];

export const apiChannel = (m: ApiMethod): string => `studio:api:${m}`;
/** Renderer → main: a file the user picked or dropped, as bytes (the page never knows its path). */
export const UPLOAD_CHANNEL = 'studio:upload';
export const dialogChannel = (d: DialogName): string => `studio:dialog:${d}`;
/** Main → renderer: menu commands and files to open. */
export const COMMAND_CHANNEL = 'studio:command';

export type MenuCommand = 'new' | 'open' | 'save' | 'save-as' | 'export' | 'undo' | 'redo';
/** What the main side sends on COMMAND_CHANNEL. */
export type StudioCommand =
  | { command: MenuCommand }
  /** A design file from the command line or a second instance: its text, for the openDesign method. */
  | { command: 'open-file'; filePath: string; text: string };
