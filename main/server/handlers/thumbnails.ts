import { prepareAssets } from '../../engine/assets/prepare.js';
import { renderRasterBuffer } from '../../engine/output/raster/render-raster.js';
import { buildScene } from '../../engine/scene/build-scene.js';
import { getTemplate } from '../../engine/templates.js';

/** Longest side of a gallery thumbnail, px: sharp on a 2× screen at the gallery's card size. */
const THUMB_PX = 360;

const cache = new Map<string, Promise<Buffer>>();

/**
 * A template's thumbnail PNG, drawn by the engine itself (the gallery shows what prints), rendered
 * on first request and kept: 28 templates × ~30 KB.
 */
export function thumbnail(id: string): Promise<Buffer> {
  let hit = cache.get(id);
  if (!hit) {
    hit = (async () => {
      const t = getTemplate(id); // throws a StudioError for an unknown id
      const { scene } = buildScene(t, await prepareAssets(t));
      const landscape = t.format.widthMm >= t.format.heightMm;
      const widthPx = landscape ? THUMB_PX : Math.max(1, Math.round((THUMB_PX * t.format.widthMm) / t.format.heightMm));
      return (await renderRasterBuffer(scene, { format: 'png', widthPx })).data;
    })();
    hit.catch(() => cache.delete(id));
    cache.set(id, hit);
  }
  return hit;
}
