import type { Scene, SceneItem } from '../../scene/types.js';
import type { RasterPlan } from './strip-plan.js';

/** Slack when deciding that a rectangle ends on the page's edge, mm. */
const EDGE_EPS_MM = 1e-6;

/**
 * The scene with rectangles and gradients that end on the right or bottom edge of the scene
 * (the bleed box, or the trim when there is no bleed) carried on through the last pixel column
 * and row. Pixel sizes are rounded up, so those pixels are only partly on the page; without this
 * a red banner with no bleed would end in a pale hairline (the peers' rsvg run sets a background
 * colour for the same reason). Fills that are cut by the edge just continue; nothing else moves.
 */
export function extendToEdges(scene: Scene, plan: RasterPlan): Scene {
  const { region, kx, ky, widthPx, heightPx } = plan;
  const right = region.x + region.w,
    bottom = region.y + region.h;
  // Drawing the trim of a page with bleed: the bleed itself fills those pixels.
  if (right < scene.widthMm + scene.bleedMm - EDGE_EPS_MM) return scene;
  // One pixel past the image, so the extended edge is never anti-aliased.
  const farX = region.x + (widthPx + 1) / kx,
    farY = region.y + (heightPx + 1) / ky;
  let changed = false;
  const items = scene.items.map((it): SceneItem => {
    if (it.rotate || (it.kind !== 'gradient' && !(it.kind === 'rect' && it.r === 0 && !it.stroke && it.fill)))
      return it;
    const x1 = it.x + it.w,
      y1 = it.y + it.h;
    const toRight = Math.abs(x1 - right) < EDGE_EPS_MM && it.x < right;
    const toBottom = Math.abs(y1 - bottom) < EDGE_EPS_MM && it.y < bottom;
    if (!toRight && !toBottom) return it;
    changed = true;
    return { ...it, w: (toRight ? farX : x1) - it.x, h: (toBottom ? farY : y1) - it.y };
  });
  return changed ? { ...scene, items } : scene;
}
