import { bundledFaces, DEFAULT_FAMILY } from '../../fonts/bundled.js';
import { openFace, type Face } from '../../fonts/face.js';
import type { PlacedGlyph, TextRunItem } from '../../scene/types.js';
import type { DrawContext } from './context.js';
import { drawTextRun } from './text.js';

let labelFace: Face | undefined;

/** The bundled Noto Sans SC Regular: always present, whatever the design uses. */
function face(): Face {
  if (!labelFace) {
    const src = bundledFaces().find((f) => f.family === DEFAULT_FAMILY && f.weight === 400) ?? bundledFaces()[0];
    if (!src) throw new Error('no bundled font');
    labelFace = openFace(src);
  }
  return labelFace;
}

/** A one-line text run laid out with fontkit, its baseline starting at (x, y) mm. */
export function labelRun(text: string, x: number, y: number, sizeMm: number): TextRunItem {
  const f = face();
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
    fill: { rgb: '#333333' },
  };
}

/** A small grey label (sheet numbers and the like), as text or outlines like the rest. */
export function drawLabel(ctx: DrawContext, text: string, x: number, y: number, sizeMm: number): void {
  drawTextRun(ctx, labelRun(text, x, y, sizeMm));
}
