import type { ApiMethod } from '../core/api.js';
import type { DialogName } from '../core/bridge.js';

/*
 * IPC channel names, shared by the main side (ipc.ts) and the preload. Nothing but strings at run
 * time: the sandboxed preload is bundled on its own and must stay tiny. What travels on them is
 * declared once in main/core/bridge.ts.
 */

/**
 * What a method name looks like. The preload only checks the shape (it must stay free of zod and
 * of the contract's code); the main side binds a handler for each method of main/core/api.ts and
 * nothing else, so any other name finds no handler.
 */
export const METHOD_NAME = /^[a-zA-Z]{1,64}$/;

export { DIALOG_NAMES, type DialogName, type MenuCommand, type StudioCommand } from '../core/bridge.js';

export const apiChannel = (m: ApiMethod): string => `studio:api:${m}`;
/** Renderer → main: a file the user picked or dropped, as bytes (the page never knows its path). */
export const UPLOAD_CHANNEL = 'studio:upload';
export const dialogChannel = (d: DialogName): string => `studio:dialog:${d}`;
/** Main → renderer: menu commands and files to open. */
export const COMMAND_CHANNEL = 'studio:command';
