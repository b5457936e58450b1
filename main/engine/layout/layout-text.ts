import type { Design, TextElement } from '../../core/index.js';
import { resolveFont, type ResolvedFont } from '../fonts/font-set.js';
import type { TextRunItem } from '../scene/types.js';
import type { Candidate, UnitClause } from './candidates.js';
import { normaliseBreaks, sloganForm, textClauses, type SloganForm } from './clauses.js';
import { textGradient, withEffects } from './effects.js';
import { crossExtentEm, fitText } from './fit.js';
import { breakWord, measureWord, type Unit } from './measure.js';
import { placeColumn, placeLine, type RunPaint } from './place.js';
import { hangEm, measureEm, type BreakPunctuation, type LineRules, type SetLine } from './set-line.js';
import { charPaints } from './text-paint.js';
import { VERTICAL_FORMS } from './vertical-forms.js';

export interface TextLayout {
  sizeMm: number;
  lineCount: number;
  overflow: boolean;
  /** Set by its structure (a jingle by its halves, clauses by clause), not by greedy lines. */
  balanced: boolean;
  /** What the text is: a two-half jingle, a four-clause slogan, or neither. */
  form: SloganForm;
  /** How it was set (halves, one-line, split, greedy…). */
  setting: Candidate['kind'];
  /** The text of each line (column, in vertical writing) as set, hanging punctuation included. */
  lines: string[];
  /** Words that had to be broken across lines because each alone is wider than the line. */
  brokenWords: string[];
  /** Characters no available font could draw. */
  missing: string[];
  /** Characters the design's face lacks, drawn by a fallback face. */
  fallback: string[];
  /** Set when the design's font family is not on this machine. */
  substituted?: string;
  /** The block actually occupied (em boxes and hanging punctuation), mm (for preflight). */
  block: { x: number; y: number; w: number; h: number };
  runs: TextRunItem[];
}

export interface LayoutOptions {
  /** The punctuation rule where the element does not set one (by the kind of material). */
  breakPunctuation?: BreakPunctuation;
  /**
   * How far hanging punctuation may reach (the page's safe area): it hangs outside the text box,
   * but the characters get smaller before it crosses this.
   */
  hangArea?: { x: number; y: number; w: number; h: number };
}

/**
 * Where a text does not say, the 、 between halves is replaced by a space on banners and stickers
 * (read from afar or tiny; the banner convention) and hangs on posters, boards and screens.
 */
export function defaultBreakPunctuation(design: Pick<Design, 'kind' | 'format'>): BreakPunctuation {
  if (design.kind) return ['banner', 'vertical-banner', 'sticker'].includes(design.kind) ? 'space' : 'hang';
  const r = design.format.widthMm / design.format.heightMm;
  return r >= 3 || r <= 1 / 3 ? 'space' : 'hang';
}

const REVERSE_VERTICAL = new Map(Object.entries(VERTICAL_FORMS).map(([h, v]) => [v, h]));
const lineText = (l: SetLine, vertical: boolean): string =>
  [...l.units, ...l.hang]
    .map((u) => (vertical ? [...u.text].map((c) => REVERSE_VERTICAL.get(c) ?? c).join('') : u.text))
    .join('');

function measuredClauses(el: TextElement, rf: ResolvedFont, vertical: boolean) {
  const text = normaliseBreaks(el.text);
  const clauses = textClauses(text);
  const form = sloganForm(clauses);
  const paintAt = charPaints(el, text, clauses, form);
  const units: UnitClause[] = clauses.map((c) => ({
    hardAfter: c.hardAfter,
    units: c.tokens.flatMap((t) => measureWord(t.text, rf, { vertical, sep: t.sep, paint: (i) => paintAt(t.at + i) })),
  }));
  return { units, form };
}

/** Words whose characters end up on two lines (each one wider than the line on its own). */
function splitWords(lines: readonly SetLine[]): string[] {
  const out = new Set<string>();
  for (let i = 1; i < lines.length; i++) {
    const a = [...lines[i - 1]!.units, ...lines[i - 1]!.hang].at(-1);
    const b = [...lines[i]!.units, ...lines[i]!.hang][0];
    if (!a || !b) continue;
    if (a.brokenWord && a.brokenWord === b.brokenWord) out.add(a.brokenWord);
    else if (!a.wordEnd) out.add(a.text + b.text);
  }
  return [...out];
}

/**
 * The size cap hanging punctuation sets: lines sit in the box by their characters, and each line's
 * mark must end within the hang area (beyond the box by at most the room the area leaves).
 */
function hangLimit(
  el: TextElement,
  rules: LineRules,
  area: LayoutOptions['hangArea'],
): ((lines: SetLine[]) => number) | undefined {
  if (!area) return undefined;
  const vertical = el.writing === 'vertical';
  const start = vertical ? el.box.y : el.box.x;
  const len = vertical ? el.box.h : el.box.w;
  const limit = vertical ? area.y + area.h : area.x + area.w;
  const room = Math.max(0, limit - (start + len));
  const frac = alignFrac(vertical ? el.valign : el.align);
  return (lines) => {
    const w = lines.map((l) => measureEm(l, rules.spacingEm));
    const longest = Math.max(0, ...w);
    let cap = Infinity;
    lines.forEach((l, i) => {
      const h = hangEm(l, rules);
      if (h <= 0) return;
      // A line starts at start + (len - used·s)·frac, used = its own width (columns: the longest).
      const used = vertical ? longest : w[i]!;
      const need = w[i]! + h - used * frac;
      if (need > 0) cap = Math.min(cap, (len * (1 - frac) + room) / need);
    });
    return cap;
  };
}

const alignFrac = (a: 'left' | 'center' | 'right' | 'top' | 'middle' | 'bottom'): number =>
  a === 'left' || a === 'top' ? 0 : a === 'right' || a === 'bottom' ? 1 : 0.5;
const alignStart = (start: number, avail: number, used: number, frac: number): number => start + (avail - used) * frac;

/** Lay a text element out: size, lines (or columns), and every glyph placed in mm. */
export function layoutText(el: TextElement, opts: LayoutOptions = {}): TextLayout {
  const rf = resolveFont(el.font);
  const vertical = el.writing === 'vertical';
  const { units: clauses, form } = measuredClauses(el, rf, vertical);
  const rules: LineRules = {
    mode: el.breakPunctuation ?? opts.breakPunctuation ?? 'hang',
    spacingEm: el.letterSpacing,
    vertical,
    space: measureWord('\u3000', rf, { vertical })[0]!,
  };
  const lineBox = vertical ? { before: 0.5, after: 0.5 } : { before: rf.primary.ascent, after: rf.primary.descent };
  const params = {
    clauses,
    form,
    balance: el.balance,
    rules,
    lineHeight: el.lineHeight,
    lineBox,
    size: el.size,
    breakWord: (u: Unit[]) => breakWord(u, rf, vertical),
    hangLimit: hangLimit(el, rules, opts.hangArea),
  };
  const fit = fitText(params, vertical ? { main: el.box.h, cross: el.box.w } : { main: el.box.w, cross: el.box.h });
  const s = fit.sizeMm;
  const spacingMm = el.letterSpacing * s;
  const lines = fit.lines;
  const n = lines.length;
  const crossMm = crossExtentEm(lines, params) * s;
  const w = lines.map((l) => measureEm(l, el.letterSpacing) * s);
  const h = lines.map((l) => hangEm(l, rules) * s);
  const firstScale = Math.max(1, ...(lines[0]?.units ?? []).map((u) => u.scale));
  let block: TextLayout['block'];
  let place: (paint: RunPaint) => TextRunItem[];

  if (!vertical) {
    const top = alignStart(el.box.y, el.box.h, crossMm, alignFrac(el.valign));
    const xs = w.map((wi) => alignStart(el.box.x, el.box.w, wi, alignFrac(el.align)));
    // The block reaches as far as the hanging marks do: outside the box by up to half an em.
    const left = Math.min(...xs);
    block = { x: left, y: top, w: Math.max(0, ...xs.map((x, i) => x + w[i]! + h[i]!)) - left, h: crossMm };
    const baseline0 = top + rf.primary.ascent * firstScale * s;
    place = (paint) =>
      lines.flatMap((line, i) => placeLine(line, xs[i]!, baseline0 + i * el.lineHeight * s, s, spacingMm, paint));
  } else {
    // Columns right to left, all starting at the same height; `align` places the block across,
    // `valign` along the columns, on the longest column's characters.
    const left = alignStart(el.box.x, el.box.w, crossMm, alignFrac(el.align));
    const top = alignStart(el.box.y, el.box.h, Math.max(0, ...w), alignFrac(el.valign));
    block = { x: left, y: top, w: crossMm, h: Math.max(0, ...w.map((wi, i) => wi + h[i]!)) };
    const axis0 = left + crossMm - 0.5 * firstScale * s;
    place = (paint) =>
      lines.flatMap((col, i) => placeColumn(col, axis0 - i * el.lineHeight * s, top, s, spacingMm, paint));
  }
  const gradient = textGradient(el, block);
  const runs = withEffects(el, place({ elementId: el.id, colour: el.colour, ...(gradient ? { gradient } : {}) }));
  const all = lines.flatMap((l) => [...l.units, ...l.hang]);
  return {
    sizeMm: s,
    lineCount: n,
    overflow: fit.overflow,
    balanced: fit.kind !== 'greedy',
    form,
    setting: fit.kind,
    lines: lines.map((l) => lineText(l, vertical)),
    brokenWords: splitWords(lines),
    missing: [...new Set(all.flatMap((u) => u.missing))],
    fallback: [...new Set(all.flatMap((u) => u.fallback))],
    ...(rf.substituted ? { substituted: rf.substituted } : {}),
    block,
    runs,
  };
}
