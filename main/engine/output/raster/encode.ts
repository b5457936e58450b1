import sharp, { type OverlayOptions, type Sharp } from 'sharp';
import { StudioError } from '../../../core/index.js';
import type { Scene } from '../../scene/types.js';
import { RSVG_MAX_PX, TILE_MAX_PX, type RasterPlan } from './strip-plan.js';
import { tileSvg } from './tile-svg.js';

/** Largest JPEG side (the format's 16-bit size fields). */
export const JPEG_MAX_PX = 65_535;
/** Largest WebP side (libwebp). */
export const WEBP_MAX_PX = 16_383;

export type LossyFormat = 'jpeg' | 'webp';

const sizeText = (plan: RasterPlan): string => `${plan.widthPx} × ${plan.heightPx} 像素`;

/** Refuse sizes the format cannot hold, with a way out the user can take. */
export function checkLossySize(format: LossyFormat, plan: RasterPlan): void {
  const side = Math.max(plan.widthPx, plan.heightPx);
  if (format === 'webp' && side > WEBP_MAX_PX) {
    throw new StudioError(
      'too-large',
      `WebP 图片每边最多 ${WEBP_MAX_PX} 像素，此图为 ${sizeText(plan)}：请改用 PNG 或 JPEG，或降低分辨率（dpi）`,
    );
  }
  if (format === 'jpeg' && side > JPEG_MAX_PX) {
    throw new StudioError(
      'too-large',
      `JPEG 图片每边最多 ${JPEG_MAX_PX} 像素，此图为 ${sizeText(plan)}：请改用 PNG，或降低分辨率（dpi）`,
    );
  }
}

/**
 * The whole image as one sharp pipeline: a single SVG when both sides fit librsvg, otherwise the
 * tiles (each its own SVG, ≤ 32,767 px a side) composited onto a canvas. libvips streams either
 * way, so memory stays near a few tiles even for a banner.
 */
function pipeline(scene: Scene, plan: RasterPlan): Sharp {
  const { widthPx: w, heightPx: h } = plan;
  const open = { unlimited: true, limitInputPixels: false } as const;
  if (w <= RSVG_MAX_PX && h <= RSVG_MAX_PX) {
    return sharp(Buffer.from(tileSvg(scene, plan, 0, w, 0, h)), open).removeAlpha();
  }
  const inputs: OverlayOptions[] = [];
  // Opaque tiles drawn 'over' the canvas: an exact copy. Rows are cut on the same grid as columns.
  for (let y0 = 0; y0 < h; y0 += TILE_MAX_PX) {
    const y1 = Math.min(h, y0 + TILE_MAX_PX);
    for (const t of plan.tiles) {
      const x1 = Math.min(w, t.x1);
      if (t.x0 >= x1) continue;
      inputs.push({
        input: Buffer.from(tileSvg(scene, plan, t.x0, x1, y0, y1)),
        left: t.x0,
        top: y0,
        blend: 'over',
        ...open,
      });
    }
  }
  return sharp({ create: { width: w, height: h, channels: 3, background: '#FFFFFF' }, ...open })
    .composite(inputs)
    .removeAlpha();
}

function encoder(p: Sharp, format: LossyFormat, plan: RasterPlan, quality: number): Sharp {
  // Density: JFIF/EXIF resolution for JPEG, EXIF for WebP.
  const withDpi = p.withMetadata({ density: plan.dpi });
  return format === 'jpeg'
    ? withDpi.jpeg({ quality, chromaSubsampling: '4:4:4' }) // print: no colour bleeding on red/white edges
    : withDpi.webp({ quality });
}

export async function encodeLossyToFile(
  scene: Scene,
  plan: RasterPlan,
  format: LossyFormat,
  quality: number,
  path: string,
): Promise<number> {
  checkLossySize(format, plan);
  const info = await encoder(pipeline(scene, plan), format, plan, quality).toFile(path);
  return info.size;
}

export async function encodeLossyToBuffer(
  scene: Scene,
  plan: RasterPlan,
  format: LossyFormat,
  quality: number,
): Promise<Buffer> {
  checkLossySize(format, plan);
  return encoder(pipeline(scene, plan), format, plan, quality).toBuffer();
}
