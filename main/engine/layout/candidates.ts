import type { SloganForm } from './clauses.js';
import type { Unit } from './measure.js';
import { splitEven } from './split.js';

/** A clause as measured units, with whether the user put a line break after it. */
export interface UnitClause {
  units: Unit[];
  hardAfter: boolean;
}

/** One way to set a text: its lines (before punctuation rules) and how a designer ranks it. */
export interface Candidate {
  lines: Unit[][];
  /**
   * What kind of setting this is: by structure (halves on two lines, all on one line, clauses one
   * or two a line, each half split at words) or `greedy` lines that ignore the structure.
   */
  kind: 'halves' | 'one-line' | 'clauses' | 'pairs' | 'split' | 'greedy';
  /** Weight on its size when candidates compete: 1 as good as any; below 1 must be that much bigger. */
  pref: number;
}

/**
 * A split setting must give characters a quarter bigger to beat one that keeps the halves whole:
 * two lines read as a jingle at a glance, so 白菜青菜 / 油麦菜 / 莫给骗子 / 当韭菜 is for boxes
 * where two lines would be clearly smaller (or do not fit at all).
 */
export const SPLIT_PREF = 0.8;

const join = (cs: readonly UnitClause[]): Unit[] => cs.flatMap((c) => c.units);
const noHardInside = (cs: readonly UnitClause[]): boolean => cs.slice(0, -1).every((c) => !c.hardAfter);

/** Each clause split into k even pieces at word boundaries; null if one cannot be. */
function splitEach(cs: readonly UnitClause[], k: number, width: (u: Unit[]) => number): Unit[][] | null {
  const out: Unit[][] = [];
  for (const c of cs) {
    const pieces = splitEven(c.units, k, width);
    if (!pieces) return null;
    out.push(...pieces);
  }
  return out;
}

/**
 * The structured settings of a slogan, best first for ties. A two-half jingle: its halves on two
 * lines; on one line (long banners); each half in 2, 3 or 4 even pieces (4, 6, 8 lines — never
 * an odd count). Four clauses: two a line, all on one, one a line, each in two. Other clause
 * lists: every grouping into consecutive lines, the most even for each line count. Single clauses
 * have none: greedy lines (fit.ts) set them.
 */
export function structuredCandidates(
  clauses: readonly UnitClause[],
  form: SloganForm,
  width: (u: Unit[]) => number,
): Candidate[] {
  const out: Candidate[] = [];
  const add = (lines: Unit[][] | null, kind: Candidate['kind'], pref = 1): void => {
    if (lines && lines.every((l) => l.length)) out.push({ lines, kind, pref });
  };
  if (form === 'halves') {
    const [a, b] = clauses as [UnitClause, UnitClause];
    add([a.units, b.units], 'halves');
    if (!a.hardAfter) add([join(clauses)], 'one-line');
    for (let k = 2; k <= 4; k++) add(splitEach(clauses, k, width), 'split', SPLIT_PREF);
    return out;
  }
  if (form === 'four') {
    const [a, b, c, d] = clauses as [UnitClause, UnitClause, UnitClause, UnitClause];
    if (!a.hardAfter && !c.hardAfter) add([join([a, b]), join([c, d])], 'pairs');
    if (noHardInside(clauses)) add([join(clauses)], 'one-line');
    add([a.units, b.units, c.units, d.units], 'clauses');
    add(splitEach(clauses, 2, width), 'split', SPLIT_PREF);
    return out;
  }
  if (clauses.length < 2 || clauses.length > 8) return out;
  for (let m = 1; m <= clauses.length; m++) add(evenGrouping(clauses, m, width), m === 1 ? 'one-line' : 'clauses');
  return out;
}

/** Consecutive clauses grouped into m lines (explicit breaks respected), the widest line narrowest. */
function evenGrouping(cs: readonly UnitClause[], m: number, width: (u: Unit[]) => number): Unit[][] | null {
  const n = cs.length;
  let best: { w: number; lines: Unit[][] } | null = null;
  // n ≤ 8: every way to choose m - 1 of the n - 1 gaps is at most 35 groupings.
  const choose = (start: number, left: number, acc: number[]): void => {
    if (left === 0) {
      const bounds = [0, ...acc, n];
      for (let g = 0; g < n - 1; g++) if (cs[g]!.hardAfter && !acc.includes(g + 1)) return;
      const lines = bounds.slice(1).map((e, i) => join(cs.slice(bounds[i], e)));
      const w = Math.max(...lines.map(width));
      if (!best || w < best.w - 1e-9) best = { w, lines };
      return;
    }
    for (let g = start; g <= n - left; g++) choose(g + 1, left - 1, [...acc, g]);
  };
  choose(1, m - 1, []);
  return (best as { w: number; lines: Unit[][] } | null)?.lines ?? null;
}
