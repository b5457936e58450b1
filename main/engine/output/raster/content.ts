import { turnedRect } from '../../../core/design/geometry.js';
import { rgbBytes } from '../../../core/index.js';
import { glyphBox, type Box } from '../../fonts/glyph-box.js';
import type { GradientItem, PathItem, Scene, SceneItem } from '../../scene/types.js';
import type { SvgRegion } from '../svg.js';
import { SVG_TILE_GRID_PX, pixelRegionMm, type RasterPlan, type TileRect } from './strip-plan.js';

/**
 * What a strip needs drawn. Most of a poster or banner is its ground with nothing on top: an
 * opaque rectangle, whose pixels are exactly its colour (full coverage, no blending), or a
 * top-to-bottom gradient, the same across each row. Those pixels are filled directly and only the
 * columns where something else is drawn go to librsvg, cut on the same 2000 px grid as every tile
 * (strip-plan.ts). For a rectangle the result is byte-identical to drawing everything; a gradient
 * is sampled once per row and may differ by 1/255, as librsvg's own tiles do.
 */
export type Ground =
  /** An opaque rectangle: one colour. */
  | { kind: 'solid'; rgb: [number, number, number] }
  /** A top-to-bottom gradient: one colour per row, sampled from librsvg (strips.ts). */
  | { kind: 'vertical'; item: GradientItem };

export interface StripContent {
  /** What covers the whole strip under everything else; null when there is no such ground (draw it all). */
  ground: Ground | null;
  /** Pixel columns to draw with librsvg; empty when the strip is all ground. */
  spans: TileRect[];
}

/** Pixels of slack around boxes: anti-aliasing reaches at most one pixel further. */
const MARGIN_PX = 2;

const pathBoxCache = new WeakMap<PathItem, Box>();
const EVERYWHERE: Box = [-Infinity, -Infinity, Infinity, Infinity];

/** Box of a path of absolute M/L/H/V/Z commands (what the scene builder writes); unknown = everywhere. */
function pathBox(p: PathItem): Box {
  let b = pathBoxCache.get(p);
  if (b === undefined) {
    const tokens = p.d.match(/[A-Za-z]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g) ?? [];
    let x = 0,
      y = 0,
      cmd = '';
    let x0 = Infinity,
      y0 = Infinity,
      x1 = -Infinity,
      y1 = -Infinity;
    let ok = true;
    for (let i = 0; i < tokens.length && ok;) {
      const t = tokens[i]!;
      if (/[A-Za-z]/.test(t)) {
        cmd = t;
        i++;
        if (cmd === 'Z') continue;
        if (!'MLHV'.includes(cmd)) ok = false;
        continue;
      }
      if (cmd === 'M' || cmd === 'L') {
        x = Number(t);
        y = Number(tokens[i + 1]);
        i += 2;
      } else if (cmd === 'H') {
        x = Number(t);
        i++;
      } else if (cmd === 'V') {
        y = Number(t);
        i++;
      } else ok = false;
      if (!Number.isFinite(x) || !Number.isFinite(y)) ok = false;
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
    }
    b = ok && x0 <= x1 ? [x0, y0, x1, y1] : EVERYWHERE;
    pathBoxCache.set(p, b);
  }
  return b;
}

const overlaps = (b: Box, r: SvgRegion): boolean =>
  b[2] >= r.x && b[0] <= r.x + r.w && b[3] >= r.y && b[1] <= r.y + r.h;

const ANYWHERE: SvgRegion = { x: -1e9, y: -1e9, w: 2e9, h: 2e9 };

/** Where an item puts ink on the page (stroke and rotation included), as a box [x0, y0, x1, y1]. */
export const inkBox = (it: SceneItem): Box | null => inkIn(it, ANYWHERE);

/** The part of an item's ink (stroke included) that may fall in `r`, as a box; null if none. */
function inkIn(it: SceneItem, r: SvgRegion): Box | null {
  if (it.rotate) {
    const u = inkIn({ ...it, rotate: undefined }, ANYWHERE);
    if (!u || !u.every(Number.isFinite)) return u && overlaps(u, r) ? u : null;
    const t = turnedRect({ x: u[0], y: u[1], w: u[2] - u[0], h: u[3] - u[1] }, it.rotate.deg, {
      x: it.rotate.cx,
      y: it.rotate.cy,
    });
    const b: Box = [t.x, t.y, t.x + t.w, t.y + t.h];
    return overlaps(b, r) ? b : null;
  }
  const pad = 'stroke' in it && it.stroke ? it.stroke.widthMm : 0;
  let b: Box;
  switch (it.kind) {
    case 'rect':
    case 'gradient':
      b = [it.x, it.y, it.x + it.w, it.y + it.h];
      break;
    case 'image':
      b = [it.clip.x, it.clip.y, it.clip.x + it.clip.w, it.clip.y + it.clip.h];
      break;
    case 'ellipse':
      b = [it.cx - it.rx, it.cy - it.ry, it.cx + it.rx, it.cy + it.ry];
      break;
    case 'line':
      b = [Math.min(it.x1, it.x2), Math.min(it.y1, it.y2), Math.max(it.x1, it.x2), Math.max(it.y1, it.y2)];
      break;
    case 'path':
      b = pathBox(it);
      break;
    case 'vector':
    case 'shape':
      b = [it.bounds.x, it.bounds.y, it.bounds.x + it.bounds.w, it.bounds.y + it.bounds.h];
      break;
    case 'text': {
      const s = it.sizeMm / it.face.unitsPerEm;
      let u: Box | null = null;
      for (const g of it.glyphs) {
        const gb = glyphBox(it.face, g.gid);
        const box: Box = [g.x + gb[0] * s - pad, g.y - gb[3] * s - pad, g.x + gb[2] * s + pad, g.y - gb[1] * s + pad];
        if (!overlaps(box, r)) continue;
        u = u ? [Math.min(u[0], box[0]), Math.min(u[1], box[1]), Math.max(u[2], box[2]), Math.max(u[3], box[3])] : box;
      }
      return u;
    }
  }
  const padded: Box = [b[0] - pad, b[1] - pad, b[2] + pad, b[3] + pad];
  return overlaps(padded, r) ? padded : null;
}

/**
 * Slack for rectangles that end exactly on the image edge (a ground over the bleed box). Such a
 * ground counts as covering; librsvg reads the scale as f32 and on a very wide image may land that
 * edge a thousandth of a pixel short and blend the last column by 1/255. The fill is exact.
 */
const EDGE_EPS_MM = 1e-6;

/** The item as a ground if it covers `r` completely and is opaque and flat across each row. */
function asGround(it: SceneItem, r: SvgRegion): Ground | null {
  const e = EDGE_EPS_MM;
  if ((it.kind !== 'rect' && it.kind !== 'gradient') || it.rotate) return null;
  if (!(it.x <= r.x + e && it.y <= r.y + e && it.x + it.w >= r.x + r.w - e && it.y + it.h >= r.y + r.h - e))
    return null;
  if (it.kind === 'rect') return it.fill && !it.stroke && it.r === 0 ? { kind: 'solid', rgb: rgbBytes(it.fill) } : null;
  return it.x1 === it.x2 && it.y1 !== it.y2 ? { kind: 'vertical', item: it } : null;
}

/** What must be drawn of pixel rows [y0, y1) of the image. */
export function stripContent(scene: Scene, plan: RasterPlan, y0: number, y1: number): StripContent {
  const all: StripContent = { ground: null, spans: plan.tiles };
  const m = MARGIN_PX;
  // Ink may reach a couple of pixels into the strip from outside; a ground must cover the strip
  // and that margin, but need not reach past the image's own edges.
  const r = pixelRegionMm(plan, -m, plan.widthPx + m, y0 - m, y1 + m);
  const cover = pixelRegionMm(plan, 0, plan.widthPx, Math.max(0, y0 - m), Math.min(plan.heightPx, y1 + m));
  let g = -1;
  let ground: Ground | null = null;
  for (let i = scene.items.length - 1; i >= 0 && !ground; i--) {
    ground = asGround(scene.items[i]!, cover);
    g = i;
  }
  if (!ground) return all;
  let xMin = Infinity,
    xMax = -Infinity;
  for (let i = g + 1; i < scene.items.length; i++) {
    const ink = inkIn(scene.items[i]!, r);
    if (!ink) continue;
    xMin = Math.min(xMin, ink[0]);
    xMax = Math.max(xMax, ink[2]);
  }
  if (xMin > xMax) return { ground, spans: [] };
  // Ink columns in pixels, widened by the margin and out to the tile grid.
  const grid = SVG_TILE_GRID_PX;
  const px0 = Number.isFinite(xMin) ? Math.floor((xMin - plan.region.x) * plan.kx) - m : 0;
  const px1 = Number.isFinite(xMax) ? Math.ceil((xMax - plan.region.x) * plan.kx) + m : plan.paddedWidthPx;
  const c0 = Math.max(0, Math.floor(px0 / grid) * grid);
  const c1 = Math.min(plan.paddedWidthPx, Math.ceil(px1 / grid) * grid);
  if (c0 >= c1) return { ground, spans: [] };
  const spans = plan.tiles.map((t) => ({ x0: Math.max(t.x0, c0), x1: Math.min(t.x1, c1) })).filter((t) => t.x0 < t.x1);
  return { ground, spans };
}

/** Ink closer than this many rows is one band: a strip of its own would cost more than it saves. */
const BAND_MERGE_ROWS = 16;

/**
 * Pixel rows [y0, y1) where anything but the page's ground is drawn, merged and sorted; null when
 * no single opaque ground covers the whole image (then every row is drawn anyway).
 */
export function inkBands(scene: Scene, plan: RasterPlan): [number, number][] | null {
  const m = MARGIN_PX;
  const whole = pixelRegionMm(plan, 0, plan.widthPx, 0, plan.heightPx);
  let g = -1;
  for (let i = scene.items.length - 1; i >= 0 && g < 0; i--) if (asGround(scene.items[i]!, whole)) g = i;
  if (g < 0) return null;
  const r = pixelRegionMm(plan, -m, plan.widthPx + m, -m, plan.heightPx + m);
  const bands: [number, number][] = [];
  for (let i = g + 1; i < scene.items.length; i++) {
    const ink = inkIn(scene.items[i]!, r);
    if (!ink) continue;
    const y0 = Number.isFinite(ink[1]) ? Math.floor((ink[1] - plan.region.y) * plan.ky) - m : 0;
    const y1 = Number.isFinite(ink[3]) ? Math.ceil((ink[3] - plan.region.y) * plan.ky) + m : plan.heightPx;
    bands.push([Math.max(0, y0), Math.min(plan.heightPx, y1)]);
  }
  bands.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const b of bands) {
    const last = merged[merged.length - 1];
    if (last && b[0] <= last[1] + BAND_MERGE_ROWS) last[1] = Math.max(last[1], b[1]);
    else if (b[1] > b[0]) merged.push([b[0], b[1]]);
  }
  return merged;
}
