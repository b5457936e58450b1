import sharp from 'sharp';
import { contrastRatio, luminance, rgbBytes, type TextElement } from '../../core/index.js';
import { sceneToSvg } from '../output/svg.js';
import type { Scene } from '../scene/types.js';
import type { Rect } from './geometry.js';

/** WCAG's minimum for large text: slogans are always large, so 3:1 is the bar. */
export const MIN_CONTRAST = 3;
const SAMPLE_PX = 96;

/**
 * Contrast between a text and what lies behind it, judged on pixels: everything drawn before the
 * text is rendered small over the text block, and the share of pixels below 3:1 is measured. This
 * sees photos and gradients, not just a background colour.
 */
export async function lowContrastShare(
  scene: Scene,
  el: TextElement,
  block: Rect,
): Promise<{ share: number; worst: number }> {
  const firstOwn = scene.items.findIndex((it) => it.elementId === el.id);
  const below: Scene = { ...scene, items: scene.items.slice(0, firstOwn < 0 ? scene.items.length : firstOwn) };
  const w = SAMPLE_PX;
  const h = Math.max(1, Math.round((SAMPLE_PX * block.h) / block.w));
  const svg = sceneToSvg(below, { region: block, widthPx: w, heightPx: Math.min(h, 4 * SAMPLE_PX) });
  const { data, info } = await sharp(Buffer.from(svg))
    .flatten({ background: '#FFFFFF' })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
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
  let bad = 0;
  let worst = 21;
  const n = info.width * info.height;
  for (let i = 0; i < n; i++) {
    const c = contrastRatio(lt, luminance([data[3 * i]!, data[3 * i + 1]!, data[3 * i + 2]!]));
    if (c < MIN_CONTRAST) bad++;
    if (c < worst) worst = c;
  }
  return { share: bad / n, worst };
}
