import type { Colour } from '../../core/index.js';
import type { Face } from '../fonts/face.js';
import type { PlacedGlyph, TextGradient, TextRunItem } from '../scene/types.js';
import type { Unit } from './measure.js';
import type { SetLine } from './set-line.js';
import { shape } from './shape.js';

/** How the runs of one element are painted: its colour, and the gradient for unmarked words. */
export interface RunPaint {
  elementId: string;
  colour: Colour;
  gradient?: TextGradient;
}

const sameColour = (a: Colour | undefined, b: Colour | undefined): boolean =>
  a === b || (!!a && !!b && a.rgb === b.rgb && a.cmyk?.join() === b.cmyk?.join());

/** Consecutive units drawn alike (face, size, colour) become one run. */
function groups(units: readonly Unit[]): Unit[][] {
  const out: Unit[][] = [];
  for (const u of units) {
    const g = out.at(-1);
    const h = g?.[0];
    if (g && h && h.face === u.face && h.scale === u.scale && sameColour(h.colour, u.colour)) g.push(u);
    else out.push([u]);
  }
  return out;
}

function run(
  paint: RunPaint,
  face: Face,
  sizeMm: number,
  spacingMm: number,
  together: boolean,
  glyphs: PlacedGlyph[],
  colour: Colour | undefined,
): TextRunItem {
  return {
    kind: 'text',
    elementId: paint.elementId,
    face,
    sizeMm,
    spacingMm,
    together,
    text: glyphs.map((g) => g.text).join(''),
    glyphs,
    fill: colour ?? paint.colour,
    ...(!colour && paint.gradient ? { gradient: paint.gradient } : {}),
  };
}

/** A line's runs: each group of units drawn alike, its glyphs placed by `place` (size, scale k). */
function placeGroups(
  line: SetLine,
  s: number,
  spacingMm: number,
  paint: RunPaint,
  together: boolean,
  place: (units: Unit[], size: number, k: number) => PlacedGlyph[],
): TextRunItem[] {
  return groups([...line.units, ...line.hang]).map((g) => {
    const head = g[0]!;
    const size = s * head.scale;
    return run(paint, head.face, size, spacingMm, together, place(g, size, size / head.face.unitsPerEm), head.colour);
  });
}

/**
 * One horizontal line from its pen start: the measure, then its hanging punctuation. Units drawn
 * alike are shaped as one string, so a PDF can set them as one.
 */
export function placeLine(
  line: SetLine,
  x0: number,
  baseline: number,
  s: number,
  spacingMm: number,
  paint: RunPaint,
): TextRunItem[] {
  let x = x0;
  return placeGroups(line, s, spacingMm, paint, true, (g, _size, k) =>
    shape(g[0]!.face, g.map((u) => u.text).join('')).map((sg) => {
      const placed = {
        gid: sg.id,
        x: x + sg.xOffset * k,
        y: baseline - sg.yOffset * k,
        text: String.fromCodePoint(...sg.codePoints),
      };
      x += sg.xAdvance * k + spacingMm;
      return placed;
    }),
  );
}

/** One vertical column from its top: each character upright in its cell, centred on the axis. */
export function placeColumn(
  col: SetLine,
  centreX: number,
  top: number,
  s: number,
  spacingMm: number,
  paint: RunPaint,
): TextRunItem[] {
  let y = top;
  return placeGroups(col, s, spacingMm, paint, false, (g, size, k) => {
    const glyphs: PlacedGlyph[] = [];
    for (const u of g)
      for (const ch of u.text) {
        const sg = shape(u.face, ch)[0];
        if (sg) glyphs.push({ gid: sg.id, x: centreX - (sg.xAdvance * k) / 2, y: y + u.face.ascent * size, text: ch });
        y += size + spacingMm;
      }
    return glyphs;
  });
}
