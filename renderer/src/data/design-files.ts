import type { ApiResult } from '../../../main/core/api.js';
import type { Design } from '../../../main/core/index.js';
import { DESIGN_EXT } from '../../../main/core/design-file.js';
import { ApiCallError, call, type StudioBridge } from './api-client.js';

/*
 * Design files (self-contained JSON, images embedded) in and out. The main side validates and
 * serialises (openDesign / saveDesign); this picks the transport: the desktop's native dialogs,
 * or in browser mode a file input and a download.
 */

export type { MenuCommand, StudioCommand } from './api-client.js';

/** The desktop app's file dialogs and menu, or undefined in browser mode. */
export function desktop(): StudioBridge | undefined {
  return window.studio;
}

async function unwrap<T>(r: Promise<ApiResult<T>>): Promise<T> {
  const v = await r;
  if (!v.ok) throw new ApiCallError(v.error.message, v.error.code, v.error.details);
  return v.value;
}

export interface OpenedDesign {
  design: Design;
  filePath?: string;
}

/** A design file's text → a checked design (throws ApiCallError naming the bad fields). */
export async function designFromText(text: string, filePath?: string): Promise<OpenedDesign> {
  const design = await call('openDesign', { text });
  return filePath === undefined ? { design } : { design, filePath };
}

/** Desktop 打开…: the native dialog; null if the user cancelled. */
export async function openWithDialog(): Promise<OpenedDesign | null> {
  const d = desktop();
  if (!d) return null;
  const r = await unwrap(d.openDesignFile());
  if (r.canceled || r.text === undefined) return null;
  return designFromText(r.text, r.filePath);
}

/** Browser mode 打开…: a file from <input type=file>. */
export async function openFromFile(file: File): Promise<OpenedDesign> {
  return designFromText(await file.text());
}

/** A safe file name from the design's name (no characters Windows refuses). */
export function designFileName(design: Pick<Design, 'name'>): string {
  const base =
    design.name
      .replace(/[\\/:*?"<>|\0]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 120) || '未命名设计';
  return `${base}${DESIGN_EXT}`;
}

/**
 * 保存 / 另存为. Desktop: to `filePath` without asking when given and not save-as, else the save
 * dialog. Browser mode: a download named after the design. Null if the user cancelled.
 */
export async function saveDesignToFile(
  design: Design,
  opts: { filePath?: string; saveAs?: boolean },
): Promise<{ filePath?: string } | null> {
  const { text } = await call('saveDesign', { design });
  const d = desktop();
  if (d) {
    const r = await unwrap(
      d.saveDesignFile(
        opts.filePath && !opts.saveAs
          ? { text, filePath: opts.filePath }
          : { text, suggestedName: designFileName(design) },
      ),
    );
    return r.canceled ? null : { filePath: r.filePath };
  }
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = designFileName(design);
  a.click();
  // The click has started the download; the URL can go once the browser has read it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return {};
}
