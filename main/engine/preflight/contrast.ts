import { contrastRatio, luminance, rgbBytes, type TextElement } from '../../core/index.js';
import { sceneToSvg } from '../output/svg.js';
import type { Scene } from '../scene/types.js';
import type { Rect } from './geometry.js';

/** WCAG's minimum for large text: slogans are always large, so 3:1 is the bar. */
export const MIN_CONTRAST = 3;
const SAMPLE_PX = 96;

/**
 * Contrast between a text and what lies behind its glyphs, judged on pixels: everything drawn
 * before the text is rendered small over the text block, and the share of the pixels under the
 * glyphs (a mask of the text's own letters, drawn at the same size) below 3:1 is measured. This
 * sees photos and gradients, not just a background colour — and only what is really behind the
 * letters: the ground under them on the page, not the corners of the block, not what lies off the
 * page, not another text's letters spilling over them.
 */
export async function lowContrastShare(
  scene: Scene,
  el: TextElement,
  block: Rect,
): Promise<{ share: number; worst: number }> {
  const firstOwn = scene.items.findIndex((it) => it.elementId === el.id);
  // The ground: what is drawn before the text, except other texts — letters of an overflowing
  // slogan that run over this one are a collision (reported as overflow), not its background.
  const below: Scene = {
    ...scene,
    items: scene.items.slice(0, firstOwn < 0 ? scene.items.length : firstOwn).filter((it) => it.kind !== 'text'),
  };
  // The letters themselves, black on white, with no outline, shadow or gradient.
  const black = { rgb: '#000000' };
  const letters: Scene = {
    ...scene,
    items: scene.items.flatMap((it) =>
      it.elementId === el.id && it.kind === 'text' && !it.decoration
        ? [{ ...it, fill: black, stroke: undefined, gradient: undefined }]
        : [],
    ),
  };
  // Only what prints: letters that run off the page are behind nothing.
  const b = scene.bleedMm;
  const x0 = Math.max(block.x, -b);
  const y0 = Math.max(block.y, -b);
  const x1 = Math.min(block.x + block.w, scene.widthMm + b);
  const y1 = Math.min(block.y + block.h, scene.heightMm + b);
  if (x1 <= x0 || y1 <= y0) return { share: 0, worst: 21 };
  const region = { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
  const w = SAMPLE_PX;
  const h = Math.min(Math.max(1, Math.round((SAMPLE_PX * region.h) / region.w)), 4 * SAMPLE_PX);
  const [back, mask] = await Promise.all([rasterise(below, region, w, h), rasterise(letters, region, w, h)]);
  // With a stroke wide enough to read as an outline, the fill is read against the stroke instead.
  const ink =
    el.stroke && el.stroke.widthMm >= 0.04 * (el.size.mode === 'fixed' ? el.size.mm : el.size.minMm)
      ? el.stroke.colour
      : el.colour;
  const lt = luminance(rgbBytes(ink));
  if (ink !== el.colour) {
    const c = contrastRatio(lt, luminance(rgbBytes(el.colour)));
    return c < MIN_CONTRAST ? { share: 1, worst: c } : { share: 0, worst: c };
  }
  const n = w * h;
  const under = (i: number) => mask[3 * i]! < 128;
  // Letters too thin to cover a sample pixel: judge the whole block, as before.
  let any = false;
  for (let i = 0; i < n && !any; i++) any = under(i);
  let bad = 0;
  let seen = 0;
  let worst = 21;
  for (let i = 0; i < n; i++) {
    if (any && !under(i)) continue;
    seen++;
    const c = contrastRatio(lt, luminance([back[3 * i]!, back[3 * i + 1]!, back[3 * i + 2]!]));
    if (c < MIN_CONTRAST) bad++;
    if (c < worst) worst = c;
  }
  return { share: seen ? bad / seen : 0, worst };
}

/** A region of a scene as RGB bytes on white, `w` × `h` pixels. */
async function rasterise(scene: Scene, region: Rect, w: number, h: number): Promise<Buffer> {
  const svg = sceneToSvg(scene, { region, widthPx: w, heightPx: h });
  // Loaded when a design needs the check (text over a photo), not with preflight itself.
  const sharp = (await import('sharp')).default;
  return sharp(Buffer.from(svg)).flatten({ background: '#FFFFFF' }).removeAlpha().raw().toBuffer();
}
