import type { ApiValue } from '../../../main/core/api.js';
import { call } from './api-client.js';

export type FontFamily = ApiValue<'listFonts'>[number];

let list: Promise<FontFamily[]> | undefined;

/**
 * The fonts a design can use here: bundled ones (everywhere) and this PC's own (a bonus; on
 * another PC the engine stands a bundled family in and preflight says so). Asked once: the main
 * side scans the system font folders on first request.
 */
export function fontFamilies(): Promise<FontFamily[]> {
  list ??= call('listFonts', {}).catch(() => {
    list = undefined;
    return [];
  });
  return list;
}
