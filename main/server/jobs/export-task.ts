import type { ExportRequest } from '../../core/api.js';
import type { Design } from '../../core/index.js';
import type { AssetLoader } from '../../engine/assets/prepare.js';
import { renderDesigns, type RenderResult } from '../../engine/render.js';
import { CancelledError } from './pool.js';

const EXT = { pdf: 'pdf', png: 'png', jpeg: 'jpg', webp: 'webp' } as const;

/** A file name from the design's name: no path separators or control characters, not too long. */
export function exportFileName(design: Pick<Design, 'name'>, format: ExportRequest['format']): string {
  const base =
    design.name
      .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_')
      .replace(/^[.\s]+|[.\s]+$/g, '')
      .slice(0, 80) || '设计';
  return `${base}.${EXT[format]}`;
}

const STEPS = 1000;
const LAYOUT_SHARE = 100;

/**
 * One export. Cancellation is checked once before any work and at every progress step (each
 * raster strip, each PDF page): throwing there unwinds the writer, whose atomic file then removes
 * its temporary output (node/atomic.ts).
 */
export async function runExport(
  req: ExportRequest,
  out: string,
  load: AssetLoader,
  onProgress: (done: number, total: number) => void,
  isCancelled: () => boolean,
): Promise<RenderResult> {
  if (isCancelled()) throw new CancelledError();
  const { design, ...options } = req;
  try {
    return await renderDesigns(
      [design],
      {
        ...options,
        out,
        // Progress a user sees move, even for one page: the layout is the first tenth, then each
        // raster strip or PDF page (walkthrough bug 7), in thousandths.
        onLayout: () => onProgress(LAYOUT_SHARE, STEPS),
        onProgress: (done, total) => {
          if (isCancelled()) throw new CancelledError();
          onProgress(LAYOUT_SHARE + Math.round(((STEPS - LAYOUT_SHARE) * done) / Math.max(1, total)), STEPS);
        },
      },
      load,
    );
  } catch (err) {
    // The writers wrap what a progress callback throws in their own "output failed" error.
    if (isCancelled()) throw new CancelledError();
    throw err;
  }
}
