import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { PreparedImage } from '../../../main/engine/assets/prepare.js';
import { extendToEdges } from '../../../main/engine/output/raster/edges.js';
import { PixelCache } from '../../../main/engine/output/raster/photos.js';
import { renderRasterBuffer } from '../../../main/engine/output/raster/render-raster.js';
import { planRaster, type RasterPlan } from '../../../main/engine/output/raster/strip-plan.js';
import { renderTile } from '../../../main/engine/output/raster/strips.js';
import { tileSvg } from '../../../main/engine/output/raster/tile-svg.js';
import type { ImageItem, Scene } from '../../../main/engine/scene/types.js';
import { background, BLUE, face, RED, scene, textRun, WHITE, YELLOW } from '../../helpers/scene-fixtures.js';

/*
 * Photos in raster tiles are drawn from pixels decoded once per render (photos.ts), not by
 * librsvg from a data: URI in every tile's SVG. These tests hold that drawing to librsvg's own.
 */

/** A photo-like picture: smooth colour fields with grain, as PNG (lossless) or JPEG. */
async function photo(w: number, h: number, format: 'png' | 'jpeg', alpha = false): Promise<PreparedImage> {
  const channels = alpha ? 4 : 3;
  const raw = Buffer.alloc(w * h * channels);
  let seed = 0x2545f491;
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      const grain = (seed & 31) - 16;
      const o = (y * w + x) * channels;
      raw[o] = Math.max(0, Math.min(255, (x * 255) / w + grain));
      raw[o + 1] = Math.max(0, Math.min(255, (y * 255) / h + grain));
      raw[o + 2] = Math.max(0, Math.min(255, 128 + 100 * Math.sin(x / 17 + y / 23) + grain));
      // A logo's alpha: opaque in the middle, fading out towards the edges.
      if (alpha) raw[o + 3] = Math.min(255, Math.round((255 * 4 * Math.min(x, w - x, y, h - y)) / Math.min(w, h)));
    }
  const img = sharp(raw, { raw: { width: w, height: h, channels } });
  const data = format === 'png' ? await img.png().toBuffer() : await img.jpeg({ quality: 92 }).toBuffer();
  return {
    assetId: `photo-${format}`,
    mime: format === 'png' ? 'image/png' : 'image/jpeg',
    data,
    widthPx: w,
    heightPx: h,
    sha256: createHash('sha256').update(data).digest('hex'),
  };
}

const placed = (
  image: PreparedImage,
  x: number,
  y: number,
  w: number,
  h: number,
  clip: ImageItem['clip'],
): ImageItem => ({
  kind: 'image',
  elementId: image.assetId,
  image,
  x,
  y,
  w,
  h,
  clip,
});

/** A poster corner: ground, a card under the photo, the photo with round corners, a logo with alpha, text over both. */
async function photoScene(format: 'png' | 'jpeg'): Promise<Scene> {
  const base = scene({ name: 'photo', widthMm: 160, heightMm: 120, bleedMm: 3, colourMode: 'rgb' });
  return {
    ...base,
    items: [
      background(base, RED),
      { kind: 'rect', elementId: 'card', x: 8, y: 8, w: 120, h: 90, r: 4, fill: BLUE },
      // Cover fit: the photo reaches beyond its clip; off the pixel grid, scaled by neither 1 nor 2.
      placed(await photo(613, 397, format), 10.37, 6.21, 131.3, 85.03, { x: 12, y: 12, w: 110, h: 78, r: 9 }),
      textRun('莫给骗子当韭菜', {
        x: 20,
        y: 60,
        sizeMm: 18,
        face: face(900),
        fill: WHITE,
        stroke: { colour: YELLOW, widthMm: 0.6 },
      }),
      // Contain fit (clip = image), with alpha, over the text.
      placed(await photo(120, 80, 'png', true), 100.5, 70.25, 45, 30, { x: 100.5, y: 70.25, w: 45, h: 30, r: 0 }),
      textRun('96110', { x: 104, y: 112, sizeMm: 9, face: face(700), fill: YELLOW }),
    ],
  };
}

/** librsvg's own drawing of the tile, photos inside the SVG as data: URIs (the way before). */
async function librsvgTile(s: Scene, plan: RasterPlan): Promise<Buffer> {
  const svg = tileSvg(s, plan, 0, plan.paddedWidthPx, 0, plan.heightPx);
  return sharp(Buffer.from(svg), { unlimited: true }).removeAlpha().raw().toBuffer();
}

function compare(a: Uint8Array, b: Uint8Array): { share: number; mean: number; worst: number } {
  let n = 0,
    sum = 0,
    worst = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i]! - b[i]!);
    if (!d) continue;
    n++;
    sum += d;
    worst = Math.max(worst, d);
  }
  return { share: n / a.length, mean: sum / a.length, worst };
}

describe('raster writer: photos', () => {
  it('draws a lossless photo as librsvg does, to a level here and there (pixman bilinear, cairo OVER)', async () => {
    const s = await photoScene('png');
    const plan = planRaster(s, { dpi: 300 });
    const drawn = extendToEdges(s, plan);
    const ours = await renderTile(drawn, plan, 0, plan.paddedWidthPx, 0, plan.heightPx);
    const theirs = await librsvgTile(drawn, plan);
    const d = compare(ours, theirs);
    // Measured: 1 % of bytes, by 1–2 levels (pixman steps along a row in 16.16 fixed point).
    expect(d.worst).toBeLessThanOrEqual(2);
    expect(d.mean).toBeLessThan(0.03);
    expect(d.share).toBeLessThan(0.03);
  });

  it('leaves a turned photo to librsvg, drawn where it lands', async () => {
    const s = await photoScene('png');
    const turned: Scene = {
      ...s,
      items: s.items.map((it) => (it.kind === 'image' ? { ...it, rotate: { deg: 30, cx: 67, cy: 51 } } : it)),
    };
    const plan = planRaster(turned, { dpi: 100 });
    const drawn = extendToEdges(turned, plan);
    const ours = await renderTile(drawn, plan, 0, plan.paddedWidthPx, 0, plan.heightPx);
    const d = compare(ours, await librsvgTile(drawn, plan));
    expect(d.worst).toBeLessThanOrEqual(2);
  });

  it('draws a JPEG photo within the difference of two JPEG decoders', async () => {
    // librsvg decodes with its own JPEG decoder, sharp with libjpeg: a few levels apart.
    const s = await photoScene('jpeg');
    const plan = planRaster(s, { dpi: 200 });
    const drawn = extendToEdges(s, plan);
    const d = compare(
      await renderTile(drawn, plan, 0, plan.paddedWidthPx, 0, plan.heightPx),
      await librsvgTile(drawn, plan),
    );
    // Measured: 8 % of bytes, by up to 4 levels.
    expect(d.worst).toBeLessThanOrEqual(6);
    expect(d.mean).toBeLessThan(0.25);
  });

  it('strips and tiles of a page with photos equal one pass of the whole image', async () => {
    const s = await photoScene('jpeg');
    for (const bleed of [false, true]) {
      // 1890 px wide at 300 dpi, 37-row strips, tiles cut at 2000 px: strips cross the photo's corners.
      const plan = planRaster(s, { dpi: 300, bleed, maxStripPx: 37 });
      const single = await renderTile(extendToEdges(s, plan), plan, 0, plan.widthPx, 0, plan.heightPx);
      const striped = await renderRasterBuffer(s, { format: 'png', dpi: 300, bleed, maxStripPx: 37 });
      expect(striped.info.strips).toBeGreaterThan(20);
      const { data, info } = await sharp(striped.data).raw().toBuffer({ resolveWithObject: true });
      expect([info.width, info.height]).toEqual([plan.widthPx, plan.heightPx]);
      expect(data.equals(single)).toBe(true);
    }
  });

  it('decodes each photo once per render and shares it between tiles', async () => {
    const s = await photoScene('png');
    const plan = planRaster(s, { dpi: 100 });
    const pixels = new PixelCache();
    const img = s.items.find((i): i is ImageItem => i.kind === 'image')!;
    const first = pixels.get(img.image);
    await renderTile(s, plan, 0, plan.paddedWidthPx, 0, 100, pixels);
    await renderTile(s, plan, 0, plan.paddedWidthPx, 100, plan.heightPx, pixels);
    expect(pixels.get(img.image)).toBe(first);
    const px = await first;
    expect([px.width, px.height, px.channels]).toEqual([613, 397, 3]);
  });

  it('shows the ground, the card and the text where the photo is clipped away', async () => {
    const s = await photoScene('png');
    const plan = planRaster(s, { dpi: 100 });
    const tile = await renderTile(s, plan, 0, plan.paddedWidthPx, 0, plan.heightPx);
    const at = (xMm: number, yMm: number): number[] => {
      const o = (Math.round((yMm + 0) * plan.ky) * plan.paddedWidthPx + Math.round(xMm * plan.kx)) * 3;
      return [...tile.subarray(o, o + 3)];
    };
    expect(at(150, 5)).toEqual([0xe6, 0x00, 0x12]); // ground
    expect(at(10, 95)).toEqual([0x00, 0x3a, 0x8c]); // card, below the photo's clip
    expect(at(12.6, 12.6)).toEqual([0x00, 0x3a, 0x8c]); // card, in the photo's rounded corner
    // Inside the clip: the photo (not the card, not the ground).
    expect(at(60, 30)).not.toEqual([0x00, 0x3a, 0x8c]);
    expect(at(60, 30)).not.toEqual([0xe6, 0x00, 0x12]);
  });
});
