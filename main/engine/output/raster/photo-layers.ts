import type { Box } from '../../fonts/glyph-box.js';
import type { ImageItem, Scene, SceneItem } from '../../scene/types.js';
import { intersects } from '../svg.js';
import { inkBox } from './content.js';
import { compositeOver, drawPhoto, imageMaskSvg, type PixelCache } from './photos.js';
import { rsvgPixels } from './rsvg.js';
import type { RasterPlan } from './strip-plan.js';
import { drawsIn, tileCull, tileRoot, tileSvg } from './tile-svg.js';

/*
 * A page with photos, drawn in layers: the items under every photo (or beside them) in one librsvg
 * pass, then each photo from its decoded pixels (photos.ts), each followed by the items that must
 * lie over it, drawn by librsvg on a transparent layer and composited. Which layer an item goes to
 * is decided once for the page, never per tile: a pixel is computed the same way whatever tile it
 * falls in, so a striped render stays byte-identical to one pass. Items that do not touch a photo
 * stay in the first pass, where they are exactly what librsvg alone would draw.
 */

export interface PhotoLayers {
  /** Drawn first, opaque on white. */
  base: SceneItem[];
  /** Then, in order, each photo and the items over it. */
  steps: { photo: ImageItem; over: SceneItem[] }[];
}

/** Anti-aliasing reaches at most a pixel beyond a shape; two pixels of slack. */
const TOUCH_PX = 2;

const cache = new WeakMap<Scene, Map<string, PhotoLayers | null>>();

/** The page's layers at this plan's resolution; null when it has no photo. */
export function photoLayers(scene: Scene, plan: RasterPlan): PhotoLayers | null {
  let byPlan = cache.get(scene);
  if (!byPlan) cache.set(scene, (byPlan = new Map()));
  const key = `${plan.kx}:${plan.ky}`;
  let hit = byPlan.get(key);
  if (hit === undefined) {
    hit = layersOf(scene.items, TOUCH_PX / Math.min(plan.kx, plan.ky));
    byPlan.set(key, hit);
  }
  return hit;
}

/** A photo drawn from its pixels here; a turned one is left to librsvg, with the other items. */
const isPhoto = (it: SceneItem): it is ImageItem => it.kind === 'image' && !it.rotate;

function layersOf(items: readonly SceneItem[], slackMm: number): PhotoLayers | null {
  if (!items.some(isPhoto)) return null;
  const boxes = items.map((it): Box | null => {
    const b: Box | null = isPhoto(it)
      ? [it.clip.x, it.clip.y, it.clip.x + it.clip.w, it.clip.y + it.clip.h]
      : inkBox(it);
    return b && [b[0] - slackMm, b[1] - slackMm, b[2] + slackMm, b[3] + slackMm];
  });
  const touch = (a: Box | null, b: Box | null): boolean =>
    !a || !b || (a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3]);
  // An item's layer: the latest one holding something drawn before it that it touches (a photo
  // starts a layer of its own). Whatever it must cover is then drawn before it, and whatever must
  // cover it after it, as in the scene's order.
  const layer: number[] = [];
  const out: PhotoLayers = { base: [], steps: [] };
  items.forEach((it, i) => {
    if (isPhoto(it)) {
      out.steps.push({ photo: it, over: [] });
      layer.push(out.steps.length);
      return;
    }
    let l = 0;
    for (let j = 0; j < i; j++) if (layer[j]! > l && touch(boxes[j]!, boxes[i]!)) l = layer[j]!;
    layer.push(l);
    (l === 0 ? out.base : out.steps[l - 1]!.over).push(it);
  });
  return out;
}

/** Pixel columns [x0,x1) × rows [y0,y1) of a page with photos, as RGB. */
export async function renderLayeredTile(
  scene: Scene,
  layers: PhotoLayers,
  plan: RasterPlan,
  x0: number,
  x1: number,
  y0: number,
  y1: number,
  pixels: PixelCache,
): Promise<Buffer> {
  const w = x1 - x0,
    h = y1 - y0;
  const cull = tileCull(plan, x0, x1, y0, y1);
  const svg = (items: SceneItem[], transparent = false): string =>
    tileSvg({ ...scene, items }, plan, x0, x1, y0, y1, transparent);
  const tile = drawsIn(layers.base, cull)
    ? await rsvgPixels(svg(layers.base), w, h, 'rgb')
    : Buffer.alloc(w * h * 3, 255);
  for (const { photo, over } of layers.steps) {
    if (intersects(photo, cull)) {
      const [px, mask] = await Promise.all([
        pixels.get(photo.image),
        rsvgPixels(tileRoot(plan, x0, x1, y0, y1, imageMaskSvg(photo), false), w, h, 'alpha'),
      ]);
      drawPhoto(tile, w, h, x0, y0, plan, photo, px, mask);
    }
    if (drawsIn(over, cull)) compositeOver(tile, await rsvgPixels(svg(over, true), w, h, 'rgba'));
  }
  return tile;
}
