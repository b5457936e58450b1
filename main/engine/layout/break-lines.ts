import { lineWidthEm, type Unit } from './measure.js';
import { mayBreak } from './split.js';

/**
 * Greedy line breaking within `maxEm`, between words only, honouring the 禁则 rules: when the
 * unit that overflows may not start a line, the break moves back to the last allowed place (推出).
 * A word wider than the line on its own stays on a line by itself (the caller sees the overflow in
 * the width, and may break the word into characters). Spaces at line ends are dropped.
 */
export function breakLines(units: readonly Unit[], maxEm: number, spacingEm: number): Unit[][] {
  const lines: Unit[][] = [];
  let line: Unit[] = [];
  let width = 0;
  let glyphs = 0;
  const widthWith = (u: Unit) => width + u.advanceEm + Math.max(0, glyphs + u.glyphCount - 1) * spacingEm;
  for (const u of units) {
    if (line.length === 0 && u.isSpace) continue;
    const w = widthWith(u);
    if (w <= maxEm + 1e-9 || line.length === 0) {
      line.push(u);
      width += u.advanceEm;
      glyphs += u.glyphCount;
      continue;
    }
    if (u.isSpace) {
      lines.push(line);
      line = [];
      width = 0;
      glyphs = 0;
      continue;
    }
    // Find the last index where breaking is allowed: between line[i-1] and line[i] (or before u).
    let cut = line.length;
    let next: Unit = u;
    while (cut > 0 && !mayBreak(line[cut - 1]!, next)) {
      cut--;
      next = line[cut]!;
    }
    if (cut === 0) {
      // Nowhere allowed (a bracketed word wider than the line): it stays together and overflows,
      // which the fit sees; 禁则 and whole words come before the measure.
      line.push(u);
      width += u.advanceEm;
      glyphs += u.glyphCount;
      continue;
    }
    const carried = line.slice(cut);
    lines.push(trimEnd(line.slice(0, cut)));
    line = [...carried, u];
    width = line.reduce((a, x) => a + x.advanceEm, 0);
    glyphs = line.reduce((a, x) => a + x.glyphCount, 0);
    if (lineWidthEm(line, spacingEm) > maxEm + 1e-9 && line.length > 1) {
      // The carried units plus u do not fit: start again from the carried part alone.
      const last = line.pop()!;
      lines.push(trimEnd(line));
      line = [last];
      width = last.advanceEm;
      glyphs = last.glyphCount;
    }
  }
  if (line.length) lines.push(trimEnd(line));
  return lines;
}

function trimEnd(line: Unit[]): Unit[] {
  let end = line.length;
  while (end > 0 && line[end - 1]!.isSpace) end--;
  return line.slice(0, end);
}
