import { COLOUR_PRESETS, type ColourPresetName } from '../colour-values.js';
import type { Colour } from '../colour.js';
import { StudioError } from '../errors.js';
import { ELEMENT_RANGES, MAX_ASSET_BYTES } from '../limits.js';
import type { AssetRef } from './assets.js';
import type { Design } from './design.js';
import type { Box, Element } from './elements.js';
import { inTurnedRect, turnedRect } from './geometry.js';
import { elementName, elementTypeName } from './names.js';
import { slotsOf } from './slots.js';
import { checkRoom } from './add.js';

/*
 * Pure edits of a design, for the editor (slot form, style panel, image field) and the CLI's
 * --set alike: each takes a design and returns a new one (the old one is untouched, so undo can
 * keep it), and refuses input that would make the design invalid with a Chinese message naming
 * what was wrong. No runtime imports of zod: the page runs these on every keystroke.
 *
 * This module is the one door to them all: the canvas's operations live beside it by topic and
 * are re-exported at the end — arrange.ts (move, resize, rotate, align, distribute, order, lock,
 * hide), add.ts (new elements, images, duplicate, delete, copy/paste), picture.ts (crop and pan,
 * background, illustrations), snap.ts (smart guides); names.ts names elements for the user.
 */

export type ElementOf<T extends Element['type']> = Extract<Element, { type: T }>;
/** Fields to change; a field given as undefined is removed (e.g. `{ stroke: undefined }` drops the outline). */
export type ElementPatch<T extends Element['type']> = {
  [K in keyof Omit<ElementOf<T>, 'id' | 'type'>]?: ElementOf<T>[K] | undefined;
};

export function findElement(design: Pick<Design, 'elements'>, id: string): Element | undefined {
  return design.elements.find((e) => e.id === id);
}

const nameOf = (el: Element): string => elementName(el);

export function withElements<D extends Design>(design: D, elements: Element[]): D {
  return { ...design, elements };
}

type Range = { min: number; max: number; label: string };

/** A number the user typed, against its range (the lower bound of sizes and widths is exclusive). */
function checkNumber(el: Element, v: number, r: Range, exclusiveMin: boolean): void {
  const low = exclusiveMin ? v <= r.min : v < r.min;
  if (Number.isFinite(v) && !low && v <= r.max) return;
  const bound = exclusiveMin ? `大于 ${r.min}` : `不小于 ${r.min}`;
  throw new StudioError('invalid-input', `「${nameOf(el)}」：${r.label}应${bound}且不大于 ${r.max}`);
}

/** What the style panel can change, checked against the ranges the schema enforces (limits.ts). */
function checkElement(el: Element): void {
  const R = ELEMENT_RANGES;
  if ('stroke' in el && el.stroke) checkNumber(el, el.stroke.widthMm, R.strokeMm, true);
  if (el.type !== 'text') return;
  if (el.size.mode === 'fixed') checkNumber(el, el.size.mm, R.sizeMm, true);
  else {
    checkNumber(el, el.size.minMm, R.sizeMm, true);
    checkNumber(el, el.size.maxMm, R.sizeMm, true);
    if (el.size.minMm > el.size.maxMm)
      throw new StudioError('invalid-input', `「${nameOf(el)}」：最小字号不能大于最大字号`);
  }
  checkNumber(el, el.letterSpacing, R.letterSpacing, false);
  checkNumber(el, el.lineHeight, R.lineHeight, false);
}

/** One element of one type changed. */
export function patchElement<D extends Design, T extends Element['type']>(
  design: D,
  id: string,
  type: T,
  patch: ElementPatch<T>,
): D {
  const el = findElement(design, id);
  if (!el) throw new StudioError('invalid-input', `设计中没有元素「${id}」`);
  if (el.type !== type) throw new StudioError('invalid-input', `「${nameOf(el)}」不是${elementTypeName(type)}`);
  const merged: Record<string, unknown> = { ...el, ...patch };
  for (const [k, v] of Object.entries(patch)) if (v === undefined) delete merged[k];
  const next = merged as Element;
  checkElement(next);
  return withElements(
    design,
    design.elements.map((e) => (e.id === id ? next : e)),
  );
}

// ---- slots ------------------------------------------------------------------------------------

/**
 * A text or QR element's content: the text of a text, the payload of a QR code. Set on purpose, it
 * is no longer the template's sample (placeholders.ts), even when the value is the same.
 */
export function setContent<D extends Design>(design: D, elementId: string, value: string): D {
  const el = findElement(design, elementId);
  // Rewritten by hand, a bound text is the user's own: a later profile fill leaves it alone.
  if (el?.type === 'text')
    return patchElement(design, elementId, 'text', {
      text: value,
      placeholder: undefined,
      bind: undefined,
      bindFormat: undefined,
    });
  if (el?.type === 'qr') return patchElement(design, elementId, 'qr', { content: value, placeholder: undefined });
  throw new StudioError('unknown-slot', `元素「${el ? nameOf(el) : elementId}」不能填写文字`);
}

/** The element of a named slot, or an error listing the slots there are. */
export function slotElement(design: Pick<Design, 'elements'>, name: string): Element {
  const el = design.elements.find((e) => e.slot === name);
  if (el) return el;
  const names =
    slotsOf(design)
      .map((s) => `${s.name}（${s.label}）`)
      .join('、') || '（此设计没有槽位）';
  throw new StudioError('unknown-slot', `设计中没有名为「${name}」的槽位`, [`可用槽位：${names}`]);
}

/** The text or QR content of an element ('' for other kinds). */
export function contentOf(design: Pick<Design, 'elements'>, elementId: string): string {
  const el = findElement(design, elementId);
  return el?.type === 'text' ? el.text : el?.type === 'qr' ? el.content : '';
}

// ---- colours ----------------------------------------------------------------------------------

/** Presets in the order a banner maker reaches for them. */
export const PRESET_ORDER: readonly ColourPresetName[] = [
  'print-red',
  'police-blue',
  'banner-yellow',
  'rich-black',
  'black',
  'white',
];

export function presetColour(name: ColourPresetName): Colour {
  const p = COLOUR_PRESETS[name];
  return { rgb: p.rgb, cmyk: [...p.cmyk] };
}

/** The preset a colour is, if it is exactly one (same screen colour and same press values). */
export function presetOf(c: Colour | undefined): ColourPresetName | undefined {
  if (!c) return undefined;
  return PRESET_ORDER.find((n) => {
    const p = COLOUR_PRESETS[n];
    return p.rgb === c.rgb.toUpperCase() && (!c.cmyk || c.cmyk.every((v, i) => v === p.cmyk[i]));
  });
}

/** A custom colour from a colour picker ("#rrggbb"); the press values then follow from the RGB. */
export function hexColour(hex: string): Colour {
  if (!/^#[0-9a-fA-F]{6}$/.test(hex)) throw new StudioError('invalid-input', `颜色「${hex}」应为 #RRGGBB 形式`);
  return { rgb: hex.toUpperCase() };
}

// ---- hit-testing ------------------------------------------------------------------------------

/** The rectangle an element is placed in (upright, before its rotation), in mm from the trim's top-left corner. */
export function elementBox(el: Element): Box {
  if (el.type !== 'line') return el.box;
  const pad = el.stroke.widthMm / 2;
  const x = Math.min(el.from.x, el.to.x) - pad;
  const y = Math.min(el.from.y, el.to.y) - pad;
  return { x, y, w: Math.abs(el.to.x - el.from.x) + 2 * pad, h: Math.abs(el.to.y - el.from.y) + 2 * pad };
}

/** The upright rectangle around an element as drawn (its rotation applied). */
export const elementBounds = (el: Element): Box => turnedRect(elementBox(el), el.type === 'line' ? 0 : el.rotation);

/**
 * The topmost element under a point (elements paint in order, so the last one wins). Hidden
 * elements are not there; a rectangle under a pale fill is found even where it is transparent.
 */
export function elementAt(design: Pick<Design, 'elements'>, xMm: number, yMm: number): Element | undefined {
  for (let i = design.elements.length - 1; i >= 0; i--) {
    const el = design.elements[i]!;
    if (el.hidden) continue;
    if (inTurnedRect({ x: xMm, y: yMm }, elementBox(el), el.type === 'line' ? 0 : el.rotation)) return el;
  }
  return undefined;
}

// ---- images -----------------------------------------------------------------------------------

/** Above this an image still goes in, with a warning: the design file carries every byte of it. */
export const LARGE_IMAGE_BYTES = 20 * 1024 * 1024;
/** Room left in a design file for everything but its images. */
export const DESIGN_FILE_MARGIN = 1024 * 1024;

export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;
}

/**
 * Why a file cannot go into an image slot, before reading it (name, size and the browser's
 * type are enough to refuse an SVG or a file over the limit), or undefined when it may.
 */
export function refuseImageFile(file: { name: string; size: number; type: string }): string | undefined {
  if (file.type === 'image/svg+xml' || /\.svgz?$/i.test(file.name))
    return `「${file.name}」是 SVG 矢量图，图片位只接受 PNG、JPEG 或 WebP 照片。`;
  if (file.size === 0) return `「${file.name}」是空文件。`;
  if (file.size > MAX_ASSET_BYTES)
    return `「${file.name}」有 ${formatBytes(file.size)}，超过 ${formatBytes(MAX_ASSET_BYTES)} 的上限，请先压缩。`;
  return undefined;
}

/** The images an element or the background shows. */
function usedAssets(design: Design): Set<string> {
  const used = new Set<string>();
  for (const el of design.elements) if (el.type === 'image' && el.asset) used.add(el.asset);
  if (design.background.type === 'image') used.add(design.background.asset);
  return used;
}

/** Assets that no element and no background refers to any more are dropped from the file. */
export function withoutUnused<D extends Design>(design: D): D {
  const used = usedAssets(design);
  const assets = Object.fromEntries(Object.entries(design.assets).filter(([id]) => used.has(id)));
  return Object.keys(assets).length === Object.keys(design.assets).length ? design : { ...design, assets };
}

/** A free asset id: image-1, image-2, … */
export function newAssetId(design: Design): string {
  for (let n = 1; ; n++) if (!(`image-${n}` in design.assets)) return `image-${n}`;
}

/** Bytes of an asset, whichever form it has (base64 in a file holds 3 bytes per 4 characters). */
export const assetBytes = (a: Design['assets'][string]): number =>
  'bytes' in a ? a.bytes : Math.floor((a.data.length * 3) / 4);

/** Bytes of all images of a design: what they add to its file (base64 adds a third on disk). */
export function imageBytes(design: Design): number {
  return Object.values(design.assets).reduce((sum, a) => sum + assetBytes(a), 0);
}

/**
 * Puts an image the main side holds (by reference) into an image element; the image it replaced
 * is dropped. Refused when the saved file, images embedded, would exceed the design-file cap.
 */
export function placeImage<D extends Design & { assets: Record<string, AssetRef> }>(
  design: D,
  elementId: string,
  ref: AssetRef,
): D {
  const current = imageAsset(design, elementId);
  checkRoom(design, ref.bytes, ref.name, current ? assetBytes(current) : 0);
  const assetId = newAssetId(design);
  const withAsset: D = { ...design, assets: { ...design.assets, [assetId]: ref } };
  return withoutUnused(patchElement(withAsset, elementId, 'image', { asset: assetId }));
}

/** Empties an image element (the slot shows its placeholder again) and drops the unused image. */
export function removeImage<D extends Design>(design: D, elementId: string): D {
  return withoutUnused(patchElement(design, elementId, 'image', { asset: undefined, crop: undefined }));
}

/** The asset an image element shows, if any. */
export function imageAsset<D extends Design>(design: D, elementId: string): D['assets'][string] | undefined {
  const el = findElement(design, elementId);
  return el?.type === 'image' && el.asset ? (design.assets[el.asset] as D['assets'][string]) : undefined;
}

export * from './arrange.js';
export * from './add.js';
export * from './snap.js';
export * from './picture.js';
