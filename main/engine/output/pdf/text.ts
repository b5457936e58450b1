import type { Face } from '../../fonts/face.js';
import type { PlacedGlyph, TextRunItem } from '../../scene/types.js';
import { glyphPath } from '../svg.js';
import { useFace, type DrawContext } from './context.js';

/** Positions agree when within a micrometre. */
const EPS_MM = 1e-3;

/**
 * One text run, drawn as the SVG writer draws it: the stroke (if any) as glyph outlines under the
 * fill, then the fill. The fill is real, searchable text where pdfkit would place exactly the
 * scene's glyphs; any glyph it would not (vertical alternates, odd shaping) is drawn as an outline,
 * so the page never differs from the preview. With `outlineText` every glyph is an outline.
 */
export function drawTextRun(ctx: DrawContext, t: TextRunItem): void {
  if (t.glyphs.length === 0) return;
  const s = t.sizeMm / t.face.unitsPerEm;
  const { doc, paint } = ctx;
  if (t.stroke && t.stroke.widthMm > 0) {
    doc.save();
    doc.strokeColor(paint.of(t.stroke.colour)).lineWidth(t.stroke.widthMm / s).lineJoin('round');
    outlines(ctx, t.face, t.glyphs, s, () => doc.stroke());
    doc.restore();
  }
  doc.save();
  doc.fillColor(paint.of(t.fill));
  if (ctx.outlineText) {
    outlines(ctx, t.face, t.glyphs, s, () => doc.fill());
  } else if (t.together && shapesLikeScene(t)) {
    const first = t.glyphs[0] as PlacedGlyph;
    setText(ctx, t, t.text, first.x, first.y, t.spacingMm);
  } else {
    const rest: PlacedGlyph[] = [];
    for (const g of t.glyphs) {
      if (g.text && singleGlyph(t.face, g.text) === g.gid) setText(ctx, t, g.text, g.x, g.y, 0);
      else rest.push(g);
    }
    if (rest.length > 0) outlines(ctx, t.face, rest, s, () => doc.fill());
  }
  doc.restore();
}

/**
 * Real text at a baseline point (mm). pdfkit flips y around the current space itself, so this
 * works under the page's mm transform; `features: []` makes it shape the whole string once, as
 * fontkit's default layout did (without it pdfkit shapes word by word).
 */
function setText(ctx: DrawContext, t: TextRunItem, text: string, x: number, y: number, spacingMm: number): void {
  useFace(ctx, t.face);
  ctx.doc.fontSize(t.sizeMm).text(text, x, y, {
    lineBreak: false,
    baseline: 'alphabetic',
    features: [],
    characterSpacing: spacingMm,
  });
}

/** Each glyph's outline in font units (y up), placed by matrix(s 0 0 -s x y), then painted. */
function outlines(ctx: DrawContext, face: Face, glyphs: readonly PlacedGlyph[], s: number, paintPath: () => void): void {
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

/** Whether pdfkit setting `t.text` from the first glyph would put every glyph where the scene has it. */
export function shapesLikeScene(t: TextRunItem): boolean {
  const run = t.face.font.layout(t.text, []);
  if (run.glyphs.length !== t.glyphs.length) return false;
  const s = t.sizeMm / t.face.unitsPerEm;
  const first = run.positions[0];
  const g0 = t.glyphs[0];
  if (!first || !g0) return false;
  let penX = g0.x - first.xOffset * s;
  const penY = g0.y + first.yOffset * s;
  for (let i = 0; i < t.glyphs.length; i++) {
    const g = t.glyphs[i] as PlacedGlyph;
    const glyph = run.glyphs[i];
    const pos = run.positions[i];
    if (!glyph || !pos || glyph.id !== g.gid) return false;
    if (Math.abs(penX + pos.xOffset * s - g.x) > EPS_MM || Math.abs(penY - pos.yOffset * s - g.y) > EPS_MM) return false;
    penX += pos.xAdvance * s + t.spacingMm;
  }
  return true;
}

const singleCache = new Map<string, number>();

/** The glyph pdfkit would set for `text` alone, or -1 when it is not exactly one glyph. */
function singleGlyph(face: Face, text: string): number {
  const k = `${face.key}|${text}`;
  let gid = singleCache.get(k);
  if (gid === undefined) {
    const run = face.font.layout(text, []);
    gid = run.glyphs.length === 1 ? (run.glyphs[0] as { id: number }).id : -1;
    singleCache.set(k, gid);
  }
  return gid;
}
