import { describe, expect, it } from 'vitest';
import { bundledFaces } from '../../../main/engine/fonts/bundled.js';
import { openFace, type Face } from '../../../main/engine/fonts/face.js';
import { fullLayout, shape } from '../../../main/engine/layout/shape.js';

function chars(face: Face, ranges: [number, number][]): string[] {
  const out: string[] = [];
  for (const [a, b] of ranges)
    for (let cp = a; cp <= b; cp++) if (face.font.hasGlyphForCodePoint(cp)) out.push(String.fromCodePoint(cp));
  return out;
}

const PUNCT: [number, number][] = [
  [0x20, 0x20],
  [0x30, 0x39],
  [0xb7, 0xb7],
  [0xd7, 0xd7],
  [0x3000, 0x3030],
  [0x3036, 0x303f],
  [0xfe10, 0xfe1f],
  [0xfe30, 0xfe4f],
  [0xff01, 0xff5e],
];
const HAN: [number, number][] = [
  [0x4e00, 0x9fff],
  [0x3400, 0x4dbf],
  [0xf900, 0xfaff],
];

describe('the cmap fast path shapes CJK exactly as fontkit’s full layout does', () => {
  for (const src of bundledFaces()) {
    it(`${src.family} ${src.weight}`, () => {
      const face = openFace(src);
      const punct = chars(face, PUNCT);
      const han = chars(face, HAN);
      // Every ideograph in a row, and every punctuation mark next to every other one and to an
      // ideograph on both sides, so any pair kerning or contextual substitution would show.
      const sample = ['白', '菜', '鸡'];
      const texts = [
        han.join(''),
        punct.flatMap((a) => punct.map((b) => a + b)).join(''),
        punct.flatMap((p) => sample.map((h) => h + p + h)).join(''),
      ];
      // Glyphs and positions must agree; codePoints may not: where two characters share a glyph,
      // fontkit's layout names one of them, the fast path the character actually typed.
      const strip = (gs: ReturnType<typeof shape>) => gs.map(({ codePoints: _c, ...g }) => g);
      for (const t of texts) expect(strip(shape(face, t))).toEqual(strip(fullLayout(face, t)));
    }, 120_000);
  }
});
