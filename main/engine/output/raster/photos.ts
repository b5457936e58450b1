import sharp from 'sharp';
import type { PreparedImage } from '../../assets/prepare.js';
import type { ImageItem } from '../../scene/types.js';
import { n } from '../svg-format.js';
import type { RasterPlan } from './strip-plan.js';

/*
 * Photos drawn into raster tiles without librsvg. librsvg takes an image only as a data: URI inside
 * the SVG and reads that URI at ~0.2 µs a byte before decoding it, for every tile: a 145 dpi poster
 * whose photo is 3 MB of JPEG spent over a second per strip on it. Here the photo is decoded once
 * per render and each tile samples only its own pixels, the way cairo draws an image under
 * librsvg: bilinear on premultiplied pixels with 7-bit weights (pixman), pixel centres at +½, the
 * edge pixels repeated, then composited OVER through the clip's coverage with cairo's rounding.
 * The clip's coverage itself (rounded corners, anti-aliased edges) is drawn by librsvg.
 */

/** A decoded image: premultiplied RGBA, or RGB when it has no alpha. */
export interface Pixels {
  data: Uint8Array;
  width: number;
  height: number;
  channels: 3 | 4;
}

/** Decoded images of one render, by their bytes: released with the render, never kept across renders. */
export class PixelCache {
  private readonly decoded = new Map<Buffer, Promise<Pixels>>();

  get(img: PreparedImage): Promise<Pixels> {
    let hit = this.decoded.get(img.data);
    if (!hit) {
      hit = decode(img);
      this.decoded.set(img.data, hit);
    }
    return hit;
  }
}

async function decode(img: PreparedImage): Promise<Pixels> {
  const { data, info } = await sharp(img.data, { limitInputPixels: false }).raw().toBuffer({ resolveWithObject: true });
  if (info.channels === 3) return { data, width: info.width, height: info.height, channels: 3 };
  // Grey, grey + alpha or RGBA: as premultiplied RGBA, what cairo samples.
  const rgba =
    info.channels === 4
      ? data
      : await sharp(img.data, { limitInputPixels: false }).toColourspace('srgb').ensureAlpha().raw().toBuffer();
  for (let i = 0; i < rgba.length; i += 4) {
    const a = rgba[i + 3]!;
    if (a === 255) continue;
    rgba[i] = div255(rgba[i]! * a);
    rgba[i + 1] = div255(rgba[i + 1]! * a);
    rgba[i + 2] = div255(rgba[i + 2]! * a);
  }
  return { data: rgba, width: info.width, height: info.height, channels: 4 };
}

/** x / 255 rounded, as pixman computes it. */
const div255 = (x: number): number => {
  const t = x + 128;
  return ((t >> 8) + t) >> 8;
};

/** An image's placement and clip as the SVG writer writes them (3 decimals): where librsvg would draw it. */
export function imageSvgBox(it: ImageItem): { x: number; y: number; w: number; h: number } {
  return { x: Number(n(it.x)), y: Number(n(it.y)), w: Number(n(it.w)), h: Number(n(it.h)) };
}

/**
 * The clip of an image as an SVG fragment filled white, for its coverage mask: the image's own
 * rectangle clipped by its clip (both anti-aliased, as librsvg clips the drawn image).
 */
export function imageMaskSvg(it: ImageItem): string {
  const b = imageSvgBox(it);
  const c = it.clip;
  return (
    `<defs><clipPath id="m"><rect x="${n(c.x)}" y="${n(c.y)}" width="${n(c.w)}" height="${n(c.h)}"${c.r > 0 ? ` rx="${n(c.r)}"` : ''}/></clipPath></defs>` +
    `<rect x="${n(b.x)}" y="${n(b.y)}" width="${n(b.w)}" height="${n(b.h)}" fill="#FFFFFF" clip-path="url(#m)"/>`
  );
}

/** Weight precision of pixman's bilinear filter. */
const BITS = 7;
const ONE = 1 << BITS;

/**
 * For output pixels [p0, p0 + count) along one axis: the byte offsets (per `stride`) of the two
 * source pixels sampled, edge pixels repeated (cairo's EXTEND_PAD for images), and the 7-bit
 * weight of the second. Output pixel p's centre lies at mm `origin + (p + ½) / k`; the image
 * starts at mm `start` with `u` source pixels per mm. Computed from p itself, not from the tile's
 * first pixel, so any cut into tiles samples exactly the same.
 */
function axis(
  p0: number,
  count: number,
  origin: number,
  k: number,
  start: number,
  u: number,
  size: number,
  stride: number,
): { a: Int32Array; b: Int32Array; w: Int32Array } {
  const a = new Int32Array(count);
  const b = new Int32Array(count);
  const w = new Int32Array(count);
  for (let q = 0; q < count; q++) {
    // The centre in source pixels, minus half a pixel; 16.16 fixed point as cairo hands it to pixman.
    const fx = Math.round(((origin + (p0 + q + 0.5) / k - start) * u - 0.5) * 65536);
    const i = Math.floor(fx / 65536);
    a[q] = Math.min(size - 1, Math.max(0, i)) * stride;
    b[q] = Math.min(size - 1, Math.max(0, i + 1)) * stride;
    w[q] = ((fx - i * 65536) >> (16 - BITS)) & (ONE - 1);
  }
  return { a, b, w };
}

/**
 * Draw `it` (pixels `px`) into an RGB tile: pixel columns [x0, x0 + width) and rows
 * [y0, y0 + height) of the image, through `mask` (the clip's coverage, one byte a tile pixel).
 */
export function drawPhoto(
  tile: Uint8Array,
  width: number,
  height: number,
  x0: number,
  y0: number,
  plan: RasterPlan,
  it: ImageItem,
  px: Pixels,
  mask: Uint8Array,
): void {
  const box = imageSvgBox(it);
  const ch = px.channels;
  const cols = axis(x0, width, plan.region.x, plan.kx, box.x, px.width / box.w, px.width, ch);
  const rows = axis(y0, height, plan.region.y, plan.ky, box.y, px.height / box.h, px.height, px.width * ch);
  const src = px.data;
  const s = [0, 0, 0, 0];
  for (let j = 0; j < height; j++) {
    const ra = rows.a[j]!,
      rb = rows.b[j]!,
      wy = rows.w[j]!,
      iy = ONE - wy;
    for (let i = 0, m0 = j * width; i < width; i++) {
      const m = mask[m0 + i]!;
      if (m === 0) continue;
      const ca = cols.a[i]!,
        cb = cols.b[i]!,
        wx = cols.w[i]!,
        ix = ONE - wx;
      // pixman's bilinear: weights (128 − w, w) on each axis, the sum shifted down by 14 bits.
      const wtl = ix * iy,
        wtr = wx * iy,
        wbl = ix * wy,
        wbr = wx * wy;
      const tl = ra + ca,
        tr = ra + cb,
        bl = rb + ca,
        br = rb + cb;
      for (let c = 0; c < ch; c++)
        s[c] = (src[tl + c]! * wtl + src[tr + c]! * wtr + src[bl + c]! * wbl + src[br + c]! * wbr) >> 14;
      const o = (m0 + i) * 3;
      if (m === 255 && (ch === 3 || s[3] === 255)) {
        tile[o] = s[0]!;
        tile[o + 1] = s[1]!;
        tile[o + 2] = s[2]!;
        continue;
      }
      // OVER through the mask: s' = s·m, d = s' + d·(1 − s'α), each product rounded as pixman does.
      const keep = 255 - div255((ch === 4 ? s[3]! : 255) * m);
      tile[o] = Math.min(255, div255(s[0]! * m) + div255(tile[o]! * keep));
      tile[o + 1] = Math.min(255, div255(s[1]! * m) + div255(tile[o + 1]! * keep));
      tile[o + 2] = Math.min(255, div255(s[2]! * m) + div255(tile[o + 2]! * keep));
    }
  }
}

/**
 * Composite an RGBA layer (straight alpha, as sharp hands out librsvg's drawing) OVER an RGB tile
 * of the same size.
 */
export function compositeOver(tile: Uint8Array, layer: Uint8Array): void {
  // Alpha is the top byte of each little-endian 32-bit pixel: most of a layer over a photo is empty.
  const px = new Uint32Array(layer.buffer, layer.byteOffset, layer.byteLength >>> 2);
  for (let p = 0; p < px.length; p++) {
    const a = px[p]! >>> 24;
    if (a === 0) continue;
    const i = p * 4,
      o = p * 3;
    if (a === 255) {
      tile[o] = layer[i]!;
      tile[o + 1] = layer[i + 1]!;
      tile[o + 2] = layer[i + 2]!;
      continue;
    }
    const keep = 255 - a;
    for (let c = 0; c < 3; c++) tile[o + c] = Math.min(255, div255(layer[i + c]! * a) + div255(tile[o + c]! * keep));
  }
}
