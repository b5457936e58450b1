import type { Face } from '../fonts/face.js';
import { faceFor, type ResolvedFont } from '../fonts/font-set.js';
import { shape } from './shape.js';

/** An unbreakable unit with the face that draws it and its advance in em. */
export interface Unit {
  text: string;
  face: Face;
  /** Sum of glyph advances, in em. */
  advanceEm: number;
  glyphCount: number;
  /** Characters no available font has (drawn as .notdef boxes). */
  missing: string[];
  isSpace: boolean;
}

const widthCache = new Map<string, { em: number; glyphs: number }>();

function shapeWidth(face: Face, text: string): { em: number; glyphs: number } {
  const k = `${face.key}|${text}`;
  let w = widthCache.get(k);
  if (!w) {
    const glyphs = shape(face, text);
    let adv = 0;
    for (const g of glyphs) adv += g.xAdvance;
    w = { em: adv / face.unitsPerEm, glyphs: glyphs.length };
    widthCache.set(k, w);
  }
  return w;
}

/**
 * Measure units with font fallback. A unit whose characters need different faces is split by face,
 * so every returned unit is drawn by exactly one face.
 */
export function measureUnits(texts: string[], rf: ResolvedFont): Unit[] {
  const out: Unit[] = [];
  for (const text of texts) {
    let cur = '';
    let curFace: Face | null = null;
    let missing: string[] = [];
    const flush = () => {
      if (!cur || !curFace) return;
      const w = shapeWidth(curFace, cur);
      out.push({
        text: cur,
        face: curFace,
        advanceEm: w.em,
        glyphCount: w.glyphs,
        missing,
        isSpace: /^\s+$/.test(cur),
      });
      cur = '';
      missing = [];
    };
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      const found = faceFor(rf, cp);
      const face = found ?? rf.primary;
      if (curFace && face !== curFace) flush();
      curFace = face;
      cur += ch;
      if (!found && !/\s/.test(ch)) missing.push(ch);
    }
    flush();
  }
  return out;
}

/** Width of a line of units in em, with letter spacing between glyphs (none after the last). */
export function lineWidthEm(units: readonly Unit[], spacingEm: number): number {
  let w = 0;
  let g = 0;
  for (const u of units) {
    w += u.advanceEm;
    g += u.glyphCount;
  }
  return w + Math.max(0, g - 1) * spacingEm;
}
