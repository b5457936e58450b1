import type { ApiValue, PreviewLayer } from '../../core/api.js';
import type { Design, StudioDesign } from '../../core/index.js';
import { prepareAssets, type AssetLoader } from '../../engine/assets/prepare.js';
import { screenImages } from '../../engine/assets/screen-images.js';
import { sceneToSvg } from '../../engine/output/svg.js';
import { preflight as runPreflight } from '../../engine/preflight/preflight.js';
import { buildScene, type BuiltScene } from '../../engine/scene/build-scene.js';
import type { LayoutNote, Scene, SceneItem } from '../../engine/scene/types.js';

/** A design's scene as the preview draws it: photos at screen size, placed as in print. */
export async function previewScene(design: Design, load?: AssetLoader): Promise<BuiltScene> {
  return buildScene(design, await screenImages(await prepareAssets(design, load)));
}

/**
 * A batch row's preview: the engine's own SVG, photos inside as data URIs at screen size (the
 * row's photos are files beside the table, not images the page already has).
 */
export function rowPreview({ scene }: BuiltScene): { svg: string; notes: LayoutNote[] } {
  return { svg: sceneToSvg(scene), notes: notesOf(scene) };
}

const notesOf = (scene: Scene): LayoutNote[] =>
  scene.notes.map((n) => ({ elementId: n.elementId, kind: n.kind, message: n.message }));

/**
 * The editor's preview: the engine's SVG (glyph outlines: what the user sees is what prints) cut
 * into layers at each photo of the design's own, which the page shows by reference from the
 * image store; drawn in the scene's order, so a photo under a text stays under it.
 */
export function previewLayers({ scene }: BuiltScene, bleed = false): ApiValue<'previewSvg'> {
  const layers: PreviewLayer[] = [];
  let run: SceneItem[] = [];
  const flush = (always = false) => {
    if (run.length || always) layers.push({ kind: 'svg', svg: sceneToSvg({ ...scene, items: run }, { bleed }) });
    run = [];
  };
  for (const it of scene.items) {
    if (it.kind !== 'image') run.push(it);
    else {
      flush();
      const { x, y, w, h } = it;
      layers.push({ kind: 'photo', sha256: it.image.sha256, box: { x, y, w, h }, clip: it.clip });
    }
  }
  flush(layers.length === 0);
  return { layers, notes: notesOf(scene) };
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
    return previewLayers(await this.get(design), bleed);
  }

  async preflight(design: StudioDesign): Promise<ApiValue<'preflight'>> {
    return runPreflight(design, await this.get(design));
  }
}
