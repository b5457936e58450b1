import { polygonInset } from '../../main/engine/preflight/cut-margin.js';
import { isDieCut } from '../../main/engine/scene/trim-shape.js';
import type { Scene } from '../../main/engine/scene/types.js';

interface Trim {
  widthMm: number;
  heightMm: number;
  shape?: 'rect' | 'circle' | 'contour';
  cornerMm?: number;
  /** A piece cut along a picture: its traced cut (the scene's `contour`); without it, its rectangle. */
  contour?: Scene['contour'];
}

/** Signed distance (mm) from a point to the trim's outline: negative inside. */
function distance(t: Trim, x: number, y: number): number {
  if (t.shape === 'contour' && t.contour) return -polygonInset([x, y], t.contour.trim);
  if (t.shape === 'circle') {
    const rx = t.widthMm / 2;
    const ry = t.heightMm / 2;
    // Round stickers are circles; an ellipse is measured along its radius, close enough here.
    return (Math.hypot((x - rx) / rx, (y - ry) / ry) - 1) * Math.min(rx, ry);
  }
  const r = Math.min(t.cornerMm ?? 0, t.widthMm / 2, t.heightMm / 2);
  const qx = Math.abs(x - t.widthMm / 2) - (t.widthMm / 2 - r);
  const qy = Math.abs(y - t.heightMm / 2) - (t.heightMm / 2 - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

/**
 * A PDF page rasterised at `dpi` (trim box) made comparable with the raster writer's image of a
 * die-cut piece, which is white outside the trim's outline: outside it the page is set to white,
 * and within a pixel of the outline (anti-aliased differently by each reader) to the reference's own
 * pixel. Pieces that are not die-cut are left as they are.
 */
export function likeShapedRaster(
  trim: Trim,
  dpi: number,
  page: { data: Uint8ClampedArray | Buffer; channels: number; width: number },
  ref: { data: Uint8ClampedArray | Buffer; channels: number; width: number },
  w: number,
  h: number,
): void {
  if (!isDieCut(trim)) return;
  const k = dpi / 25.4;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const d = distance(trim, (x + 0.5) / k, (y + 0.5) / k) * k;
      if (d < -1.5) continue;
      const p = (y * page.width + x) * page.channels;
      const q = (y * ref.width + x) * ref.channels;
      for (let c = 0; c < 3; c++) page.data[p + c] = d > 1.5 ? 255 : (ref.data[q + c] ?? 0);
    }
  }
}
