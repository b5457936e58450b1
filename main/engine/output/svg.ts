import { turnedRect } from '../../core/design/geometry.js';
import type { Face } from '../fonts/face.js';
import type { Scene, SceneItem, ShapeItem, StrokePaint, TextRunItem, VectorItem } from '../scene/types.js';
import { esc, n, paint } from './svg-format.js';
import { textSvg, type SvgTextContext } from './svg-text.js';

/** A region of the page in mm (trim origin), e.g. one raster strip. */
export interface SvgRegion {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface SvgOptions {
  /** What part of the page to show; default the trim box (or trim + bleed with `bleed`). */
  region?: SvgRegion;
  bleed?: boolean;
  /** Pixel size of the SVG viewport; default the region's size in mm. */
  widthPx?: number;
  heightPx?: number;
}

const glyphPathCache = new Map<string, string>();

/** A glyph outline in font units (y up), as SVG path data; cached per face and glyph. */
export function glyphPath(face: Face, gid: number): string {
  const k = `${face.key}|${gid}`;
  let d = glyphPathCache.get(k);
  if (d === undefined) {
    face.ensureGlyphs([gid]);
    d = face.font.getGlyph(gid).path.toSVG();
    glyphPathCache.set(k, d);
  }
  return d;
}

export function pageRegion(scene: Scene, bleed: boolean): SvgRegion {
  const b = bleed ? scene.bleedMm : 0;
  return { x: -b, y: -b, w: scene.widthMm + 2 * b, h: scene.heightMm + 2 * b };
}

const strokeAttrs = (s: StrokePaint | undefined): string =>
  s ? ` stroke="${paint(s.colour)}" stroke-width="${n(s.widthMm)}"` : '';

/** An illustration: its shapes in picture units under one transform to mm. */
export function vectorSvg(it: VectorItem): string {
  const m = it.matrix.map((v) => Number(v.toPrecision(8))).join(' ');
  const shapes = it.shapes.map(
    (sh) =>
      `<path d="${sh.d}" fill="${paint(sh.fill)}"${sh.opacity < 1 ? ` fill-opacity="${n(sh.opacity)}"` : ''}${sh.evenOdd ? ' fill-rule="evenodd"' : ''}/>`,
  );
  return `<g transform="matrix(${m})" data-element="${esc(it.elementId)}">${shapes.join('')}</g>`;
}

/** A shape: fill and stroke with their own opacities (as the PDF's graphics state has them), round joins. */
export function shapeSvg(it: ShapeItem): string {
  const o = it.opacity < 1 ? n(it.opacity) : '';
  const fill = it.fill
    ? `fill="${paint(it.fill)}"${o && ` fill-opacity="${o}"`}${it.evenOdd ? ' fill-rule="evenodd"' : ''}`
    : 'fill="none"';
  const stroke = it.stroke ? `${strokeAttrs(it.stroke)} stroke-linejoin="round"${o && ` stroke-opacity="${o}"`}` : '';
  return `<path d="${it.d}" ${fill}${stroke}/>`;
}

/** Whether an item (other than an upright text: glyphs are culled one by one) may draw in `r`. */
export function intersects(it: SceneItem, r: SvgRegion): boolean {
  if (it.rotate && it.kind !== 'text') {
    const { deg, cx, cy } = it.rotate;
    const b = itemBounds({ ...it, rotate: undefined });
    if (!b) return true;
    const t = turnedRect(b, deg, { x: cx, y: cy });
    return t.x + t.w >= r.x && t.x <= r.x + r.w && t.y + t.h >= r.y && t.y <= r.y + r.h;
  }
  if (it.rotate) return true;
  const b = itemBounds(it);
  if (!b) return true;
  return b.x + b.w >= r.x && b.x <= r.x + r.w && b.y + b.h >= r.y && b.y <= r.y + r.h;
}

/** An item's extent, stroke included (text: unknown here, undefined). */
export function itemBounds(it: SceneItem): SvgRegion | undefined {
  let x0: number, y0: number, x1: number, y1: number;
  switch (it.kind) {
    case 'rect':
    case 'gradient':
      [x0, y0, x1, y1] = [it.x, it.y, it.x + it.w, it.y + it.h];
      break;
    case 'image':
      [x0, y0, x1, y1] = [it.clip.x, it.clip.y, it.clip.x + it.clip.w, it.clip.y + it.clip.h];
      break;
    case 'ellipse':
      [x0, y0, x1, y1] = [it.cx - it.rx, it.cy - it.ry, it.cx + it.rx, it.cy + it.ry];
      break;
    case 'vector':
    case 'shape':
      [x0, y0, x1, y1] = [it.bounds.x, it.bounds.y, it.bounds.x + it.bounds.w, it.bounds.y + it.bounds.h];
      break;
    case 'line':
      [x0, y0, x1, y1] = [
        Math.min(it.x1, it.x2),
        Math.min(it.y1, it.y2),
        Math.max(it.x1, it.x2),
        Math.max(it.y1, it.y2),
      ];
      break;
    default:
      return undefined;
  }
  const pad = 'stroke' in it && it.stroke ? it.stroke.widthMm : 0;
  return { x: x0 - pad, y: y0 - pad, w: x1 - x0 + 2 * pad, h: y1 - y0 + 2 * pad };
}

/** An item's markup inside its element's rotation, if it is turned. */
const turned = (it: SceneItem, markup: string): string =>
  it.rotate ? `<g transform="rotate(${n(it.rotate.deg)} ${n(it.rotate.cx)} ${n(it.rotate.cy)})">${markup}</g>` : markup;

/**
 * The scene as SVG with every glyph as an outline, so librsvg, a browser preview and the PDF all
 * draw the same shapes. Glyph outlines are defined once and placed with <use>.
 */
export function sceneToSvg(scene: Scene, opts: SvgOptions = {}): string {
  const region = opts.region ?? pageRegion(scene, opts.bleed ?? false);
  const defs: string[] = [];
  const body: string[] = [];
  const glyphIds = new Map<string, string>();
  let uid = 0;
  const textContext: SvgTextContext = { defs, newId: (prefix) => `${prefix}${uid++}` };
  const glyphRef = (face: Face, gid: number): string => {
    const k = `${face.key}|${gid}`;
    let id = glyphIds.get(k);
    if (!id) {
      id = `g${glyphIds.size}`;
      glyphIds.set(k, id);
      defs.push(`<path id="${id}" d="${glyphPath(face, gid)}"/>`);
    }
    return id;
  };

  const textUses = (t: TextRunItem): string => {
    // The scale (size / units per em, ~0.05) needs significant digits, not 3 decimals: rounded to
    // 0.05 a 49.71 mm glyph would be drawn 0.6 % too big, 7.5 mm ones 6.7 % too big.
    const s = Number((t.sizeMm / t.face.unitsPerEm).toPrecision(8));
    return t.glyphs
      .map((g) => `<use href="#${glyphRef(t.face, g.gid)}" transform="matrix(${s} 0 0 ${-s} ${n(g.x)} ${n(g.y)})"/>`)
      .join('');
  };

  const push = (it: SceneItem, markup: string) => body.push(turned(it, markup));
  for (const it of scene.items) {
    if (!intersects(it, region)) continue;
    switch (it.kind) {
      case 'rect':
        push(
          it,
          `<rect x="${n(it.x)}" y="${n(it.y)}" width="${n(it.w)}" height="${n(it.h)}"${it.r > 0 ? ` rx="${n(it.r)}"` : ''} fill="${it.fill ? paint(it.fill) : 'none'}"${strokeAttrs(it.stroke)}/>`,
        );
        break;
      case 'ellipse':
        push(
          it,
          `<ellipse cx="${n(it.cx)}" cy="${n(it.cy)}" rx="${n(it.rx)}" ry="${n(it.ry)}" fill="${it.fill ? paint(it.fill) : 'none'}"${strokeAttrs(it.stroke)}/>`,
        );
        break;
      case 'line':
        push(
          it,
          `<line x1="${n(it.x1)}" y1="${n(it.y1)}" x2="${n(it.x2)}" y2="${n(it.y2)}"${strokeAttrs(it.stroke)} stroke-linecap="butt"/>`,
        );
        break;
      case 'path':
        push(it, `<path d="${it.d}" fill="${paint(it.fill)}"/>`);
        break;
      case 'gradient': {
        const id = `lg${uid++}`;
        defs.push(
          `<linearGradient id="${id}" gradientUnits="userSpaceOnUse" x1="${n(it.x1)}" y1="${n(it.y1)}" x2="${n(it.x2)}" y2="${n(it.y2)}">` +
            it.stops.map((st) => `<stop offset="${n(st.offset)}" stop-color="${paint(st.colour)}"/>`).join('') +
            '</linearGradient>',
        );
        push(it, `<rect x="${n(it.x)}" y="${n(it.y)}" width="${n(it.w)}" height="${n(it.h)}" fill="url(#${id})"/>`);
        break;
      }
      case 'image': {
        const id = `clip${uid++}`;
        const c = it.clip;
        defs.push(
          `<clipPath id="${id}"><rect x="${n(c.x)}" y="${n(c.y)}" width="${n(c.w)}" height="${n(c.h)}"${c.r > 0 ? ` rx="${n(c.r)}"` : ''}/></clipPath>`,
        );
        push(
          it,
          `<image clip-path="url(#${id})" x="${n(it.x)}" y="${n(it.y)}" width="${n(it.w)}" height="${n(it.h)}" preserveAspectRatio="none" href="data:${it.image.mime};base64,${it.image.data.toString('base64')}"/>`,
        );
        break;
      }
      case 'vector':
        push(it, vectorSvg(it));
        break;
      case 'shape':
        push(it, shapeSvg(it));
        break;
      case 'text':
        if (it.glyphs.length) push(it, textSvg(it, textUses(it), textContext));
        break;
    }
  }
  const w = opts.widthPx ?? region.w;
  const h = opts.heightPx ?? region.h;
  const unit = opts.widthPx === undefined ? 'mm' : '';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(w)}${unit}" height="${n(h)}${unit}" viewBox="${n(region.x)} ${n(region.y)} ${n(region.w)} ${n(region.h)}" preserveAspectRatio="none">` +
    `<title>${esc(scene.name)}</title><defs>${defs.join('')}</defs>${body.join('')}</svg>`
  );
}
