import type { Scene, SceneItem, TextRunItem } from '../../scene/types.js';
import { intersects, sceneToSvg, type SvgRegion } from '../svg.js';
import { glyphBox } from '../../fonts/glyph-box.js';
import { pixelRegionMm, type RasterPlan } from './strip-plan.js';

/** Pixels of slack around a tile when culling: anti-aliasing never reaches further than one. */
const CULL_MARGIN_PX = 2;

function cullText(t: TextRunItem, r: SvgRegion): TextRunItem | null {
  const s = t.sizeMm / t.face.unitsPerEm;
  const pad = t.stroke ? t.stroke.widthMm : 0;
  const glyphs = t.glyphs.filter((g) => {
    const b = glyphBox(t.face, g.gid);
    const x0 = g.x + b[0] * s - pad,
      x1 = g.x + b[2] * s + pad;
    const y0 = g.y - b[3] * s - pad,
      y1 = g.y - b[1] * s + pad;
    return x1 >= r.x && x0 <= r.x + r.w && y1 >= r.y && y0 <= r.y + r.h;
  });
  if (glyphs.length === t.glyphs.length) return t;
  return glyphs.length ? { ...t, glyphs } : null;
}

/** The page area (mm) whose items may show in a tile: the tile and the reach of anti-aliasing. */
export const tileCull = (plan: RasterPlan, x0: number, x1: number, y0: number, y1: number): SvgRegion =>
  pixelRegionMm(plan, x0 - CULL_MARGIN_PX, x1 + CULL_MARGIN_PX, y0 - CULL_MARGIN_PX, y1 + CULL_MARGIN_PX);

/** Whether any of `items` draws in `cull` (a tileCull region). */
export const drawsIn = (items: readonly SceneItem[], cull: SvgRegion): boolean =>
  items.some((it) => (it.kind === 'text' && !it.rotate ? cullText(it, cull) !== null : intersects(it, cull)));

/**
 * The SVG of pixel columns [x0,x1) and rows [y0,y1) of the image.
 *
 * The content is the scene's own SVG (sceneToSvg, culled to the tile; glyphs culled one by one),
 * but the root is ours (tileRoot). A white rectangle under everything makes the result opaque
 * ("flattened onto white"); `transparent` leaves it out, for a layer drawn over a photo (strips.ts).
 */
export function tileSvg(
  scene: Scene,
  plan: RasterPlan,
  x0: number,
  x1: number,
  y0: number,
  y1: number,
  transparent = false,
): string {
  const cull = tileCull(plan, x0, x1, y0, y1);
  const items: SceneItem[] = [];
  for (const it of scene.items) {
    // A turned text is kept whole: its glyphs' upright boxes say nothing about where they land.
    if (it.kind === 'text' && !it.rotate) {
      const t = cullText(it, cull);
      if (t) items.push(t);
    } else items.push(it);
  }
  const svg = sceneToSvg({ ...scene, items }, { region: cull, widthPx: x1 - x0, heightPx: y1 - y0 });
  const open = svg.indexOf('>');
  return tileRoot(plan, x0, x1, y0, y1, svg.slice(open + 1, svg.lastIndexOf('</svg>')), !transparent);
}

/**
 * An SVG fragment in page mm as pixel columns [x0,x1) and rows [y0,y1) of the image: an integer
 * pixel translation of the whole image, followed by one scale (px per mm) shared by every tile.
 * sceneToSvg's own viewBox rounds to 0.001 mm and librsvg reads numbers as f32, so a per-tile
 * viewBox would shift each tile by a different fraction of a pixel; integers and a common scale
 * keep tiles byte-identical to a single pass.
 */
export function tileRoot(
  plan: RasterPlan,
  x0: number,
  x1: number,
  y0: number,
  y1: number,
  inner: string,
  opaque: boolean,
): string {
  const w = x1 - x0,
    h = y1 - y0;
  const { region, kx, ky } = plan;
  const origin = region.x !== 0 || region.y !== 0 ? ` translate(${-region.x} ${-region.y})` : '';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">` +
    (opaque ? `<rect width="${w}" height="${h}" fill="#FFFFFF"/>` : '') +
    `<g transform="translate(${-x0} ${-y0})"><g transform="scale(${kx} ${ky})${origin}">${inner}</g></g></svg>`
  );
}
