/*
 * Data for the statistics charts (samples per month, by kind, by fraud type, by unit): series
 * with gaps filled, top-N with the rest summed, and a round axis. Pure, so it is tested in Node.
 */

export interface Bar {
  label: string;
  value: number;
  /** A key for the bar (month, kind id…), e.g. to filter by it. */
  key: string;
}

const ym = (s: string): [number, number] | null => {
  const m = /^(\d{4})-(\d{2})$/.exec(s);
  return m ? [Number(m[1]), Number(m[2])] : null;
};

/**
 * One bar per month from the first to the last month with samples (gaps as 0), at most the last
 * `maxMonths`; labels "2025-04". Months not of the form YYYY-MM are left out.
 */
export function monthSeries(byMonth: Record<string, number>, maxMonths = 24): Bar[] {
  const months = Object.keys(byMonth)
    .map(ym)
    .filter((x): x is [number, number] => x !== null)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (!months.length) return [];
  const [fy, fm] = months[0]!;
  const [ly, lm] = months.at(-1)!;
  const out: Bar[] = [];
  for (let y = fy, m = fm; y < ly || (y === ly && m <= lm); m === 12 ? (y++, (m = 1)) : m++) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push({ key, label: key, value: byMonth[key] ?? 0 });
  }
  return out.slice(-maxMonths);
}

/** The largest `n` counts, largest first, labelled; the rest summed as one bar (「其他（k 项）」 unless `other` names it). */
export function topBars(
  counts: Record<string, number>,
  labels: Record<string, string> = {},
  n = 10,
  other = (k: number) => `其他（${k} 项）`,
): Bar[] {
  const sorted = Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const bars = sorted.slice(0, n).map(([key, value]) => ({ key, value, label: labels[key] ?? key }));
  const rest = sorted.slice(n).reduce((s, [, v]) => s + v, 0);
  if (rest > 0) bars.push({ key: '', value: rest, label: other(sorted.length - n) });
  return bars;
}

/** A round top for the value axis and its ticks: 0, step, 2·step, … ≥ max (e.g. 37 → 0,10,20,30,40). */
export function niceAxis(max: number, ticks = 4): { top: number; step: number; values: number[] } {
  if (!(max > 0)) return { top: 1, step: 1, values: [0, 1] };
  const raw = max / ticks;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(
    1,
    [1, 2, 2.5, 5, 10].map((f) => f * mag).find((s) => s >= raw)!,
  );
  const top = Math.ceil(max / step) * step;
  const values: number[] = [];
  for (let v = 0; v <= top + step / 2; v += step) values.push(Math.round(v * 100) / 100);
  return { top, step, values };
}

/** "2026年11月" for a report's file name (the report is a Chinese document whatever the screen's language). */
export function monthTitle(d: Date): string {
  return `${d.getFullYear()}年${d.getMonth() + 1}月`;
}
