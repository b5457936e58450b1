import type { TextElement } from '../../core/index.js';
import type { Face } from '../fonts/face.js';
import { resolveFont, type ResolvedFont } from '../fonts/font-set.js';
import type { PlacedGlyph, TextRunItem } from '../scene/types.js';
import { fitText } from './fit.js';
import { segment } from './kinsoku.js';
import { lineWidthEm, measureUnits, type Unit } from './measure.js';
import { shape } from './shape.js';
import { VERTICAL_FORMS } from './vertical-forms.js';

export interface TextLayout {
  sizeMm: number;
  lineCount: number;
  overflow: boolean;
  balanced: boolean;
  /** Characters no available font could draw. */
  missing: string[];
  /** Set when the design's font family is not on this machine. */
  substituted?: string;
  /** The block of em boxes actually occupied, mm (for preflight). */
  block: { x: number; y: number; w: number; h: number };
  runs: TextRunItem[];
}

function verticalUnits(text: string, rf: ResolvedFont): Unit[] {
  // Every character stands upright in its own 1 em cell, digits included (竖排 convention).
  const chars = [...text].map((ch) => {
    const v = VERTICAL_FORMS[ch];
    return v && rf.primary.font.hasGlyphForCodePoint(v.codePointAt(0)!) ? v : ch;
  });
  return measureUnits(chars, rf).map((u) => ({ ...u, advanceEm: 1 }));
}

function paragraphs(el: TextElement, rf: ResolvedFont): Unit[][] {
  return el.text
    .split(/\r?\n/)
    .map((p) => (el.writing === 'vertical' ? verticalUnits(p, rf) : measureUnits(segment(p), rf)));
}

/** Lay a text element out: size, lines (or columns), and every glyph placed in mm. */
export function layoutText(el: TextElement): TextLayout {
  const rf = resolveFont(el.font);
  const vertical = el.writing === 'vertical';
  const lineBoxEm = vertical ? 1 : rf.primary.ascent + rf.primary.descent;
  const fit = fitText(
    {
      paragraphs: paragraphs(el, rf),
      spacingEm: el.letterSpacing,
      lineHeight: el.lineHeight,
      lineBoxEm,
      size: el.size,
      balance: el.balance,
    },
    vertical ? { main: el.box.h, cross: el.box.w } : { main: el.box.w, cross: el.box.h },
  );
  const s = fit.sizeMm;
  const spacingMm = el.letterSpacing * s;
  const n = fit.lines.length;
  const crossMm = (lineBoxEm + (n - 1) * el.lineHeight) * s;
  const mainMm = Math.max(0, ...fit.lines.map((l) => lineWidthEm(l, el.letterSpacing) * s));
  const runs: TextRunItem[] = [];
  const paint = { fill: el.colour, ...(el.stroke ? { stroke: el.stroke } : {}) };
  let block: TextLayout['block'];

  if (!vertical) {
    const top = alignStart(el.box.y, el.box.h, crossMm, el.valign === 'top' ? 0 : el.valign === 'bottom' ? 1 : 0.5);
    fit.lines.forEach((line, i) => {
      const baseline = top + rf.primary.ascent * s + i * el.lineHeight * s;
      const w = lineWidthEm(line, el.letterSpacing) * s;
      const x0 = alignStart(el.box.x, el.box.w, w, el.align === 'left' ? 0 : el.align === 'right' ? 1 : 0.5);
      runs.push(...placeLine(el.id, line, x0, baseline, s, spacingMm, paint));
    });
    const bx = alignStart(el.box.x, el.box.w, mainMm, el.align === 'left' ? 0 : el.align === 'right' ? 1 : 0.5);
    block = { x: bx, y: top, w: mainMm, h: crossMm };
  } else {
    // Columns run right to left; `align` places the block across (left/centre/right), `valign` along.
    const left = alignStart(el.box.x, el.box.w, crossMm, el.align === 'left' ? 0 : el.align === 'right' ? 1 : 0.5);
    fit.lines.forEach((col, i) => {
      const centreX = left + crossMm - s / 2 - i * el.lineHeight * s;
      const h = lineWidthEm(col, el.letterSpacing) * s;
      const top = alignStart(el.box.y, el.box.h, h, el.valign === 'top' ? 0 : el.valign === 'bottom' ? 1 : 0.5);
      runs.push(...placeColumn(el.id, col, centreX, top, s, spacingMm, paint));
    });
    const top = alignStart(el.box.y, el.box.h, mainMm, el.valign === 'top' ? 0 : el.valign === 'bottom' ? 1 : 0.5);
    block = { x: left, y: top, w: crossMm, h: mainMm };
  }
  const missing = [...new Set(fit.lines.flat().flatMap((u) => u.missing))];
  return {
    sizeMm: s,
    lineCount: n,
    overflow: fit.overflow,
    balanced: fit.balanced,
    missing,
    ...(rf.substituted ? { substituted: rf.substituted } : {}),
    block,
    runs,
  };
}

const alignStart = (start: number, avail: number, used: number, frac: number): number => start + (avail - used) * frac;

type Paint = Pick<TextRunItem, 'fill' | 'stroke'>;

/** One horizontal line: consecutive units of one face become one run, shaped as a whole string. */
function placeLine(
  id: string,
  line: Unit[],
  x0: number,
  baseline: number,
  s: number,
  spacingMm: number,
  paint: Paint,
): TextRunItem[] {
  const runs: TextRunItem[] = [];
  let x = x0;
  let i = 0;
  while (i < line.length) {
    const face = line[i]!.face;
    let text = '';
    while (i < line.length && line[i]!.face === face) text += line[i++]!.text;
    const k = s / face.unitsPerEm;
    const glyphs: PlacedGlyph[] = shape(face, text).map((g) => {
      const placed = {
        gid: g.id,
        x: x + g.xOffset * k,
        y: baseline - g.yOffset * k,
        text: String.fromCodePoint(...g.codePoints),
      };
      x += g.xAdvance * k + spacingMm;
      return placed;
    });
    runs.push({ kind: 'text', elementId: id, face, sizeMm: s, spacingMm, together: true, text, glyphs, ...paint });
  }
  return runs;
}

/** One vertical column: glyphs stacked in 1 em cells, centred on the column axis. */
function placeColumn(
  id: string,
  col: Unit[],
  centreX: number,
  top: number,
  s: number,
  spacingMm: number,
  paint: Paint,
): TextRunItem[] {
  const byFace = new Map<Face, PlacedGlyph[]>();
  let y = top;
  for (const u of col) {
    const k = s / u.face.unitsPerEm;
    const g = shape(u.face, u.text)[0];
    if (g) {
      const adv = g.xAdvance * k;
      const list = byFace.get(u.face) ?? [];
      list.push({ gid: g.id, x: centreX - adv / 2, y: y + u.face.ascent * s, text: u.text });
      byFace.set(u.face, list);
    }
    y += s + spacingMm;
  }
  return [...byFace].map(([face, glyphs]) => ({
    kind: 'text' as const,
    elementId: id,
    face,
    sizeMm: s,
    spacingMm,
    together: false,
    text: glyphs.map((g) => g.text).join(''),
    glyphs,
    ...paint,
  }));
}
