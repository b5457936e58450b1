import type { Colour } from '../colour.js';
import { StudioError } from '../errors.js';
import { MAX_DESIGN_FILE_BYTES } from '../limits.js';
import type { ImageBind } from '../profile.js';
import { refuseLocked } from './arrange.js';
import type { AssetRef } from './assets.js';
import type { Design } from './design.js';
import type { Element } from './elements.js';
import {
  assetBytes,
  DESIGN_FILE_MARGIN,
  formatBytes,
  imageBytes,
  newAssetId,
  presetColour,
  withElements,
  withoutUnused,
} from './edit.js';
import type { Point } from './geometry.js';

/*
 * Adding and removing elements: a text box, shapes, a QR code, an illustration, an image (picked,
 * pasted or dropped, by reference), the unit's logo or mascot; duplicate, delete, and copy/paste
 * within and between designs. Pure and zod-free like edit.ts.
 */

/** Most elements a design may hold (the schema's cap). */
export const MAX_ELEMENTS = 500;

type StudioLike = Design & { assets: Record<string, AssetRef> };

/** A free element id from a base: text, text-2, text-3… */
export function uniqueId(design: Pick<Design, 'elements'>, base: string, taken: Set<string> = new Set()): string {
  const used = new Set([...design.elements.map((e) => e.id), ...taken]);
  const b =
    base
      .replace(/[^A-Za-z0-9_-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 56) || 'el';
  if (!used.has(b)) return b;
  for (let n = 2; ; n++) if (!used.has(`${b}-${n}`)) return `${b}-${n}`;
}

function roomFor<D extends Design>(design: D, n: number): void {
  if (design.elements.length + n > MAX_ELEMENTS)
    throw new StudioError('too-large', `一个设计至多 ${MAX_ELEMENTS} 个元素：请先删去一些`);
}

/** Adds an element on top of the others (or at `index` of the drawing order). */
export function addElement<D extends Design>(design: D, el: Element, index = design.elements.length): D {
  roomFor(design, 1);
  if (design.elements.some((e) => e.id === el.id)) throw new StudioError('invalid-input', `元素编号 ${el.id} 已被占用`);
  const list = [...design.elements];
  list.splice(index, 0, el);
  return withElements(design, list);
}

export type NewKind = 'text' | 'rect' | 'rounded' | 'ellipse' | 'circle' | 'line' | 'burst' | 'qr' | 'illustration';

/** What a new text box says until the user types: a sample, so it never prints by mistake. */
export const NEW_TEXT = '双击输入文字';

export interface NewOptions {
  /** Centre of the new element, mm; default the middle of the page. */
  at?: Point;
  /** The picture of a new illustration. */
  illustration?: string;
  /** The payload of a new QR code (the unit's own, from its profile); default a sample to replace. */
  qr?: string;
  colour?: Colour;
}

/** A new element of a kind, sized for the page (a fifth of its shorter side) and centred at `at`. */
export function newElement(design: Pick<Design, 'elements' | 'format'>, kind: NewKind, opts: NewOptions = {}): Element {
  const f = design.format;
  const unit = Math.min(f.widthMm, f.heightMm);
  const at = opts.at ?? { x: f.widthMm / 2, y: f.heightMm / 2 };
  const square = (side: number) => ({ x: at.x - side / 2, y: at.y - side / 2, w: side, h: side });
  const id = uniqueId(design, kind === 'rounded' || kind === 'circle' || kind === 'burst' ? 'shape' : kind);
  const fill = opts.colour ?? presetColour('print-red');
  switch (kind) {
    case 'text': {
      const h = unit * 0.16;
      const w = Math.min(f.widthMm * 0.8, h * 6);
      return {
        id,
        type: 'text',
        box: { x: at.x - w / 2, y: at.y - h / 2, w, h },
        text: NEW_TEXT,
        placeholder: NEW_TEXT,
        font: { family: 'Noto Sans SC', weight: 700 },
        size: { mode: 'fit', minMm: Math.max(1, h * 0.1), maxMm: h * 0.7 },
        colour: opts.colour ?? presetColour('rich-black'),
        letterSpacing: 0,
        lineHeight: 1.25,
        align: 'center',
        valign: 'middle',
        writing: 'horizontal',
        balance: true,
      };
    }
    case 'rect':
    case 'rounded':
      return { id, type: 'rect', box: square(unit * 0.25), radiusMm: kind === 'rounded' ? unit * 0.03 : 0, fill };
    case 'ellipse':
      return { id, type: 'ellipse', box: { ...square(unit * 0.25), w: unit * 0.35, x: at.x - unit * 0.175 }, fill };
    case 'circle':
      return { id, type: 'ellipse', box: square(unit * 0.25), fill };
    case 'burst':
      // The market's price-sticker star (shape-presets.ts), banner yellow to stand out on red.
      return {
        id,
        type: 'shape',
        shape: 'burst',
        box: square(unit * 0.3),
        fill: opts.colour ?? presetColour('banner-yellow'),
        radiusMm: 0,
        rotateDeg: 0,
        opacity: 1,
      };
    case 'line': {
      const half = unit * 0.2;
      return {
        id,
        type: 'line',
        from: { x: at.x - half, y: at.y },
        to: { x: at.x + half, y: at.y },
        stroke: { colour: opts.colour ?? presetColour('rich-black'), widthMm: Math.max(0.3, unit * 0.008) },
      };
    }
    case 'qr': {
      const content = opts.qr?.trim() || 'https://www.gjfzzx.cn/';
      return {
        id,
        type: 'qr',
        box: square(unit * 0.2),
        content,
        ...(opts.qr?.trim() ? {} : { placeholder: content }),
        dark: presetColour('black'),
        light: presetColour('white'),
        ecLevel: 'M',
        quietZone: 4,
      };
    }
    case 'illustration':
      return {
        id,
        type: 'illustration',
        box: square(unit * 0.25),
        illustration: opts.illustration ?? 'fish',
        opacity: 1,
        flip: false,
      };
  }
}

/** Refuses an image that would take the design file past its cap (images are embedded on save). */
export function checkRoom(design: Design, bytes: number, name = '图片', replacing = 0): void {
  if (((imageBytes(design) - replacing + bytes) * 4) / 3 > MAX_DESIGN_FILE_BYTES - DESIGN_FILE_MARGIN)
    throw new StudioError(
      'too-large',
      `放入「${name}」（${formatBytes(bytes)}）后，设计文件会超过 ${formatBytes(MAX_DESIGN_FILE_BYTES)}，无法保存。请先压缩图片（建议 20 MB 以下）。`,
    );
}

/**
 * A new image element showing `ref` (a picked, pasted or dropped photo, or the unit's logo or
 * mascot with `bind`), fitted whole into a box a third of the page's shorter side, centred at `at`.
 */
export function addImage<D extends StudioLike>(
  design: D,
  ref: AssetRef,
  opts: { at?: Point; bind?: ImageBind; label?: string } = {},
): { design: D; id: string } {
  checkRoom(design, ref.bytes, ref.name);
  const f = design.format;
  const at = opts.at ?? { x: f.widthMm / 2, y: f.heightMm / 2 };
  const side = Math.min(f.widthMm, f.heightMm) / 3;
  const ratio = ref.widthPx / ref.heightPx;
  const w = ratio >= 1 ? side : side * ratio;
  const h = ratio >= 1 ? side / ratio : side;
  const assetId = newAssetId(design);
  const id = uniqueId(design, opts.bind ?? 'image');
  const el: Element = {
    id,
    type: 'image',
    box: { x: at.x - w / 2, y: at.y - h / 2, w, h },
    asset: assetId,
    fit: opts.bind ? 'contain' : 'cover',
    radiusMm: 0,
    ...(opts.bind ? { bind: opts.bind } : {}),
    ...(opts.label ? { label: opts.label } : {}),
  };
  const withAsset: D = { ...design, assets: { ...design.assets, [assetId]: ref } };
  return { design: addElement(withAsset, el), id };
}

/** Removes elements (not locked ones); their images go too, and pictures that followed a removed text keep their own picture. */
export function deleteElements<D extends Design>(design: D, ids: readonly string[]): D {
  if (!ids.length) return design;
  refuseLocked(design, ids, '删除');
  const gone = new Set(ids);
  const elements = design.elements
    .filter((e) => !gone.has(e.id))
    .map((e): Element => {
      if (e.type !== 'illustration' || !e.follow || !gone.has(e.follow.element)) return e;
      const { follow: _f, ...rest } = e;
      return rest;
    });
  return withoutUnused(withElements(design, elements));
}

/** What the editor's clipboard holds: elements and the images they show, by reference. */
export interface ElementClip {
  kind: 'campaign-studio/elements';
  elements: Element[];
  assets: Record<string, AssetRef>;
}

/**
 * The elements `ids` as a clip. `drawn`: what each picture that follows a text draws now (the
 * preview's geometry); one copied without its text becomes that picture, so a paste elsewhere
 * shows what was copied instead of picking again from another slogan.
 */
export function copyElements(
  design: StudioLike,
  ids: readonly string[],
  drawn: ReadonlyMap<string, string> = new Map(),
): ElementClip {
  const set = new Set(ids);
  const elements = design.elements
    .filter((e) => set.has(e.id))
    .map((e): Element => {
      const pin = e.type === 'illustration' && e.follow && !set.has(e.follow.element) ? drawn.get(e.id) : undefined;
      if (e.type !== 'illustration' || pin === undefined) return e;
      const { follow: _f, ...rest } = e;
      return { ...rest, illustration: pin };
    });
  const assets: Record<string, AssetRef> = {};
  for (const e of elements)
    if (e.type === 'image' && e.asset && design.assets[e.asset]) assets[e.asset] = design.assets[e.asset]!;
  return { kind: 'campaign-studio/elements', elements: structuredClone(elements), assets: { ...assets } };
}

/**
 * Pastes a clip: new ids (a pasted copy never takes a slot the design has: a batch column or the
 * profile would fill both), images under new asset ids, offset by (dx, dy) mm, unlocked, on top.
 */
export function pasteElements<D extends StudioLike>(
  design: D,
  clip: ElementClip,
  dx = 0,
  dy = 0,
): { design: D; ids: string[] } {
  roomFor(design, clip.elements.length);
  checkRoom(
    design,
    Object.values(clip.assets).reduce((s, a) => s + assetBytes(a), 0),
  );
  const taken = new Set<string>();
  const idMap = new Map<string, string>();
  for (const e of clip.elements) {
    const id = uniqueId(design, e.id, taken);
    taken.add(id);
    idMap.set(e.id, id);
  }
  let assets = { ...design.assets };
  const assetMap = new Map<string, string>();
  for (const [old, ref] of Object.entries(clip.assets)) {
    const same = Object.entries(assets).find(([, a]) => a.sha256 === ref.sha256);
    const id = same ? same[0] : newAssetId({ ...design, assets });
    assets = { ...assets, [id]: ref };
    assetMap.set(old, id);
  }
  const slots = new Set(design.elements.flatMap((e) => (e.slot ? [e.slot] : [])));
  const pasted = clip.elements.map((e): Element => {
    const { locked: _l, ...el } = e;
    const copy = { ...el, id: idMap.get(e.id)! } as Element;
    if (copy.slot && slots.has(copy.slot)) delete copy.slot;
    if (copy.type === 'line') {
      copy.from = { x: copy.from.x + dx, y: copy.from.y + dy };
      copy.to = { x: copy.to.x + dx, y: copy.to.y + dy };
    } else copy.box = { ...copy.box, x: copy.box.x + dx, y: copy.box.y + dy };
    if (copy.type === 'image' && copy.asset) copy.asset = assetMap.get(copy.asset) ?? copy.asset;
    if (copy.type === 'illustration' && copy.follow) {
      const to = idMap.get(copy.follow.element);
      if (to) copy.follow = { ...copy.follow, element: to };
      else if (!design.elements.some((t) => t.id === copy.follow?.element && t.type === 'text')) delete copy.follow;
    }
    return copy;
  });
  return { design: withElements({ ...design, assets }, [...design.elements, ...pasted]), ids: pasted.map((e) => e.id) };
}

/** Duplicates elements, offset a little down and right, on top. */
export function duplicateElements<D extends StudioLike>(
  design: D,
  ids: readonly string[],
  offset: number,
): { design: D; ids: string[] } {
  return pasteElements(design, copyElements(design, ids), offset, offset);
}

/** Whether a value read back from storage is an element clip. */
export const isElementClip = (v: unknown): v is ElementClip =>
  typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'campaign-studio/elements';
