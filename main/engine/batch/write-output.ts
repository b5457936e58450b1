import type { BatchOutput } from '../../core/batch.js';
import type { Scene } from '../scene/types.js';

export type Step = (done: number, total: number) => void;

/** The extension of each output kind's files. */
export const EXTENSION: Record<BatchOutput, string> = {
  pdf: '.pdf',
  'single-pdf': '.pdf',
  png: '.png',
  jpeg: '.jpg',
  webp: '.webp',
};

/**
 * Scene(s) → file, straight through the engine's writers (the scene was already built to check
 * the row, so renderDesigns would lay it out twice). Writers are atomic: a failure or a cancel
 * thrown from `step` leaves no partial file. Returns the path written (a 1:10 PDF is never
 * asked for here, so it is `path`).
 */
export async function writeScenes(
  scenes: Scene[],
  path: string,
  output: BatchOutput,
  opts: { dpi?: number | undefined; step?: Step },
): Promise<string> {
  const progress = opts.step ? { onProgress: opts.step } : {};
  if (output === 'pdf' || output === 'single-pdf') {
    const { writePdf } = await import('../output/pdf/write-pdf.js');
    return (await writePdf(scenes, path, progress)).path;
  }
  const { renderRaster } = await import('../output/raster/render-raster.js');
  return (
    await renderRaster(scenes[0]!, path, {
      format: output,
      ...(opts.dpi !== undefined ? { dpi: opts.dpi } : {}),
      ...progress,
    })
  ).path;
}
