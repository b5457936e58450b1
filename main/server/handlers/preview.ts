import type { ApiValue } from '../../core/api.js';
import type { Design } from '../../core/index.js';
import { prepareAssets } from '../../engine/assets/prepare.js';
import { screenImages } from '../../engine/assets/screen-images.js';
import { sceneToSvg } from '../../engine/output/svg.js';
import { preflight as runPreflight } from '../../engine/preflight/preflight.js';
import { buildScene } from '../../engine/scene/build-scene.js';

/**
 * The live preview is the engine's own SVG (glyph outlines, images as data URIs), from the same
 * scene every export draws: what the user sees is what prints (DESIGN.md §3). Photos travel at
 * screen size (screen-images.ts); their placement is the print's.
 */
export async function previewSvg(design: Design, bleed = false): Promise<ApiValue<'previewSvg'>> {
  const { scene } = buildScene(design, await screenImages(await prepareAssets(design)));
  return {
    svg: sceneToSvg(scene, { bleed }),
    notes: scene.notes.map((n) => ({ elementId: n.elementId, kind: n.kind, message: n.message })),
  };
}

export const preflight = (design: Design): Promise<ApiValue<'preflight'>> => runPreflight(design);
