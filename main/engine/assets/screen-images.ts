import type { PreparedImage } from './prepare.js';

/**
 * Longest side, px, of a photo in the live preview: sharp at the preview's fit and at 100% on a
 * poster-sized stage, and a hundredth of the bytes of a 24 MP camera photo. The preview SVG
 * carried the original (a 23 MB JPEG made a 30 MB SVG per keystroke, which the page then decoded).
 */
export const SCREEN_IMAGE_PX = 2048;

const cache = new Map<string, Promise<Buffer>>();
/** Distinct photos kept; a design rarely has more than a few. */
const MAX_CACHED = 32;

async function shrink(img: PreparedImage, maxPx: number): Promise<Buffer> {
  const sharp = (await import('sharp')).default;
  const pipeline = sharp(img.data).resize({ width: maxPx, height: maxPx, fit: 'inside', withoutEnlargement: true });
  return img.mime === 'image/jpeg'
    ? pipeline.jpeg({ quality: 82 }).toBuffer()
    : pipeline.png({ compressionLevel: 6 }).toBuffer();
}

/**
 * The same images with screen-sized bytes. Width and height stay the original's: the scene's
 * placement and crop (and preflight's dpi) are computed from them, and the SVG stretches the
 * smaller bitmap over the same box, so the preview is laid out exactly as the print.
 */
export async function screenImages(
  images: Map<string, PreparedImage>,
  maxPx = SCREEN_IMAGE_PX,
): Promise<Map<string, PreparedImage>> {
  const out = new Map<string, PreparedImage>();
  for (const [id, img] of images) {
    if (Math.max(img.widthPx, img.heightPx) <= maxPx) {
      out.set(id, img);
      continue;
    }
    const key = `${img.sha256}:${maxPx}`;
    let data = cache.get(key);
    if (!data) {
      data = shrink(img, maxPx);
      data.catch(() => cache.delete(key));
      cache.set(key, data);
      if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
    }
    out.set(id, { ...img, data: await data });
  }
  return out;
}
