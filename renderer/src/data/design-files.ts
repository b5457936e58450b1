import type { StudioDesign } from '../../../main/core/design/design.js';
import { call, saveDownload, unwrap, upload } from './api-client.js';
import { transport } from './transport.js';

/*
 * Design files (self-contained JSON, images embedded) in and out. The main side reads and writes
 * them — the page never holds the photos' bytes: opening hands the file over (an upload, or the
 * desktop's dialog) and gets the design back with its images by reference; saving has the main
 * side write the file and offer it, which the desktop saves through its dialog and browser mode
 * as a download.
 */

export interface OpenedDesign {
  design: StudioDesign;
  filePath?: string;
}

/** Desktop 打开…: the native dialog; null if the user cancelled. */
export async function openWithDialog(): Promise<OpenedDesign | null> {
  const d = transport.desktop;
  if (!d) return null;
  const r = unwrap(await d.openDesignFile());
  return r.canceled ? null : { design: r.design, filePath: r.filePath };
}

/** Browser mode 打开…: a file from <input type=file>, handed over and read on the main side. */
export async function openFromFile(file: File): Promise<OpenedDesign> {
  const { uploadId } = await upload(file);
  return { design: await call('openDesign', { uploadId }) };
}

/**
 * 保存 / 另存为. Desktop: to `filePath` without asking when given and not save-as, else the save
 * dialog. Browser mode: a download named after the design. Null if the user cancelled.
 */
export async function saveDesignToFile(
  design: StudioDesign,
  opts: { filePath?: string; saveAs?: boolean },
): Promise<{ filePath?: string } | null> {
  const { downloadId, fileName } = await call('saveDesign', { design });
  const d = transport.desktop;
  if (!d) {
    await saveDownload(downloadId);
    return {};
  }
  const target = opts.filePath && !opts.saveAs ? { filePath: opts.filePath } : { suggestedName: fileName };
  const r = unwrap(await d.saveDesignFile({ downloadId, ...target }));
  return r.canceled ? null : { filePath: r.filePath };
}
