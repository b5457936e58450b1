import type { BatchOutput } from '../../core/batch.js';
import { renderScenes } from '../render.js';
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
 * Scene(s) → file through renderScenes (the scene was already built to check the row, so
 * renderDesigns would lay it out twice). Writers are atomic: a failure or a cancel thrown from
 * `step` leaves no partial file. Returns the path written (a 1:10 PDF is never asked for here).
 */
export async function writeScenes(
  scenes: Scene[],
  path: string,
  output: BatchOutput,
  opts: { dpi?: number | undefined; step?: Step },
): Promise<string> {
  const format = output === 'single-pdf' ? 'pdf' : output;
  return (await renderScenes(scenes, { out: path, format, dpi: opts.dpi, onProgress: opts.step })).path;
}
