import { MM_PER_INCH } from '../../core/index.js';
import type { Scene, SceneItem } from '../scene/types.js';
import type { PreparedImage } from './prepare.js';

/*
 * Photos at the resolution a raster output draws them. The raster writer samples a photo's pixels
 * bilinearly onto the output grid, as librsvg does (output/raster/photos.ts): that is sharp only
 * near the photo's own resolution, so a 20-megapixel camera photo on a 145 dpi poster is first
 * resampled once here (sharp, Lanczos) to the pixels the output actually has under it. Decoding
 * the smaller copy is also what each render pays. PDFs keep the original.
 */

/** Larger than needed by this much before it is worth resampling (and never below what the output shows). */
const SLACK = 1.1;
const cache = new Map<string, Promise<Buffer>>();
const MAX_CACHED = 8;

async function resample(img: PreparedImage, widthPx: number, heightPx: number): Promise<Buffer> {
  const key = `${img.sha256}:${widthPx}x${heightPx}`;
  let hit = cache.get(key);
  if (!hit) {
    const sharp = (await import('sharp')).default;
    const p = sharp(img.data).resize(widthPx, heightPx, { fit: 'fill' });
    hit = img.mime === 'image/jpeg' ? p.jpeg({ quality: 92 }).toBuffer() : p.png({ compressionLevel: 1 }).toBuffer();
    hit.catch(() => cache.delete(key));
    cache.set(key, hit);
    if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
  }
  return hit;
}

/** The scene with each photo holding no more pixels than `dpi` draws of it. */
export async function imagesAtDpi(scene: Scene, dpi: number): Promise<Scene> {
  if (!scene.items.some((it) => it.kind === 'image')) return scene;
  const items = await Promise.all(
    scene.items.map(async (it): Promise<SceneItem> => {
      if (it.kind !== 'image') return it;
      const w = Math.max(1, Math.ceil((it.w / MM_PER_INCH) * dpi));
      const h = Math.max(1, Math.ceil((it.h / MM_PER_INCH) * dpi));
      if (it.image.widthPx <= w * SLACK && it.image.heightPx <= h * SLACK) return it;
      return { ...it, image: { ...it.image, data: await resample(it.image, w, h), widthPx: w, heightPx: h } };
    }),
  );
  return { ...scene, items };
}
