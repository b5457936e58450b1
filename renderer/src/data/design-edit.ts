import {
  COLOUR_PRESETS,
  ElementSchema,
  MAX_ASSET_BYTES,
  StudioError,
  type Asset,
  type Box,
  type Colour,
  type ColourPresetName,
  type Design,
  type Element,
} from '../../../main/core/index.js';
import { MAX_DESIGN_TEXT_CHARS } from '../../../main/core/limits.js';

/*
 * Pure edits of a design, shared by the editor and the style/image components: each takes a
 * design and returns a new one (the old one is untouched, so undo can keep it), and refuses
 * input that would make the design invalid with a Chinese message naming what was wrong.
 */

type ElementOf<T extends Element['type']> = Extract<Element, { type: T }>;
/** Fields to change; a field given as undefined is removed (e.g. `{ stroke: undefined }` drops the outline). */
export type ElementPatch<T extends Element['type']> = {
  [K in keyof Omit<ElementOf<T>, 'id' | 'type'>]?: ElementOf<T>[K] | undefined;
};

export function findElement(design: Design, id: string): Element | undefined {
  return design.elements.find((e) => e.id === id);
}

const nameOf = (el: Element): string => el.label ?? el.id;

/** One element of one type changed; the result is checked by the element schema. */
export function patchElement<T extends Element['type']>(
  design: Design,
  id: string,
  type: T,
  patch: ElementPatch<T>,
): Design {
  const el = findElement(design, id);
  if (!el) throw new StudioError('invalid-input', `设计中没有元素「${id}」`);
  if (el.type !== type) throw new StudioError('invalid-input', `元素「${nameOf(el)}」不是${TYPE_NAMES[type]}`);
  const merged: Record<string, unknown> = { ...el, ...patch };
  for (const [k, v] of Object.entries(patch)) if (v === undefined) delete merged[k];
  const r = ElementSchema.safeParse(merged);
  if (!r.success) throw new StudioError('invalid-input', `「${nameOf(el)}」：${r.error.issues[0]!.message}`);
  const next = r.data;
  return { ...design, elements: design.elements.map((e) => (e.id === id ? next : e)) };
}

export const TYPE_NAMES: Record<Element['type'], string> = {
  text: '文字',
  image: '图片',
  qr: '二维码',
  rect: '矩形',
  ellipse: '椭圆',
  line: '线条',
  illustration: '插图',
};

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

/** The rectangle an element covers, in mm from the trim's top-left corner. */
export function elementBox(el: Element): Box {
  if (el.type !== 'line') return el.box;
  const pad = el.stroke.widthMm / 2;
  const x = Math.min(el.from.x, el.to.x) - pad;
  const y = Math.min(el.from.y, el.to.y) - pad;
  return { x, y, w: Math.abs(el.to.x - el.from.x) + 2 * pad, h: Math.abs(el.to.y - el.from.y) + 2 * pad };
}

/** The topmost element under a point (elements paint in order, so the last one wins). */
export function elementAt(design: Design, xMm: number, yMm: number): Element | undefined {
  for (let i = design.elements.length - 1; i >= 0; i--) {
    const el = design.elements[i]!;
    const b = elementBox(el);
    if (xMm >= b.x && xMm <= b.x + b.w && yMm >= b.y && yMm <= b.y + b.h) return el;
  }
  return undefined;
}

// ---- images -----------------------------------------------------------------------------------

/** Above this an image still goes in, with a warning: the design file carries every byte of it. */
export const LARGE_IMAGE_BYTES = 20 * 1024 * 1024;
export type ImageMime = Asset['mime'];
/** Room left in a design file for everything but its images. */
const DESIGN_TEXT_MARGIN = 1024 * 1024;

/** Bytes of the image a base64 string holds. */
export function base64Bytes(data: string): number {
  const pad = data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0;
  return Math.floor((data.length * 3) / 4) - pad;
}

export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;
}

/** The format by its first bytes, not by its name or the browser's guess. */
export function sniffImage(data: string): ImageMime | 'svg' | undefined {
  let head: string;
  try {
    head = atob(data.slice(0, 24));
  } catch {
    return undefined;
  }
  if (head.startsWith('\x89PNG\r\n\x1a\n')) return 'image/png';
  if (head.startsWith('\xff\xd8\xff')) return 'image/jpeg';
  if (head.startsWith('RIFF') && head.slice(8, 12) === 'WEBP') return 'image/webp';
  if (/^(\xef\xbb\xbf)?\s*<(\?xml|svg|!--)/i.test(head)) return 'svg';
  return undefined;
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

/** A free asset id: image-1, image-2, … */
function newAssetId(design: Design): string {
  for (let n = 1; ; n++) if (!(`image-${n}` in design.assets)) return `image-${n}`;
}

/** Assets that no element and no background refers to any more are dropped from the file. */
function withoutUnused(design: Design): Design {
  const used = new Set<string>();
  for (const el of design.elements) if (el.type === 'image' && el.asset) used.add(el.asset);
  if (design.background.type === 'image') used.add(design.background.asset);
  const assets = Object.fromEntries(Object.entries(design.assets).filter(([id]) => used.has(id)));
  return Object.keys(assets).length === Object.keys(design.assets).length ? design : { ...design, assets };
}

/**
 * Puts an image (base64, as read from the file) into an image element: the bytes go into the
 * design as an asset, so the saved file opens anywhere; the image it replaces is dropped.
 */
export function embedImage(design: Design, elementId: string, file: { name: string; data: string }): Design {
  const kind = sniffImage(file.data);
  if (kind === 'svg')
    throw new StudioError('bad-image', `「${file.name}」是 SVG 矢量图，图片位只接受 PNG、JPEG 或 WebP 照片。`);
  if (!kind)
    throw new StudioError(
      'bad-image',
      `「${file.name}」不是 PNG、JPEG 或 WebP 图片（手机的 HEIC 照片请先另存为 JPEG）。`,
    );
  const bytes = base64Bytes(file.data);
  if (bytes > MAX_ASSET_BYTES)
    throw new StudioError(
      'too-large',
      `「${file.name}」有 ${formatBytes(bytes)}，超过 ${formatBytes(MAX_ASSET_BYTES)} 的上限，请先压缩。`,
    );
  // The saved file must stay under the size a design file may have (its text, images in base64).
  const others =
    Object.values(design.assets).reduce((n, a) => n + a.data.length, 0) -
    (imageAsset(design, elementId)?.data.length ?? 0);
  if (others + file.data.length > MAX_DESIGN_TEXT_CHARS - DESIGN_TEXT_MARGIN) {
    throw new StudioError(
      'too-large',
      `放入「${file.name}」（${formatBytes(bytes)}）后，设计文件会超过 ${formatBytes(MAX_DESIGN_TEXT_CHARS)}，无法保存。请先压缩图片（建议 20 MB 以下）。`,
    );
  }
  const assetId = newAssetId(design);
  const withAsset: Design = {
    ...design,
    assets: { ...design.assets, [assetId]: { mime: kind, data: file.data, name: file.name.slice(0, 200) } },
  };
  return withoutUnused(patchElement(withAsset, elementId, 'image', { asset: assetId }));
}

/** Empties an image element (the slot shows its placeholder again) and drops the unused bytes. */
export function removeImage(design: Design, elementId: string): Design {
  return withoutUnused(patchElement(design, elementId, 'image', { asset: undefined, crop: undefined }));
}

/** The asset an image element shows, if any. */
export function imageAsset(design: Design, elementId: string): Asset | undefined {
  const el = findElement(design, elementId);
  return el?.type === 'image' && el.asset ? design.assets[el.asset] : undefined;
}

/** Bytes of all embedded images: what they add to the design file (base64 adds a third on disk). */
export function embeddedBytes(design: Design): number {
  return Object.values(design.assets).reduce((sum, a) => sum + base64Bytes(a.data), 0);
}
