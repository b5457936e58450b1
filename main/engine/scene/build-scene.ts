import type { Background, Design, Element } from '../../core/index.js';
import type { PreparedImage } from '../assets/prepare.js';
import { defaultBreakPunctuation, layoutText, type LayoutOptions, type TextLayout } from '../layout/layout-text.js';
import { nameOf } from '../illustrations.js';
import { layouts as sharedLayouts, type LayoutCache } from './layout-cache.js';
import { gradientLine } from './gradient-line.js';
import { illustrationItems } from './illustration.js';
import { fitImage } from './image-fit.js';
import { offsetOutlines } from './contour.js';
import { qrItems } from './qr.js';
import { shapeItems } from './shape.js';
import type { LayoutNote, Scene, SceneItem } from './types.js';

export interface BuiltScene {
  scene: Scene;
  /** Text layouts by element id, for preflight and the editor. */
  text: Map<string, TextLayout>;
}

function backgroundItems(bg: Background, design: Design, images: Map<string, PreparedImage>): SceneItem[] {
  const b = design.format.bleedMm;
  const page = { x: -b, y: -b, w: design.format.widthMm + 2 * b, h: design.format.heightMm + 2 * b };
  switch (bg.type) {
    case 'colour':
      return [{ kind: 'rect', elementId: 'background', ...page, r: 0, fill: bg.colour }];
    case 'linear-gradient': {
      const stops = [...bg.stops].sort((p, q) => p.offset - q.offset);
      return [{ kind: 'gradient', elementId: 'background', ...page, ...gradientLine(page, bg.angleDeg), stops }];
    }
    case 'image': {
      const img = images.get(bg.asset);
      const under: SceneItem = { kind: 'rect', elementId: 'background', ...page, r: 0, fill: bg.colour };
      return img ? [under, fitImage('background', img, page, bg.fit, undefined, 0)] : [under];
    }
  }
}

function elementItems(
  el: Element,
  images: Map<string, PreparedImage>,
  text: Map<string, TextLayout>,
  notes: LayoutNote[],
  design: Design,
  textOptions: LayoutOptions,
  layouts: LayoutCache | null,
): SceneItem[] {
  switch (el.type) {
    case 'text': {
      const lay = layouts ? layouts.text(el, textOptions) : layoutText(el, textOptions);
      text.set(el.id, lay);
      if (lay.overflow)
        notes.push({
          elementId: el.id,
          kind: 'overflow',
          message: `「${nameOf(el)}」在最小字号 ${lay.sizeMm} mm 时仍超出文本框`,
        });
      if (lay.missing.length)
        notes.push({
          elementId: el.id,
          kind: 'missing-glyph',
          message: `「${nameOf(el)}」中有字体缺少的字符：${lay.missing.join(' ')}（显示为方框）`,
        });
      if (lay.substituted) notes.push({ elementId: el.id, kind: 'font-substituted', message: lay.substituted });
      return lay.runs;
    }
    case 'image': {
      const img = el.asset ? images.get(el.asset) : undefined;
      if (!img) {
        notes.push({ elementId: el.id, kind: 'empty-slot', message: `图片位「${nameOf(el)}」还没有放图片` });
        return [];
      }
      return [fitImage(el.id, img, el.box, el.fit, el.crop, el.radiusMm)];
    }
    case 'qr':
      return qrItems(el);
    case 'rect':
      return [
        {
          kind: 'rect',
          elementId: el.id,
          ...el.box,
          r: Math.min(el.radiusMm, el.box.w / 2, el.box.h / 2),
          ...(el.fill ? { fill: el.fill } : {}),
          ...(el.stroke ? { stroke: el.stroke } : {}),
        },
      ];
    case 'ellipse':
      return [
        {
          kind: 'ellipse',
          elementId: el.id,
          cx: el.box.x + el.box.w / 2,
          cy: el.box.y + el.box.h / 2,
          rx: el.box.w / 2,
          ry: el.box.h / 2,
          ...(el.fill ? { fill: el.fill } : {}),
          ...(el.stroke ? { stroke: el.stroke } : {}),
        },
      ];
    case 'line':
      return [
        { kind: 'line', elementId: el.id, x1: el.from.x, y1: el.from.y, x2: el.to.x, y2: el.to.y, stroke: el.stroke },
      ];
    case 'illustration':
      return illustrationItems(el, design, notes);
    case 'shape':
      return shapeItems(el);
  }
}

/** A piece cut along a picture: the picture's outline grown by the offset (the cut) and by the bleed more. */
function contourOf(f: Design['format'], items: SceneItem[], notes: LayoutNote[]): Pick<Scene, 'contour'> {
  if (f.shape !== 'contour' || !f.contour) return {};
  const { element, offsetMm } = f.contour;
  const art = items.find((it) => it.kind === 'vector' && it.elementId === element);
  const [trim = [], bleed = []] = art?.kind === 'vector' ? offsetOutlines(art, [offsetMm, offsetMm + f.bleedMm]) : [];
  if (trim.length < 3) {
    notes.push({
      elementId: element,
      kind: 'empty-slot',
      message: `模切线要沿的插图「${element}」没有画出来：刀线改为沿成品的矩形，请检查这张贴纸的插图`,
    });
    return {};
  }
  return { contour: { trim, bleed } };
}

export interface BuildOptions {
  /** Where unchanged texts' layouts are found again (layout-cache.ts); null lays every text out anew. */
  layouts?: LayoutCache | null;
}

/**
 * Design → scene: lay out every element once. Synchronous and cheap: it runs per keystroke, and a
 * text whose element and page are as before keeps its layout (layout-cache.ts).
 */
export function buildScene(
  design: Design,
  images: Map<string, PreparedImage> = new Map(),
  opts: BuildOptions = {},
): BuiltScene {
  const layouts = opts.layouts === undefined ? sharedLayouts : opts.layouts;
  const f = design.format;
  const notes: LayoutNote[] = [];
  const text = new Map<string, TextLayout>();
  const items: SceneItem[] = [...backgroundItems(design.background, design, images)];
  const safe = f.safeMm;
  const textOptions: LayoutOptions = {
    breakPunctuation: defaultBreakPunctuation(design),
    hangArea: { x: safe, y: safe, w: f.widthMm - 2 * safe, h: f.heightMm - 2 * safe },
  };
  for (const el of design.elements) {
    if (el.hidden) continue;
    const own = elementItems(el, images, text, notes, design, textOptions, layouts);
    const deg = el.type === 'line' ? 0 : (el.rotation ?? 0) % 360;
    if (deg && el.type !== 'line') {
      // New items: layout may hand out cached runs.
      const rotate = { deg, cx: el.box.x + el.box.w / 2, cy: el.box.y + el.box.h / 2 };
      items.push(...own.map((it) => ({ ...it, rotate })));
    } else items.push(...own);
  }
  const scene: Scene = {
    name: design.name,
    widthMm: f.widthMm,
    heightMm: f.heightMm,
    bleedMm: f.bleedMm,
    safeMm: f.safeMm,
    dpi: f.dpi,
    colourMode: f.colourMode,
    cropMarks: f.cropMarks,
    shape: f.shape,
    cornerMm: f.cornerMm,
    ...contourOf(f, items, notes),
    ...(f.pixels ? { pixels: f.pixels } : {}),
    viewingDistanceM: f.viewingDistanceM,
    items,
    notes,
  };
  return { scene, text };
}
