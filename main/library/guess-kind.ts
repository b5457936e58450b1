import type { SampleKind } from '../core/index.js';

/*
 * What an imported file probably is, from its size alone (DESIGN.md §5's print and WeChat sizes):
 * the user corrects it in the sample's details or with --kind. A PDF has a physical size; an image
 * has one when it carries a print resolution (our exports stamp theirs: 150 dpi and so on; a phone
 * or screen image says 72 or 96); otherwise only its pixels and shape are known.
 */

export interface FileSize {
  /** A PDF's page, or an image at its stamped print resolution. */
  widthMm?: number;
  heightMm?: number;
  widthPx?: number;
  heightPx?: number;
  /** The resolution stamped in an image, if any. */
  dpi?: number;
}

/** The WeChat sizes (phone posters, article cover, square) the studio exports. */
const WECHAT_PX = [
  [1242, 2208],
  [1080, 1920],
  [900, 383],
  [500, 500],
  [1080, 1080],
];
/** Below this an image's stamped resolution is a screen's (72, 96), not a print's. */
const PRINT_DPI = 100;

/** From physical size: banners are long, roll-ups tall and narrow, stickers small, the rest posters. */
function byMillimetres(w: number, h: number): SampleKind {
  const long = Math.max(w, h);
  const ratio = long / Math.min(w, h);
  // 300×70 cm up to 10 m, vertical banners too; a 1:10 proof of one is still as long.
  if (ratio >= 4 || (ratio >= 3 && long >= 1000)) return 'banner';
  if (h > w && ratio >= 2.2 && h >= 1500) return 'rollup'; // 80×200 roll-ups, 60×160 X stands
  if (long <= 150) return 'sticker';
  return 'poster';
}

/** From pixels alone: the WeChat sizes, then the shapes of banners, posters and phone screens. */
function byPixels(w: number, h: number): SampleKind {
  if (WECHAT_PX.some(([a, b]) => (w === a && h === b) || (w === b && h === a))) return 'wechat';
  const ratio = Math.max(w, h) / Math.min(w, h);
  if (ratio >= 3) return 'banner';
  // Paper shapes, portrait: ISO (1.41), 42×57 (1.36), 50×70 (1.4), 60×90 (1.5), 70×100 (1.43).
  if (h > w && ratio >= 1.3 && ratio <= 1.55 && h >= 1500) return 'poster';
  // Tall and narrow beyond a phone's screen: a roll-up (80×200 cm is 2268×5669 at 72 dpi).
  if (h > w && ratio >= 2.2 && h >= 3000) return 'rollup';
  // Phone screens (9:16, 9:19.5) and the article cover's 2.35:1, at screen sizes.
  if (Math.max(w, h) <= 2560 && ((h > w && ratio >= 1.7) || (w > h && ratio >= 2.2))) return 'wechat';
  return 'other';
}

export function guessKind(s: FileSize): SampleKind {
  if (s.widthMm && s.heightMm) return byMillimetres(s.widthMm, s.heightMm);
  if (!s.widthPx || !s.heightPx) return 'other';
  if (s.dpi && s.dpi >= PRINT_DPI && !WECHAT_PX.some(([a, b]) => s.widthPx === a && s.heightPx === b))
    return byMillimetres((s.widthPx / s.dpi) * 25.4, (s.heightPx / s.dpi) * 25.4);
  return byPixels(s.widthPx, s.heightPx);
}
