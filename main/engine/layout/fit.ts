import { breakLines } from './break-lines.js';
import { CLAUSE_SEPARATORS, DROPPED_AT_LINE_END } from './kinsoku.js';
import { lineWidthEm, type Unit } from './measure.js';

/** Sizes along the reading direction (main) and across lines (cross), in mm. */
export interface FitBox {
  main: number;
  cross: number;
}

export interface FitParams {
  /** Paragraphs (explicit line breaks) of measured units. */
  paragraphs: Unit[][];
  spacingEm: number;
  lineHeight: number;
  /** Extent of one line across, in em (the ideographic box: ascent + descent). */
  lineBoxEm: number;
  size: { mode: 'fixed'; mm: number } | { mode: 'fit'; minMm: number; maxMm: number };
  balance: boolean;
}

export interface FitResult {
  sizeMm: number;
  lines: Unit[][];
  overflow: boolean;
  balanced: boolean;
}

function breakAll(p: FitParams, maxEm: number): Unit[][] {
  return p.paragraphs.flatMap((para) => (para.length ? breakLines(para, maxEm, p.spacingEm) : [[]]));
}

function fitsAt(p: FitParams, box: FitBox, s: number, lines: Unit[][]): boolean {
  const maxEm = box.main / s;
  for (const l of lines) if (lineWidthEm(l, p.spacingEm) > maxEm + 1e-9) return false;
  const crossEm = p.lineBoxEm + (lines.length - 1) * p.lineHeight;
  return crossEm * s <= box.cross + 1e-9;
}

/** The two halves of a one-paragraph slogan, split at the clause separator nearest the middle. */
export function balancedSplit(units: Unit[], spacingEm: number): Unit[][] | null {
  let best: { i: number; diff: number } | null = null;
  for (let i = 1; i < units.length - 1; i++) {
    if (!CLAUSE_SEPARATORS.has(units[i]!.text)) continue;
    const left = units.slice(0, i + 1);
    const right = units.slice(i + 1);
    const diff = Math.abs(lineWidthEm(left, spacingEm) - lineWidthEm(right, spacingEm));
    if (!best || diff < best.diff) best = { i, diff };
  }
  if (!best) return null;
  let left = units.slice(0, best.i + 1);
  while (left.length && DROPPED_AT_LINE_END.has(left.at(-1)!.text)) left = left.slice(0, -1);
  let right = units.slice(best.i + 1);
  while (right.length && right[0]!.isSpace) right = right.slice(1);
  return left.length && right.length ? [left, right] : null;
}

/** Largest size at which these exact lines fit the box. */
function sizeForLines(p: FitParams, box: FitBox, lines: Unit[][]): number {
  const widest = Math.max(...lines.map((l) => lineWidthEm(l, p.spacingEm)), 1e-9);
  const crossEm = p.lineBoxEm + (lines.length - 1) * p.lineHeight;
  return Math.min(box.main / widest, box.cross / crossEm);
}

/**
 * Choose the size and the lines. Fixed size: greedy lines at that size. Auto-fit: the largest size
 * (to 0.01 mm) within [min, max] at which greedy lines fit. With `balance`, a two-clause slogan is
 * also tried as two balanced lines; that wins when its characters are at least as big, or when the
 * greedy result wraps anyway and balanced lines lose little size (a ragged 13+2 break reads badly).
 */
export function fitText(p: FitParams, box: FitBox): FitResult {
  const greedy = (s: number) => breakAll(p, box.main / s);
  let sizeMm: number;
  let lines: Unit[][];
  let overflow = false;
  if (p.size.mode === 'fixed') {
    sizeMm = p.size.mm;
    lines = greedy(sizeMm);
    overflow = !fitsAt(p, box, sizeMm, lines);
  } else {
    const { minMm, maxMm } = p.size;
    if (fitsAt(p, box, maxMm, greedy(maxMm))) sizeMm = maxMm;
    else if (!fitsAt(p, box, minMm, greedy(minMm))) {
      sizeMm = minMm;
      overflow = true;
    } else {
      let lo = minMm;
      let hi = maxMm;
      while (hi - lo > 0.01) {
        const mid = (lo + hi) / 2;
        if (fitsAt(p, box, mid, greedy(mid))) lo = mid;
        else hi = mid;
      }
      sizeMm = Math.floor(lo * 100) / 100;
    }
    lines = greedy(sizeMm);
  }
  const single = p.paragraphs.length === 1 ? p.paragraphs[0]! : null;
  const halves = p.balance && single ? balancedSplit(single, p.spacingEm) : null;
  if (halves) {
    const cap = p.size.mode === 'fixed' ? p.size.mm : p.size.maxMm;
    const sB = Math.min(cap, Math.floor(sizeForLines(p, box, halves) * 100) / 100);
    const okB = p.size.mode === 'fixed' ? fitsAt(p, box, cap, halves) : sB >= p.size.minMm;
    const better =
      p.size.mode === 'fixed'
        ? okB && (overflow || lines.length > 1)
        : okB && (overflow || sB >= sizeMm - 1e-9 || (lines.length > 1 && sB >= 0.85 * sizeMm));
    if (better) return { sizeMm: p.size.mode === 'fixed' ? cap : sB, lines: halves, overflow: false, balanced: true };
  }
  return {
    sizeMm,
    lines: p.balance && !overflow ? evenOut(p, box.main / sizeMm, lines) : lines,
    overflow,
    balanced: false,
  };
}

/**
 * Even out wrapped lines (like CSS `text-wrap: balance`): the narrowest measure that still gives
 * each paragraph the same number of lines, so a slogan never ends on one orphaned character.
 */
function evenOut(p: FitParams, maxEm: number, lines: Unit[][]): Unit[][] {
  if (lines.length < 2) return lines;
  return p.paragraphs.flatMap((para) => {
    if (para.length === 0) return [[]];
    const target = breakLines(para, maxEm, p.spacingEm).length;
    if (target < 2) return [breakLines(para, maxEm, p.spacingEm)[0] ?? []];
    let lo = 0;
    let hi = maxEm;
    for (let i = 0; i < 20; i++) {
      const mid = (lo + hi) / 2;
      if (breakLines(para, mid, p.spacingEm).length <= target) hi = mid;
      else lo = mid;
    }
    return breakLines(para, hi, p.spacingEm);
  });
}
