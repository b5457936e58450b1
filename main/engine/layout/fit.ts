import { breakLines } from './break-lines.js';
import { structuredCandidates, type Candidate, type UnitClause } from './candidates.js';
import type { SloganForm } from './clauses.js';
import { lineWidthEm, type Unit } from './measure.js';
import { measureEm, setLine, type LineRules, type SetLine } from './set-line.js';
import { mayBreak } from './split.js';

/** Sizes along the reading direction (main) and across lines (cross), in mm. */
export interface FitBox {
  main: number;
  cross: number;
}

export interface FitParams {
  clauses: UnitClause[];
  form: SloganForm;
  /** Even out lines and set other clause lists by clause (the element's `balance`). Jingles are always set by their halves. */
  balance: boolean;
  rules: LineRules;
  /** Line pitch as a multiple of the size. */
  lineHeight: number;
  /** The line box across, em: above and below the baseline (vertical: half a cell each side). */
  lineBox: { before: number; after: number };
  size: { mode: 'fixed'; mm: number } | { mode: 'fit'; minMm: number; maxMm: number };
  /** A word wider than the line broken into characters (the last resort). */
  breakWord: (units: Unit[]) => Unit[];
  /** The largest size (mm) at which these lines' hanging punctuation stays where it may go. */
  hangLimit?: (lines: SetLine[]) => number;
}

export interface FitResult {
  sizeMm: number;
  lines: SetLine[];
  overflow: boolean;
  kind: Candidate['kind'];
}

/**
 * Settings within this share of each other's size count as a tie, and a tie goes to the one tried
 * first (the halves on two lines before one line, one line before split halves).
 */
const TIE = 0.02;
/**
 * A setting whose lines leave more than 40 % of the measure empty (two short lines on a 10 m
 * banner) must give characters about a tenth bigger to win: a banner is read as one long line.
 */
const SPARSE_SHARE = 0.6;
const SPARSE_PREF = 0.9;
/**
 * How far below the element's minimum size a jingle may go to keep its halves (or clauses) whole:
 * a 9+8 jingle on a 50 mm sticker at 3.6 mm in four lines reads better than three ragged lines at
 * 4 mm. Preflight still judges the size against the viewing distance.
 */
export const JINGLE_MIN_SLACK = 0.85;

/**
 * How much of the measure the lines take, em: their characters. Hanging punctuation hangs outside
 * the measure (as in a designer's optical margin), so lines centre and fit on their characters.
 */
export function mainExtentEm(lines: readonly SetLine[], p: Pick<FitParams, 'rules'>): number {
  return Math.max(0, ...lines.map((l) => measureEm(l, p.rules.spacingEm)));
}

const maxScale = (l: SetLine | undefined): number => Math.max(1, ...(l?.units ?? []).map((u) => u.scale));

/** Extent across the lines, em: first line's top to last line's bottom. */
export function crossExtentEm(lines: readonly SetLine[], p: Pick<FitParams, 'lineBox' | 'lineHeight'>): number {
  const n = Math.max(1, lines.length);
  return p.lineBox.before * maxScale(lines[0]) + p.lineBox.after * maxScale(lines.at(-1)) + (n - 1) * p.lineHeight;
}

/** Largest size at which these lines fit the box, mm. */
function sizeFor(p: FitParams, box: FitBox, lines: SetLine[]): number {
  return Math.min(
    box.main / Math.max(mainExtentEm(lines, p), 1e-9),
    box.cross / crossExtentEm(lines, p),
    p.hangLimit?.(lines) ?? Infinity,
  );
}

const floor2 = (v: number): number => Math.floor(v * 100 + 1e-6) / 100;

/** Paragraphs: runs of clauses between the user's own line breaks. */
function paragraphs(clauses: readonly UnitClause[]): Unit[][] {
  const out: Unit[][] = [[]];
  for (const c of clauses) {
    out[out.length - 1]!.push(...c.units);
    if (c.hardAfter) out.push([]);
  }
  return out;
}

/** Greedy lines at a measure, each word that alone is wider than it broken when `breakWords`. */
function greedy(p: FitParams, maxEm: number, breakWords: boolean): Unit[][] {
  return paragraphs(p.clauses).flatMap((para) => {
    if (!para.length) return [[]];
    const units = breakWords ? breakLongWords(para, maxEm, p) : para;
    return breakLines(units, maxEm, p.rules.spacingEm);
  });
}

/**
 * Units with each stretch that may not break (a word, or words glued by 禁则 such as 「国家反诈中心」)
 * broken into characters where it alone is wider than the measure: the last resort.
 */
function breakLongWords(units: Unit[], maxEm: number, p: FitParams): Unit[] {
  const out: Unit[] = [];
  let run: Unit[] = [];
  const flush = (): void => {
    const wide = run.reduce((a, x) => a + x.glyphCount, 0) > 1 && lineWidthEm(run, p.rules.spacingEm) > maxEm + 1e-9;
    if (!wide) out.push(...run);
    else {
      // Break each word of the stretch (brackets and marks stay as they are).
      let word: Unit[] = [];
      for (const u of run) {
        word.push(u);
        if (u.wordEnd) {
          out.push(...(word.reduce((a, x) => a + x.glyphCount, 0) > 1 ? p.breakWord(word) : word));
          word = [];
        }
      }
      out.push(...word);
    }
    run = [];
  };
  for (const u of units) {
    const prev = run.at(-1);
    if (prev && mayBreak(prev, u)) flush();
    run.push(u);
  }
  flush();
  return out;
}

const setAll = (p: FitParams, lines: Unit[][]): SetLine[] =>
  lines.map((l, i) => setLine(l, p.rules, i === lines.length - 1));

function fitsAt(p: FitParams, box: FitBox, s: number, lines: SetLine[]): boolean {
  return sizeFor(p, box, lines) >= s - 1e-9;
}

/**
 * Choose the size and the lines. Every structured setting (candidates.ts) is sized to the largest
 * size at which it fits; greedy lines are sized by bisection. The largest characters win, weighed
 * by how a designer ranks the setting, ties to the setting tried first. Fixed size: the best-ranked
 * setting that fits. When none fits at the minimum, the last resort breaks a word wider than the
 * line; when even that does not fit, the text overflows at the minimum size.
 */
export function fitText(p: FitParams, box: FitBox): FitResult {
  const width = (u: Unit[]): number => mainExtentEm([setLine(u, p.rules)], p);
  const structured = p.balance || p.form ? structuredCandidates(p.clauses, p.form, width) : [];
  type Option = { c: Candidate; set: SetLine[]; size: number };
  const options: Option[] = structured.map((c) => {
    const set = setAll(p, c.lines);
    return { c, set, size: sizeFor(p, box, set) };
  });
  const greedyCandidate = (lines: Unit[][]): Candidate => ({
    lines,
    kind: 'greedy',
    pref: 1,
  });
  const result = (o: Option, sizeMm: number, overflow: boolean): FitResult => ({
    sizeMm,
    lines: o.set,
    overflow,
    kind: o.c.kind,
  });

  if (p.size.mode === 'fixed') {
    const s = p.size.mm;
    const fits = options.filter((o) => o.size >= s - 1e-9);
    const best = fits.reduce<Option | null>((a, o) => (!a || o.c.pref > a.c.pref ? o : a), null);
    if (best) return result(best, s, false);
    for (const breakWords of [false, true]) {
      const lines = evenOut(p, box.main / s, greedy(p, box.main / s, breakWords), breakWords);
      const set = setAll(p, lines);
      if (fitsAt(p, box, s, set)) return result({ c: greedyCandidate(lines), set, size: s }, s, false);
    }
    const lines = greedy(p, box.main / s, true);
    return result({ c: greedyCandidate(lines), set: setAll(p, lines), size: s }, s, true);
  }

  const { minMm, maxMm } = p.size;
  const score = (o: Option): number => {
    const size = Math.min(o.size, maxMm);
    // At the maximum size every setting is as big as it may be: leaving length empty is then no fault.
    const used = (mainExtentEm(o.set, p) * size) / box.main;
    return size * o.c.pref * (o.size < maxMm && used < SPARSE_SHARE ? SPARSE_PREF : 1);
  };
  const pick = (list: Option[], start: Option | null): Option | null => {
    let best = start;
    for (const o of list) {
      if (Math.min(o.size, maxMm) < minMm - 1e-9) continue;
      if (!best || score(o) > score(best) * (1 + TIE)) best = o;
    }
    return best;
  };
  let best = pick(options, null);
  if (!best && p.form) {
    // A jingle's halves are worth a little less than the minimum size before a half is broken.
    const slack = options.filter((o) => o.size >= JINGLE_MIN_SLACK * minMm - 1e-9);
    const closest = slack.reduce<Option | null>((a, o) => (!a || score(o) > score(a) * (1 + TIE) ? o : a), null);
    if (closest) return result(closest, floor2(Math.min(closest.size, maxMm)), false);
  }
  // A jingle is set by greedy lines (3 lines, a half broken anywhere) only when no setting by its
  // halves fits at all; other text competes on size.
  if (!best || !p.form) {
    const g = greedyFit(p, box, false);
    if (g) {
      options.push(g);
      best = pick([g], best);
    }
  }
  if (best) return result(best, floor2(Math.min(best.size, maxMm)), false);
  const broken = greedyFit(p, box, true);
  if (broken) return result(broken, floor2(Math.min(broken.size, maxMm)), false);
  // Nothing fits: the setting that comes closest, at the minimum size.
  const closest = options.reduce<Option | null>((a, o) => (!a || o.size > a.size ? o : a), null);
  if (closest) return result(closest, minMm, true);
  const lines = greedy(p, box.main / minMm, true);
  return result({ c: greedyCandidate(lines), set: setAll(p, lines), size: minMm }, minMm, true);

  /** Greedy lines at the largest size (to 0.01 mm) within [min, max] where they fit; null if none. */
  function greedyFit(p: FitParams, box: FitBox, breakWords: boolean): Option | null {
    const at = (s: number): SetLine[] => setAll(p, greedy(p, box.main / s, breakWords));
    const ok = (s: number): boolean => fitsAt(p, box, s, at(s));
    let s: number;
    if (ok(maxMm)) s = maxMm;
    else if (!ok(minMm)) return null;
    else {
      let lo = minMm;
      let hi = maxMm;
      while (hi - lo > 0.01) {
        const mid = (lo + hi) / 2;
        if (ok(mid)) lo = mid;
        else hi = mid;
      }
      s = floor2(lo);
    }
    const raw = greedy(p, box.main / s, breakWords);
    const lines = evenOut(p, box.main / s, raw, breakWords);
    return { c: greedyCandidate(lines), set: setAll(p, lines), size: s };
  }
}

/**
 * Even out wrapped lines (like CSS `text-wrap: balance`): the narrowest measure that still gives
 * each paragraph the same number of lines, so a text never ends on one orphaned word.
 */
function evenOut(p: FitParams, maxEm: number, lines: Unit[][], breakWords: boolean): Unit[][] {
  if (lines.length < 2 || !p.balance) return lines;
  const spacing = p.rules.spacingEm;
  return paragraphs(p.clauses).flatMap((para) => {
    if (para.length === 0) return [[]];
    // Words are broken at the measure the text needed, never to make lines narrower.
    const units = breakWords ? breakLongWords(para, maxEm, p) : para;
    const at = (m: number): Unit[][] => breakLines(units, m, spacing);
    const target = at(maxEm).length;
    if (target < 2) return at(maxEm);
    let lo = 0;
    let hi = maxEm;
    for (let i = 0; i < 20; i++) {
      const mid = (lo + hi) / 2;
      if (at(mid).length <= target) hi = mid;
      else lo = mid;
    }
    return at(hi);
  });
}
