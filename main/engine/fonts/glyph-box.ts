import type { Face } from './face.js';

export type Box = [x0: number, y0: number, x1: number, y1: number];

const glyphBoxCache = new Map<string, Box>();

/**
 * A glyph's outline box in font units (y up), for culling and for where hanging punctuation ends.
 * A glyph without an outline (a space) gets a generous em-sized box rather than none: a glyph
 * wrongly culled would vanish silently.
 */
export function glyphBox(face: Face, gid: number): Box {
  const k = `${face.key}|${gid}`;
  let b = glyphBoxCache.get(k);
  if (b === undefined) {
    face.ensureGlyphs([gid]); // outlines are read on demand
    const bb = face.font.getGlyph(gid).bbox;
    const u = face.unitsPerEm;
    b = Number.isFinite(bb.minX) && bb.maxX >= bb.minX ? [bb.minX, bb.minY, bb.maxX, bb.maxY] : [-u, -u, 2 * u, 2 * u];
    glyphBoxCache.set(k, b);
  }
  return b;
}
