import { MM_PER_INCH } from '../../core/units.js';
import type { PreparedImage } from '../assets/prepare.js';
import type { ImageItem } from './types.js';

type Rect = { x: number; y: number; w: number; h: number };
type Crop = { x: number; y: number; w: number; h: number };

/**
 * Place an image in a box: the crop region scaled to cover (fill, cut the excess) or contain
 * (whole, centred). The item draws the whole source at the returned rectangle and clips to what
 * should show, so every writer needs only "draw image, clip".
 */
export function fitImage(
  elementId: string,
  image: PreparedImage,
  box: Rect,
  fit: 'cover' | 'contain',
  crop: Crop | undefined,
  r: number,
): ImageItem {
  const c = crop ?? { x: 0, y: 0, w: 1, h: 1 };
  const cw = c.w * image.widthPx;
  const ch = c.h * image.heightPx;
  const scale = fit === 'cover' ? Math.max(box.w / cw, box.h / ch) : Math.min(box.w / cw, box.h / ch);
  const dw = cw * scale;
  const dh = ch * scale;
  const dx = box.x + (box.w - dw) / 2;
  const dy = box.y + (box.h - dh) / 2;
  const clip = fit === 'cover' ? { ...box, r } : { x: dx, y: dy, w: dw, h: dh, r };
  return {
    kind: 'image',
    elementId,
    image,
    x: dx - c.x * image.widthPx * scale,
    y: dy - c.y * image.heightPx * scale,
    w: image.widthPx * scale,
    h: image.heightPx * scale,
    clip,
  };
}

/** Printed resolution of a placed image: source pixels per inch of paper, the lower axis. */
export function effectiveDpi(item: ImageItem): number {
  return Math.min(item.image.widthPx / (item.w / MM_PER_INCH), item.image.heightPx / (item.h / MM_PER_INCH));
}
