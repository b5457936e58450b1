import type { Colour } from '../../core/index.js';
import type { Face } from '../fonts/face.js';
import { faceFor, type ResolvedFont } from '../fonts/font-set.js';
import { shape } from './shape.js';
import { VERTICAL_FORMS } from './vertical-forms.js';

/** How a character is painted beyond the element's own colour and size. */
export interface CharPaint {
  colour?: Colour;
  /** Size relative to the element's (1 = as set). */
  scale: number;
}

export const PLAIN: CharPaint = { scale: 1 };

/**
 * A piece of text drawn by one face in one paint, with its advance in em (of the element's size).
 * A line may break after a unit only where a word ends: a word drawn in two faces or two colours
 * is several units, all but the last with `wordEnd` false.
 */
export interface Unit {
  text: string;
  face: Face;
  /** Sum of glyph advances, in em, scale applied. */
  advanceEm: number;
  glyphCount: number;
  /** Characters no available font has (drawn as .notdef boxes). */
  missing: string[];
  /** Characters drawn by a fallback face because the design's face lacks them. */
  fallback: string[];
  isSpace: boolean;
  wordEnd: boolean;
  /** A clause separator: 、，；。！？ or a space between clauses. */
  sep: boolean;
  scale: number;
  colour?: Colour;
  /** Set on the pieces of a word wider than the line, which had to be broken. */
  brokenWord?: string;
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
    if (widthCache.size > 20000) widthCache.clear();
    widthCache.set(k, w);
  }
  return w;
}

export interface MeasureOptions {
  /** Upright 1 em cells, punctuation in its vertical form (竖排). */
  vertical?: boolean;
  /** The paint of each character of the text, by index (code points); missing = plain. */
  paint?: (i: number) => CharPaint;
  sep?: boolean;
}

/**
 * The vertical presentation form of a character: the design's face's own, else a fallback face's
 * (Ma Shan Zheng and 黄油体 have none: their ︑ comes from Noto rather than an upright 、).
 */
function verticalForm(ch: string, rf: ResolvedFont): string {
  const v = VERTICAL_FORMS[ch];
  return v && faceFor(rf, v.codePointAt(0)!) ? v : ch;
}

/**
 * One word (or mark, or space) measured with font fallback: split into units wherever the face or
 * the paint changes, so every unit is drawn by exactly one face in one paint.
 */
export function measureWord(word: string, rf: ResolvedFont, opts: MeasureOptions = {}): Unit[] {
  const out: Unit[] = [];
  const chars = [...word].map((ch) => (opts.vertical ? verticalForm(ch, rf) : ch));
  const isSpace = /^\s+$/.test(word);
  let cur = '';
  let curFace: Face | null = null;
  let curPaint: CharPaint = PLAIN;
  let missing: string[] = [];
  let fallback: string[] = [];
  const flush = (): void => {
    if (!cur || !curFace) return;
    const n = [...cur].length;
    const w = opts.vertical ? { em: n, glyphs: n } : shapeWidth(curFace, cur);
    out.push({
      text: cur,
      face: curFace,
      advanceEm: w.em * curPaint.scale,
      glyphCount: w.glyphs,
      missing,
      fallback,
      isSpace,
      wordEnd: false,
      sep: opts.sep ?? false,
      scale: curPaint.scale,
      ...(curPaint.colour ? { colour: curPaint.colour } : {}),
    });
    cur = '';
    missing = [];
    fallback = [];
  };
  chars.forEach((ch, i) => {
    const cp = ch.codePointAt(0)!;
    const found = faceFor(rf, cp);
    const face = found ?? rf.primary;
    const paint = opts.paint?.(i) ?? PLAIN;
    if (curFace && (face !== curFace || !samePaint(paint, curPaint))) flush();
    curFace = face;
    curPaint = paint;
    cur += ch;
    if (!found && !/\s/.test(ch)) missing.push(ch);
    else if (found && found !== rf.primary) fallback.push(ch);
  });
  flush();
  const last = out.at(-1);
  if (last) last.wordEnd = true;
  return out;
}

export function samePaint(a: CharPaint, b: CharPaint): boolean {
  return a.scale === b.scale && a.colour?.rgb === b.colour?.rgb && a.colour?.cmyk?.join() === b.colour?.cmyk?.join();
}

/** Units of several words, each word whole (the simple case: no paint, not vertical). */
export function measureUnits(texts: string[], rf: ResolvedFont): Unit[] {
  return texts.flatMap((t) => measureWord(t, rf));
}

/**
 * A word wider than the line, broken into characters so it can wrap at all; each piece remembers
 * the word, so preflight can say it was split.
 */
export function breakWord(units: readonly Unit[], rf: ResolvedFont, vertical: boolean): Unit[] {
  const word = units.map((u) => u.text).join('');
  return units.flatMap((u) =>
    [...u.text].map((ch) => {
      const paint: CharPaint = { scale: u.scale, ...(u.colour ? { colour: u.colour } : {}) };
      const [one] = measureWord(ch, rf, { vertical, sep: u.sep, paint: () => paint });
      return { ...one!, brokenWord: word };
    }),
  );
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
