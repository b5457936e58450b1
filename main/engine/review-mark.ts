import { ElementSchema, type Design, type Element } from '../core/index.js';

/** The mark's words: what a reader at the print shop or on the street must not miss. */
export const REVIEW_MARK_TEXT = '未审核';

/** Id prefix of the mark's elements (they never collide with a user's: ids are the user's own otherwise). */
const ID = 'review-mark';

/**
 * A design with the 「未审核」 mark (issue #17 §3): a small red stamp — white card, red frame, red
 * bold words — in the top-right corner just inside the safe area, where a poster's corner
 * ornament or margin is and never its slogan or QR code. As ordinary elements it goes through the
 * one pipeline (layout → scene → PDF/raster/SVG), so every output shows the same mark, as text a
 * PDF reader can find. Sized from the page's short side: readable on an A4 and on a banner alike.
 */
export function withReviewMark<D extends Pick<Design, 'format' | 'elements'>>(design: D): D {
  const { widthMm, heightMm, safeMm } = design.format;
  const short = Math.min(widthMm, heightMm);
  const h = Math.max(7, Math.min(60, short * 0.07));
  const w = h * 3.2;
  const inset = Math.max(safeMm, short * 0.02);
  const box = { x: widthMm - inset - w, y: inset, w, h };
  const pad = h * 0.18;
  const mark: Element[] = [
    {
      id: `${ID}-card`,
      type: 'rect',
      box,
      radiusMm: h * 0.12,
      fill: { rgb: '#ffffff', cmyk: [0, 0, 0, 0] },
      stroke: { colour: { rgb: '#d81e06', cmyk: [0, 100, 100, 0] }, widthMm: Math.max(0.4, h * 0.06) },
    },
    {
      id: `${ID}-text`,
      type: 'text',
      box: { x: box.x + pad, y: box.y + pad * 0.6, w: w - 2 * pad, h: h - 1.2 * pad },
      text: REVIEW_MARK_TEXT,
      font: { family: 'Noto Sans SC', weight: 900 },
      size: { mode: 'fit', minMm: 1, maxMm: h },
      colour: { rgb: '#d81e06', cmyk: [0, 100, 100, 0] },
      letterSpacing: 0.15,
    },
  ].map((e) => ElementSchema.parse(e));
  return { ...design, elements: [...design.elements, ...mark] };
}
