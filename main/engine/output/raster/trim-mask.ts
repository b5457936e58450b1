import sharp from 'sharp';
import type { Scene } from '../../scene/types.js';
import { trimPath, trimPathSvg } from '../../scene/trim-shape.js';
import type { RasterPlan } from './strip-plan.js';

/*
 * A round sticker or a rounded tag is a shape, not the square its page is drawn on: its image is
 * the piece as cut. PNG and WebP keep an alpha channel, transparent outside the trim's outline (or
 * the bleed's, when the bleed is drawn); JPEG has none, so the outside is white, as the backing
 * paper shows around a cut piece. Edge pixels carry their coverage (anti-aliased), so a circle
 * reads round at any size. Die-cut pieces are small (a 50 mm sticker at 300 dpi is 591 px), so
 * this works on the whole image in memory.
 */

export type ShapedFormat = 'png' | 'jpeg' | 'webp';

/** The outline's coverage of every pixel, 0–255, drawn by librsvg like the artwork itself. */
async function coverage(scene: Scene, plan: RasterPlan, bleed: boolean): Promise<Buffer> {
  const outline = trimPath(scene, bleed ? scene.bleedMm : 0);
  const { widthPx: w, heightPx: h, region } = plan;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">` +
    `<rect width="${w}" height="${h}" fill="#000"/>${trimPathSvg(outline, region.x, region.y, plan.kx, plan.ky, '#fff')}</svg>`;
  return sharp(Buffer.from(svg)).extractChannel(0).raw().toBuffer();
}

/** The opaque render (any format sharp reads) → the piece as cut, encoded as `format`. */
export async function cutToShape(
  image: Buffer,
  scene: Scene,
  plan: RasterPlan,
  opts: { bleed: boolean; format: ShapedFormat; quality: number },
): Promise<Buffer> {
  const [{ data: rgb, info }, alpha] = await Promise.all([
    sharp(image).removeAlpha().raw().toBuffer({ resolveWithObject: true }),
    coverage(scene, plan, opts.bleed),
  ]);
  const n = info.width * info.height;
  const keepAlpha = opts.format !== 'jpeg';
  const out = Buffer.alloc(n * (keepAlpha ? 4 : 3));
  for (let i = 0, s = 0, d = 0; i < n; i++, s += 3) {
    const a = alpha[i] ?? 0;
    for (let c = 0; c < 3; c++) {
      const v = rgb[s + c] ?? 255;
      // PNG/WebP: the colour as drawn, its coverage in alpha (white under full transparency, for
      // viewers that ignore alpha); JPEG: the piece over white.
      out[d++] = keepAlpha ? (a === 0 ? 255 : v) : Math.round((v * a + 255 * (255 - a)) / 255);
    }
    if (keepAlpha) out[d++] = a;
  }
  const img = sharp(out, { raw: { width: info.width, height: info.height, channels: keepAlpha ? 4 : 3 } }).withMetadata(
    {
      density: plan.dpi,
    },
  );
  if (opts.format === 'png') return img.png({ compressionLevel: 9, adaptiveFiltering: true }).toBuffer();
  if (opts.format === 'webp') return img.webp({ quality: opts.quality, alphaQuality: 100 }).toBuffer();
  return img.jpeg({ quality: opts.quality, chromaSubsampling: '4:4:4' }).toBuffer();
}
