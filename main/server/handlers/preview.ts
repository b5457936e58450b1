import type { ApiValue } from '../../core/api.js';
import type { Design, StudioDesign } from '../../core/index.js';
import { prepareAssets, type AssetLoader } from '../../engine/assets/prepare.js';
import { screenImages } from '../../engine/assets/screen-images.js';
import { sceneToSvg } from '../../engine/output/svg.js';
import { preflight as runPreflight } from '../../engine/preflight/preflight.js';
import { buildScene, type BuiltScene } from '../../engine/scene/build-scene.js';

/** A design's scene as the preview draws it: photos at screen size, placed as in print. */
export async function previewScene(design: Design, load?: AssetLoader): Promise<BuiltScene> {
  return buildScene(design, await screenImages(await prepareAssets(design, load)));
}

/**
 * The engine's own SVG (glyph outlines, photos as data URIs at screen size) and the layout's
 * notes: what the user sees is what prints (DESIGN.md §3).
 */
export function previewOf({ scene }: BuiltScene, bleed = false): ApiValue<'previewSvg'> {
  return {
    svg: sceneToSvg(scene, { bleed }),
    notes: scene.notes.map((n) => ({ elementId: n.elementId, kind: n.kind, message: n.message })),
  };
}

/** Designs whose scene is kept: the one being edited, and a step or two of undo. */
const KEEP = 4;

/**
 * The editor's two views of one design state, the live preview and preflight, from one scene:
 * the preview builds it, preflight a moment later
 * finds it here instead of laying the design out again. Keyed by the design's JSON, which is
 * small now that images travel by reference.
 */
export class SceneCache {
  private readonly scenes = new Map<string, Promise<BuiltScene>>();

  constructor(private readonly load: AssetLoader) {}

  get(design: StudioDesign): Promise<BuiltScene> {
    const key = JSON.stringify(design);
    let hit = this.scenes.get(key);
    if (hit) this.scenes.delete(key);
    else {
      hit = previewScene(design, this.load);
      hit.catch(() => this.scenes.delete(key));
    }
    this.scenes.set(key, hit);
    while (this.scenes.size > KEEP) this.scenes.delete(this.scenes.keys().next().value!);
    return hit;
  }

  async preview(design: StudioDesign, bleed = false): Promise<ApiValue<'previewSvg'>> {
    return previewOf(await this.get(design), bleed);
  }

  async preflight(design: StudioDesign): Promise<ApiValue<'preflight'>> {
    return runPreflight(design, await this.get(design));
  }
}
