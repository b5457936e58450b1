import type { ExportRequest } from '../../core/api.js';
import type { Design } from '../../core/index.js';
import { renderDesigns, type RenderResult } from '../../engine/render.js';

/** Thrown from the progress callback when the user cancels: it unwinds the writer, whose atomic
 * file then removes its temporary output (engine/output/atomic.ts). */
export class CancelledError extends Error {
  constructor() {
    super('已取消');
    this.name = 'CancelledError';
  }
}

const EXT = { pdf: 'pdf', png: 'png', jpeg: 'jpg', webp: 'webp' } as const;

/** A file name from the design's name: no path separators or control characters, not too long. */
export function exportFileName(design: Design, format: ExportRequest['format']): string {
  const base =
    design.name
      .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_')
      .replace(/^[.\s]+|[.\s]+$/g, '')
      .slice(0, 80) || '设计';
  return `${base}.${EXT[format]}`;
}

/**
 * One export, as both runners (worker thread and in-process) execute it. Cancellation is checked
 * at every progress step (each raster strip, each PDF page) and once before any work starts.
 */
export async function runExport(
  req: ExportRequest,
  outPath: string,
  onProgress: (done: number, total: number) => void,
  isCancelled: () => boolean,
): Promise<RenderResult> {
  if (isCancelled()) throw new CancelledError();
  try {
    return await render(req, outPath, onProgress, isCancelled);
  } catch (err) {
    // The writers wrap what a progress callback throws in their own "output failed" error.
    if (isCancelled()) throw new CancelledError();
    throw err;
  }
}

function render(
  req: ExportRequest,
  outPath: string,
  onProgress: (done: number, total: number) => void,
  isCancelled: () => boolean,
): Promise<RenderResult> {
  return renderDesigns([req.design], {
    out: outPath,
    format: req.format,
    ...(req.dpi !== undefined ? { dpi: req.dpi } : {}),
    ...(req.widthPx !== undefined ? { widthPx: req.widthPx } : {}),
    ...(req.cmyk !== undefined ? { cmyk: req.cmyk } : {}),
    ...(req.outlineText !== undefined ? { outlineText: req.outlineText } : {}),
    ...(req.largePage !== undefined ? { largePage: req.largePage } : {}),
    ...(req.bleed !== undefined ? { bleed: req.bleed } : {}),
    ...(req.allowOverflow !== undefined ? { allowOverflow: req.allowOverflow } : {}),
    ...(req.allowPlaceholder !== undefined ? { allowPlaceholder: req.allowPlaceholder } : {}),
    onProgress: (done, total) => {
      if (isCancelled()) throw new CancelledError();
      onProgress(done, total);
    },
  });
}
