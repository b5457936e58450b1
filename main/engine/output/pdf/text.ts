import type { Face } from '../../fonts/face.js';
import type { PlacedGlyph, TextGradient, TextRunItem } from '../../scene/types.js';
import { glyphPath } from '../svg.js';
import { useFace, type DrawContext } from './context.js';
import { normaliseStops } from './draw-scene.js';

/**
 * One text run, drawn as the SVG writer draws it: the stroke (if any) as glyph outlines under the
 * fill, then the fill as real, searchable text made of exactly the scene's glyphs (see
 * DrawContext.pending). With `outlineText` every glyph is an outline instead.
 */
export function drawTextRun(ctx: DrawContext, t: TextRunItem): void {
  if (t.glyphs.length === 0) return;
  const s = t.sizeMm / t.face.unitsPerEm;
  const { doc, paint } = ctx;
  if (t.stroke && t.stroke.widthMm > 0) {
    doc.save();
    doc
      .strokeColor(paint.of(t.stroke.colour))
      .lineWidth(t.stroke.widthMm / s)
      .lineJoin('round');
    // A decoration layer is the silhouette: filled and stroked in its one colour.
    if (t.decoration) doc.fillColor(paint.of(t.fill));
    outlines(ctx, t.face, t.glyphs, s, () => (t.decoration ? doc.fillAndStroke() : doc.stroke()));
    doc.restore();
    if (t.decoration) return;
  }
  doc.save();
  if (t.gradient && !t.decoration) doc.fillColor(textGradient(ctx, t.gradient));
  else doc.fillColor(paint.of(t.fill));
  if (ctx.outlineText || t.decoration) outlines(ctx, t.face, t.glyphs, s, () => doc.fill());
  else if (t.together) setGlyphs(ctx, t, t.glyphs);
  else for (const g of t.glyphs) setGlyphs(ctx, t, [g]);
  doc.restore();
}

/** A gradient fill in the scene's space (the current transform), stops as SVG reads them. */
function textGradient(ctx: DrawContext, g: TextGradient): PDFKit.PDFLinearGradient {
  const grad = ctx.doc.linearGradient(g.x1, g.y1, g.x2, g.y2);
  // pdfkit's stop() takes hex or [c,m,y,k]; its d.ts only admits strings.
  for (const st of normaliseStops(g.stops)) grad.stop(st.offset, ctx.paint.of(st.colour) as string);
  return grad;
}

/**
 * Glyphs on one baseline as one text string at the first glyph's pen position. The advances
 * handed to pdfkit are the scene's own gaps (letter spacing taken out, as pdfkit adds it back as
 * Tc), so every glyph lands where the scene put it; pdfkit writes any difference from the glyph's
 * natural width as a TJ adjustment.
 */
function setGlyphs(ctx: DrawContext, t: TextRunItem, glyphs: readonly PlacedGlyph[]): void {
  const face = t.face;
  const k = t.sizeMm / face.unitsPerEm;
  const toPdf = 1000 / face.unitsPerEm;
  const first = glyphs[0] as PlacedGlyph;
  // The subset pdfkit embeds is read from these glyphs' outlines.
  face.ensureGlyphs(glyphs.map((g) => g.gid));
  // pdfkit's encoder reads only these three fields; fontkit Glyph objects would decode the whole
  // hmtx and vmtx tables for their advanceWidth.
  const fk = glyphs.map((g) => ({
    id: g.gid,
    codePoints: [...g.text].map((c) => c.codePointAt(0) as number),
    advanceWidth: face.advance(g.gid),
  }));
  const positions = glyphs.map((g, i) => {
    const next = glyphs[i + 1];
    const natural = face.advance(g.gid) * toPdf;
    return {
      xAdvance: next ? ((next.x - g.x - t.spacingMm) / k) * toPdf : natural,
      yAdvance: 0,
      xOffset: 0,
      yOffset: ((first.y - g.y) / k) * toPdf,
      advanceWidth: natural,
    };
  });
  const text = glyphs.map((g) => g.text).join('') || '\uFFFD';
  ctx.pending = { text, run: { glyphs: fk, positions, advanceWidth: positions.reduce((a, p) => a + p.xAdvance, 0) } };
  try {
    useFace(ctx, face);
    ctx.doc.fontSize(t.sizeMm).text(text, first.x, first.y, {
      lineBreak: false,
      baseline: 'alphabetic',
      characterSpacing: glyphs.length > 1 ? t.spacingMm : 0,
    });
  } finally {
    ctx.pending = null;
  }
}

/** Each glyph's outline in font units (y up), placed by matrix(s 0 0 -s x y), then painted. */
function outlines(
  ctx: DrawContext,
  face: Face,
  glyphs: readonly PlacedGlyph[],
  s: number,
  paintPath: () => void,
): void {
  const { doc } = ctx;
  for (const g of glyphs) {
    const d = glyphPath(face, g.gid);
    if (!d) continue;
    doc.save();
    doc.transform(s, 0, 0, -s, g.x, g.y);
    doc.path(d);
    paintPath();
    doc.restore();
  }
}
