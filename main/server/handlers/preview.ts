import { createHash } from 'node:crypto';
import type { ApiValue, PreviewAnswerLayer, PreviewGeometry } from '../../core/api.js';
import type { Design, StudioDesign } from '../../core/index.js';
import { prepareAssets, type AssetLoader } from '../../engine/assets/prepare.js';
import { screenImages } from '../../engine/assets/screen-images.js';
import { resolvedIllustration } from '../../engine/illustrations.js';
import { inkBox } from '../../engine/output/raster/content.js';
import { pageRegion, sceneToSvg, type SvgRegion } from '../../engine/output/svg.js';
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

/** Slack around an element's ink for its layer's frame: anti-aliasing and rounding, mm. */
const LAYER_PAD_MM = 0.5;

/** Where a run of items puts ink, padded and cut to the page drawn; null when none of it shows. */
function layerRegion(items: readonly SceneItem[], page: SvgRegion): SvgRegion | null {
  const boxes = items.map(inkBox).filter((b): b is NonNullable<typeof b> => b !== null && b.every(Number.isFinite));
  if (boxes.length < items.length) return page;
  if (!boxes.length) return null;
  const x0 = Math.max(page.x, Math.min(...boxes.map((b) => b[0])) - LAYER_PAD_MM);
  const y0 = Math.max(page.y, Math.min(...boxes.map((b) => b[1])) - LAYER_PAD_MM);
  const x1 = Math.min(page.x + page.w, Math.max(...boxes.map((b) => b[2])) + LAYER_PAD_MM);
  const y1 = Math.min(page.y + page.h, Math.max(...boxes.map((b) => b[3])) + LAYER_PAD_MM);
  return x1 > x0 && y1 > y0 ? { x: x0, y: y0, w: x1 - x0, h: y1 - y0 } : null;
}

const rectOf = (b: readonly number[]) => ({ x: b[0]!, y: b[1]!, w: b[2]! - b[0]!, h: b[3]! - b[1]! });

/** Each element's drawn extent and, for texts, the block and fitted size (PreviewGeometrySchema). */
function geometry({ scene, text }: BuiltScene): PreviewGeometry[] {
  const ink = new Map<string, number[]>();
  for (const it of scene.items) {
    const b = inkBox(it);
    if (!b || !b.every(Number.isFinite)) continue;
    const u = ink.get(it.elementId);
    ink.set(
      it.elementId,
      u ? [Math.min(u[0]!, b[0]), Math.min(u[1]!, b[1]), Math.max(u[2]!, b[2]), Math.max(u[3]!, b[3])] : [...b],
    );
  }
  const ids = new Set([...ink.keys(), ...text.keys()]);
  ids.delete('background');
  return [...ids].map((id) => {
    const b = ink.get(id);
    const lay = text.get(id);
    return {
      id,
      ...(b ? { ink: rectOf(b) } : {}),
      ...(lay ? { block: lay.block, sizeMm: lay.sizeMm } : {}),
    };
  });
}

/**
 * Each picture that follows a text's goods, with the picture it draws now: the page copies that
 * one, not the link, when the text stays behind (pasted into another design, the link would pick
 * from that design's slogan).
 */
export function withFollowedPictures(elements: PreviewGeometry[], design: StudioDesign): PreviewGeometry[] {
  const drawn = new Map(
    design.elements.flatMap((e) =>
      e.type === 'illustration' && e.follow ? [[e.id, resolvedIllustration(e, design)]] : [],
    ),
  );
  if (!drawn.size) return elements;
  const out = elements.map((g) => (drawn.has(g.id) ? { ...g, illustration: drawn.get(g.id)! } : g));
  for (const [id, illustration] of drawn) if (!out.some((g) => g.id === id)) out.push({ id, illustration });
  return out;
}

/** An SVG layer's key: a hash of its markup, so a layer whose markup changed never keeps its key. */
export const layerKey = (svg: string): string => createHash('sha1').update(svg).digest('base64url');

/**
 * The editor's preview: the engine's SVG (glyph outlines: what the user sees is what prints), one
 * layer per element, each framed to where it draws — so the page can move an element under the
 * pointer by moving its layer, and a keystroke redraws only the layer it changed. Photos are
 * layers by reference, which the page shows from the image store. Drawn in the scene's order, so a
 * photo under a text stays under it. An SVG layer whose key is in `have` (the page holds its
 * markup) goes back by key only.
 */
export function previewLayers(
  built: BuiltScene,
  bleed = false,
  have: ReadonlySet<string> = new Set(),
): ApiValue<'previewSvg'> {
  const { scene } = built;
  const page = pageRegion(scene, bleed);
  const layers: PreviewAnswerLayer[] = [];
  const svgLayer = (id: string, svg: string): PreviewAnswerLayer => {
    const key = layerKey(svg);
    return have.has(key) ? { kind: 'known', id, key } : { kind: 'svg', id, svg, key };
  };
  let run: SceneItem[] = [];
  const flush = () => {
    const first = run[0];
    const region = first && layerRegion(run, page);
    if (first && region)
      // No title: renaming the design must not redraw every layer (the page names the preview).
      layers.push(svgLayer(first.elementId, sceneToSvg({ ...scene, name: '', items: run }, { region })));
    run = [];
  };
  for (const it of scene.items) {
    if (run.length && run[0]!.elementId !== it.elementId) flush();
    if (it.kind !== 'image') run.push(it);
    else {
      flush();
      const { x, y, w, h } = it;
      layers.push({
        kind: 'photo',
        id: it.elementId,
        sha256: it.image.sha256,
        box: { x, y, w, h },
        clip: it.clip,
        ...(it.rotate ? { rotate: it.rotate } : {}),
      });
    }
  }
  flush();
  // An empty page still shows as a page.
  if (!layers.length) layers.push(svgLayer('background', sceneToSvg({ ...scene, items: [] }, { bleed })));
  return { layers, notes: notesOf(scene), elements: geometry(built) };
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

  async preview(design: StudioDesign, bleed = false, have?: readonly string[]): Promise<ApiValue<'previewSvg'>> {
    const answer = previewLayers(await this.get(design), bleed, new Set(have));
    return { ...answer, elements: withFollowedPictures(answer.elements, design) };
  }

  async preflight(design: StudioDesign): Promise<ApiValue<'preflight'>> {
    return runPreflight(design, await this.get(design));
  }
}
