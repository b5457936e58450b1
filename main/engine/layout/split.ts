import { canBreakBetween } from './kinsoku.js';
import type { Unit } from './measure.js';

/** May a line break fall between these two units: at a word's end, and 禁则 allow it? */
export function mayBreak(before: Unit, after: Unit): boolean {
  return before.wordEnd && canBreakBetween(before.text, after.text);
}

/**
 * Split units into exactly `k` pieces at word boundaries, as even as can be: the widest piece as
 * narrow as possible, then the widths as equal as possible, then the longer pieces first
 * (白菜青菜 / 油麦菜、, 不做骗子 / 的网中鱼). `width` measures a piece as it will be set. Null when
 * there are fewer than k - 1 places a line may break.
 */
export function splitEven(units: readonly Unit[], k: number, width: (piece: Unit[]) => number): Unit[][] | null {
  if (k <= 1) return [units.slice()];
  const n = units.length;
  const cuts: number[] = [0];
  for (let i = 1; i < n; i++) if (mayBreak(units[i - 1]!, units[i]!) && !units[i]!.isSpace) cuts.push(i);
  cuts.push(n);
  if (cuts.length - 1 < k) return null;
  const w = (a: number, b: number): number => width(units.slice(cuts[a], cuts[b]));
  // best[j][p]: the best way to set cuts[0..j) as p pieces: [max width, sum of squares, -first width].
  type Score = [number, number, number];
  const better = (x: Score, y: Score): boolean => {
    for (let i = 0; i < 3; i++) if (Math.abs(x[i]! - y[i]!) > 1e-9) return x[i]! < y[i]!;
    return false;
  };
  const m = cuts.length;
  const best: (Score | null)[][] = Array.from({ length: m }, () => Array<Score | null>(k + 1).fill(null));
  const from: number[][] = Array.from({ length: m }, () => Array<number>(k + 1).fill(-1));
  best[0]![0] = [0, 0, 0];
  for (let j = 1; j < m; j++)
    for (let p = 1; p <= Math.min(k, j); p++)
      for (let i = p - 1; i < j; i++) {
        const prev = best[i]![p - 1];
        if (!prev) continue;
        const wi = w(i, j);
        const s: Score = [Math.max(prev[0], wi), prev[1] + wi * wi, p === 1 ? -wi : prev[2]];
        if (!best[j]![p] || better(s, best[j]![p]!)) {
          best[j]![p] = s;
          from[j]![p] = i;
        }
      }
  if (!best[m - 1]![k]) return null;
  const pieces: Unit[][] = [];
  for (let j = m - 1, p = k; p > 0; p--) {
    const i = from[j]![p]!;
    pieces.unshift(units.slice(cuts[i], cuts[j]));
    j = i;
  }
  return pieces;
}
