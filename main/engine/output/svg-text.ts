import type { TextRunItem } from '../scene/types.js';
import { esc, n, paint } from './svg-format.js';

/** Where a text run's SVG goes: definitions (gradients, clips) and fresh ids for them. */
export interface SvgTextContext {
  defs: string[];
  newId: (prefix: string) => string;
}

/**
 * One text run as SVG. `uses` places the run's glyph outlines (defined once per page); a stroke is
 * drawn under the fill with round joins, as the PDF draws it. A decoration layer (shadow,
 * outline) is the glyphs' silhouette in one colour. A gradient fill is a rectangle painted with
 * the gradient and clipped to the glyphs: a gradient referenced from the glyphs themselves would
 * be laid out in each glyph's own (font unit) space, not across the text block.
 */
export function textSvg(t: TextRunItem, uses: string, ctx: SvgTextContext): string {
  const out: string[] = [];
  const el = ` data-element="${esc(t.elementId)}"`;
  const k = t.sizeMm / t.face.unitsPerEm;
  if (t.stroke && t.stroke.widthMm > 0) {
    // Stroke first, fill over it: the outline grows outward only, as in the PDF.
    const sw = t.stroke.widthMm / k;
    const fill = t.decoration ? paint(t.stroke.colour) : 'none';
    out.push(
      `<g fill="${fill}" stroke="${paint(t.stroke.colour)}" stroke-width="${n(sw)}" stroke-linejoin="round"${el}>${uses}</g>`,
    );
    if (t.decoration) return out.join('');
  }
  if (!t.gradient || t.decoration) {
    out.push(`<g fill="${paint(t.fill)}"${el}>${uses}</g>`);
    return out.join('');
  }
  const g = t.gradient;
  const grad = ctx.newId('tg');
  const clip = ctx.newId('tc');
  ctx.defs.push(
    `<linearGradient id="${grad}" gradientUnits="userSpaceOnUse" x1="${n(g.x1)}" y1="${n(g.y1)}" x2="${n(g.x2)}" y2="${n(g.y2)}">` +
      g.stops.map((st) => `<stop offset="${n(st.offset)}" stop-color="${paint(st.colour)}"/>`).join('') +
      '</linearGradient>',
    `<clipPath id="${clip}" clipPathUnits="userSpaceOnUse">${uses}</clipPath>`,
  );
  // The clip gives the shape; the rectangle only has to cover every glyph's em box and overshoot.
  const xs = t.glyphs.map((gl) => gl.x);
  const ys = t.glyphs.map((gl) => gl.y);
  const x0 = Math.min(...xs) - t.sizeMm;
  const x1 = Math.max(...xs) + 2 * t.sizeMm;
  const y0 = Math.min(...ys) - 1.5 * t.sizeMm;
  const y1 = Math.max(...ys) + t.sizeMm;
  out.push(
    `<rect x="${n(x0)}" y="${n(y0)}" width="${n(x1 - x0)}" height="${n(y1 - y0)}" fill="url(#${grad})" clip-path="url(#${clip})"${el}/>`,
  );
  return out.join('');
}
