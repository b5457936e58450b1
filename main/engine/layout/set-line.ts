import { glyphBox } from '../fonts/glyph-box.js';
import { DROPPED_AT_LINE_END } from './kinsoku.js';
import { lineWidthEm, type Unit } from './measure.js';
import { shape } from './shape.js';

export type BreakPunctuation = 'hang' | 'space';

/** A line as set: the units in the measure and the punctuation hanging after it. */
export interface SetLine {
  units: Unit[];
  /** Hanging punctuation (the 、 between halves in `hang` mode), outside the measure. */
  hang: Unit[];
}

/** How a line's units become a set line: punctuation at its end and between halves. */
export interface LineRules {
  mode: BreakPunctuation;
  spacingEm: number;
  vertical: boolean;
  /** The ideographic space that stands for a pause mark between halves in `space` mode. */
  space: Unit;
}

const isPause = (u: Unit): boolean => u.sep && !u.isSpace && DROPPED_AT_LINE_END.has(u.text);

/**
 * A raw line set by the rules: spaces at either end dropped; the separators it ends on hang
 * (`hang`) or, if they are pauses (、，；) and another line follows, are dropped (`space`: the
 * break says it; a pause typed at the very end of the text is not a break and stays); inside the
 * line, in `space` mode, a run of separators with a pause in it becomes one ideographic space.
 */
export function setLine(raw: readonly Unit[], r: LineRules, last = false): SetLine {
  let start = 0;
  let end = raw.length;
  while (start < end && raw[start]!.isSpace) start++;
  while (end > start && raw[end - 1]!.isSpace) end--;
  let k = end;
  while (k > start && raw[k - 1]!.sep && !raw[k - 1]!.isSpace) k--;
  const trailing = raw.slice(k, end);
  const body = raw.slice(start, k);
  if (r.mode === 'hang') return { units: body, hang: trailing };
  return {
    units: [...pausesToSpace(body, r.space), ...(last ? trailing : trailing.filter((u) => !isPause(u)))],
    hang: [],
  };
}

function pausesToSpace(units: Unit[], space: Unit): Unit[] {
  const out: Unit[] = [];
  let i = 0;
  while (i < units.length) {
    const u = units[i]!;
    if (!u.sep) {
      out.push(u);
      i++;
      continue;
    }
    let j = i;
    while (j < units.length && units[j]!.sep) j++;
    const run = units.slice(i, j);
    if (run.some(isPause)) out.push(space);
    else out.push(...run);
    i = j;
  }
  return out;
}

/** Width of the measure, em. */
export const measureEm = (l: SetLine, spacingEm: number): number => lineWidthEm(l.units, spacingEm);

const inkEndCache = new Map<string, number>();

/**
 * How far the hanging punctuation reaches past the measure, em: to the right edge of its ink
 * (horizontal) or the bottom of its ink in its cell (vertical). A 、 hangs by about half an em.
 */
export function hangEm(l: SetLine, r: Pick<LineRules, 'spacingEm' | 'vertical'>): number {
  if (!l.hang.length) return 0;
  let em = 0;
  l.hang.forEach((u, i) => {
    em += r.spacingEm * u.glyphCount;
    if (i < l.hang.length - 1) em += u.advanceEm;
    else em += inkEnd(u, r.vertical);
  });
  return em;
}

function inkEnd(u: Unit, vertical: boolean): number {
  const k = `${u.face.key}|${u.text}|${vertical ? 'v' : 'h'}`;
  let e = inkEndCache.get(k);
  if (e === undefined) {
    const glyphs = shape(u.face, u.text);
    const last = glyphs.at(-1);
    const before = glyphs.slice(0, -1).reduce((a, g) => a + g.xAdvance, 0);
    const upm = u.face.unitsPerEm;
    if (!last) e = 0;
    else {
      const b = glyphBox(u.face, last.id);
      e = vertical
        ? glyphs.length - 1 + Math.min(1.2, u.face.ascent - b[1] / upm)
        : (before + Math.max(0, Math.min(b[2], last.xAdvance * 1.2))) / upm;
    }
    inkEndCache.set(k, e);
  }
  return e * u.scale;
}
