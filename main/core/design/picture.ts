import { StudioError } from '../errors.js';
import type { AssetRef } from './assets.js';
import type { Background } from './background.js';
import type { Design } from './design.js';
import type { ImageElement } from './elements.js';
import { checkRoom } from './add.js';
import { assetBytes, findElement, newAssetId, patchElement, withoutUnused } from './edit.js';

/*
 * A photo inside its frame (crop and pan), the page's background (colour, gradient, image) and the
 * picture of an illustration. Pure and zod-free like edit.ts.
 */

export interface Crop {
  x: number;
  y: number;
  w: number;
  h: number;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const r6 = (v: number) => Math.round(v * 1e6) / 1e6;

function photo(design: Design, id: string): { el: ImageElement; px: { w: number; h: number } } {
  const el = findElement(design, id);
  if (el?.type !== 'image') throw new StudioError('invalid-input', '请先选中一张照片');
  const a = el.asset ? design.assets[el.asset] : undefined;
  if (!a || !('widthPx' in a)) throw new StudioError('invalid-input', '这个图片位还没有照片：请先放入照片');
  return { el, px: { w: a.widthPx, h: a.heightPx } };
}

/**
 * The part of the photo the frame shows, as fractions of it, with the frame's proportions: the
 * crop the editor works with (a stored crop of other proportions is shown centred, as the engine
 * draws it; see scene/image-fit.ts).
 */
export function shownCrop(el: ImageElement, px: { w: number; h: number }): Crop {
  const c = el.crop ?? { x: 0, y: 0, w: 1, h: 1 };
  const frame = el.box.w / el.box.h;
  // The crop's own proportions in pixels, cut to the frame's (cover keeps the middle).
  let w = c.w;
  let h = c.h;
  if ((c.w * px.w) / (c.h * px.h) > frame) w = (c.h * px.h * frame) / px.w;
  else h = (c.w * px.w) / frame / px.h;
  return { x: c.x + (c.w - w) / 2, y: c.y + (c.h - h) / 2, w, h };
}

/** How far in the photo is zoomed: 1 = as much of it as fits the frame. */
export function cropZoom(el: ImageElement, px: { w: number; h: number }): number {
  const full = shownCrop({ ...el, crop: undefined }, px);
  return full.w / shownCrop(el, px).w;
}

function withCrop<D extends Design>(design: D, id: string, c: Crop): D {
  const crop = { x: r6(clamp(c.x, 0, 1 - c.w)), y: r6(clamp(c.y, 0, 1 - c.h)), w: r6(c.w), h: r6(c.h) };
  const full = crop.w >= 0.999999 && crop.h >= 0.999999;
  return patchElement(design, id, 'image', { crop: full ? undefined : crop, fit: 'cover' });
}

/**
 * Pans the photo inside its frame by (dx, dy) mm on the page: the picture follows the pointer,
 * within its own edges (it never leaves the frame uncovered).
 */
export function panPhoto<D extends Design>(design: D, id: string, dxMm: number, dyMm: number): D {
  const { el, px } = photo(design, id);
  const c = shownCrop(el, px);
  return withCrop(design, id, { ...c, x: c.x - (dxMm * c.w) / el.box.w, y: c.y - (dyMm * c.h) / el.box.h });
}

/** Zooms the photo in its frame about the middle of what shows (1 = all of it that fits; up to 10). */
export function zoomPhoto<D extends Design>(design: D, id: string, zoom: number): D {
  const { el, px } = photo(design, id);
  const full = shownCrop({ ...el, crop: undefined }, px);
  const c = shownCrop(el, px);
  const z = clamp(zoom, 1, 10);
  const w = full.w / z;
  const h = full.h / z;
  return withCrop(design, id, { x: c.x + (c.w - w) / 2, y: c.y + (c.h - h) / 2, w, h });
}

/** The whole photo again, filling its frame. */
export const resetCrop = <D extends Design>(design: D, id: string): D =>
  patchElement(design, id, 'image', { crop: undefined });

/** A new background (colour or gradient); an image background's picture is dropped with it. */
export function setBackground<D extends Design>(design: D, background: Background): D {
  return withoutUnused({ ...design, background });
}

/** A picture as the page's background, covering the bleed; the colour shows where it does not cover. */
export function setBackgroundImage<D extends Design & { assets: Record<string, AssetRef> }>(
  design: D,
  ref: AssetRef,
  fit: 'cover' | 'contain' = 'cover',
): D {
  const old = design.background.type === 'image' ? design.assets[design.background.asset] : undefined;
  checkRoom(design, ref.bytes, ref.name, old ? assetBytes(old) : 0);
  const asset = newAssetId(design);
  const colour = design.background.type === 'colour' ? design.background.colour : { rgb: '#FFFFFF' };
  return setBackground(
    { ...design, assets: { ...design.assets, [asset]: ref } },
    { type: 'image', asset, fit, colour },
  );
}

/** A picture chosen by hand: it no longer follows the slogan's goods. */
export const setIllustration = <D extends Design>(design: D, id: string, illustration: string): D =>
  patchElement(design, id, 'illustration', { illustration, follow: undefined });
