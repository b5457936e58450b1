import type { Face } from '../fonts/face.js';

export interface ShapedGlyph {
  id: number;
  codePoints: number[];
  /** Font units. */
  xAdvance: number;
  xOffset: number;
  yOffset: number;
}

/**
 * Characters whose shaping is the identity: one glyph each from the cmap, advanced by its own
 * width, no substitution or positioning under the default features. Ideographs, CJK punctuation,
 * fullwidth and vertical forms, digits, the space, · and × are such in the bundled faces (checked for every
 * one of them by test/engine/layout/shape.test.ts; the kana repeat marks 〱–〵 ligate, so they
 * are left out). Slogans and hotlines are made of nothing else, so they skip
 * fontkit's GSUB/GPOS parse, which costs ~80 ms per face on first use.
 */
const SIMPLE =
  /^[ 0-9\u00B7\u00D7\u3000-\u3030\u3036-\u303F\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFE10-\uFE1F\uFE30-\uFE4F\uFF01-\uFF5E]+$/u;
/** The same without digits and the space, for faces that kern digit pairs (Ma Shan Zheng does). */
const SIMPLE_NO_DIGITS =
  /^[\u00B7\u00D7\u3000-\u3030\u3036-\u303F\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFE10-\uFE1F\uFE30-\uFE4F\uFF01-\uFF5E]+$/u;
const KERNED_DIGITS = new Set(['Ma Shan Zheng']);

const cache = new Map<string, ShapedGlyph[]>();

/** Shape a run of one face: the cmap for simple CJK text, fontkit's full layout otherwise. */
export function shape(face: Face, text: string): ShapedGlyph[] {
  const k = `${face.key}|${text}`;
  let out = cache.get(k);
  if (out) return out;
  if ((KERNED_DIGITS.has(face.family) ? SIMPLE_NO_DIGITS : SIMPLE).test(text)) {
    out = [...text].map((ch) => {
      const id = face.font.glyphForCodePoint(ch.codePointAt(0)!).id;
      return { id, codePoints: [ch.codePointAt(0)!], xAdvance: face.advance(id), xOffset: 0, yOffset: 0 };
    });
  } else out = fullLayout(face, text);
  if (cache.size > 5000) cache.clear();
  cache.set(k, out);
  return out;
}

/** fontkit's own shaping (GSUB, GPOS) with the default features. */
export function fullLayout(face: Face, text: string): ShapedGlyph[] {
  const run = face.font.layout(text);
  return run.glyphs.map((g, i) => {
    const p = run.positions[i]!;
    return { id: g.id, codePoints: [...g.codePoints], xAdvance: p.xAdvance, xOffset: p.xOffset, yOffset: p.yOffset };
  });
}
