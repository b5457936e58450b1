import { bundledFaces, DEFAULT_FAMILY } from '../../fonts/bundled.js';
import { openFace, type Face } from '../../fonts/face.js';
import type { PlacedGlyph, TextRunItem } from '../../scene/types.js';
import type { DrawContext } from './context.js';
import { drawTextRun } from './text.js';

const labelFaces = new Map<number, Face>();

/** The bundled Noto Sans SC (400 or 700): always present, whatever the design uses. */
export function labelFace(weight: 400 | 700 = 400): Face {
  let f = labelFaces.get(weight);
  if (!f) {
    const src = bundledFaces().find((b) => b.family === DEFAULT_FAMILY && b.weight === weight) ?? bundledFaces()[0];
    if (!src) throw new Error('no bundled font');
    labelFaces.set(weight, (f = openFace(src)));
  }
  return f;
}

/** A one-line text run laid out with fontkit, its baseline starting at (x, y) mm. */
export function labelRun(
  text: string,
  x: number,
  y: number,
  sizeMm: number,
  f: Face = labelFace(),
  fill: TextRunItem['fill'] = { rgb: '#333333' },
): TextRunItem {
  const run = f.font.layout(text, []);
  const s = sizeMm / f.unitsPerEm;
  const glyphs: PlacedGlyph[] = [];
  let pen = x;
  run.glyphs.forEach((g, i) => {
    const pos = run.positions[i];
    glyphs.push({
      gid: g.id,
      x: pen + (pos?.xOffset ?? 0) * s,
      y: y - (pos?.yOffset ?? 0) * s,
      text: String.fromCodePoint(...g.codePoints),
    });
    pen += (pos?.xAdvance ?? 0) * s;
  });
  return {
    kind: 'text',
    elementId: 'pdf-label',
    face: f,
    sizeMm,
    spacingMm: 0,
    together: true,
    text,
    glyphs,
    fill,
  };
}

/** A small grey label (sheet numbers and the like), as text or outlines like the rest. */
export function drawLabel(ctx: DrawContext, text: string, x: number, y: number, sizeMm: number): void {
  drawTextRun(ctx, labelRun(text, x, y, sizeMm));
}
