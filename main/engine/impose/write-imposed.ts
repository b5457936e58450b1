import { PT_PER_MM } from '../../core/index.js';
import { addPage, setPageBoxes, type DrawContext } from '../output/pdf/context.js';
import { drawCutContours, outlinePath } from '../output/pdf/cut-contour.js';
import { drawScene } from '../output/pdf/draw-scene.js';
import { captureForm, placeForm, type PdfForm } from '../output/pdf/form-xobject.js';
import { drawLabel } from '../output/pdf/label.js';
import { drawRegistrationCrosses, drawTicks } from '../output/pdf/marks.js';
import { writePdfDocument, type PdfPage } from '../output/pdf/pdf-document.js';
import { isDieCut, trimPath } from '../scene/trim-shape.js';
import type { Scene } from '../scene/types.js';
import { placedSize, type ImposePlan, type Placement } from './plan.js';
import { placementMatrix, turnPath } from './turn.js';

/*
 * An imposition plan as a print PDF: one page per sheet, each distinct piece drawn once as a Form
 * XObject (its artwork and bleed, clipped to the bleed's outline: a round sticker's bleed is a
 * ring, not a square that would print into its neighbours) and shown at its exact size wherever
 * the plan puts it. On every sheet: crop marks in the borders on every trim edge, registration
 * targets in the four corners for a cutting plotter's camera, the CutContour line of every die-cut
 * piece (its own layer, cut-contour.ts), and the sheet label (job, sheet n of m, sheet size). A
 * piece the plan turned is shown turned (turn.ts): the same form, its cut line and its trim's marks.
 */

export interface ImposedPdf {
  scenes: readonly Scene[];
  plan: ImposePlan;
  /** The job's name on each sheet's label. */
  job: string;
  sheetLabel: string;
}

/** Crop marks stop this far short of the outermost bleed edge. */
const MARK_OFFSET_MM = 2;
const MARK_LENGTH_MM = 5;
const LABEL_MM = 2.5;

const key = (v: number) => Math.round(v * 100) / 100;

/** A piece drawn once: its scene in the form's mm space, clipped to the bleed's outline. */
function pieceForm(ctx: DrawContext, scene: Scene): PdfForm {
  const b = scene.bleedMm;
  return captureForm(ctx.doc, { x: -b, y: -b, w: scene.widthMm + 2 * b, h: scene.heightMm + 2 * b }, () => {
    ctx.doc.save();
    outlinePath(ctx.doc, trimPath(scene, b));
    ctx.doc.clip();
    drawScene(ctx, scene);
    ctx.doc.restore();
  });
}

/** Short marks in the borders on the line of every trim edge on the sheet. */
function cropMarks(
  ctx: DrawContext,
  scenes: readonly Scene[],
  sheet: readonly Placement[],
  w: number,
  h: number,
): void {
  const xs = new Set<number>();
  const ys = new Set<number>();
  let [left, top, right, bottom] = [w, h, 0, 0];
  for (const p of sheet) {
    const s = scenes[p.item]!;
    const { w: pw, h: ph } = placedSize(s, p.rotated);
    xs.add(key(p.x)).add(key(p.x + pw));
    ys.add(key(p.y)).add(key(p.y + ph));
    left = Math.min(left, p.x - s.bleedMm);
    right = Math.max(right, p.x + pw + s.bleedMm);
    top = Math.min(top, p.y - s.bleedMm);
    bottom = Math.max(bottom, p.y + ph + s.bleedMm);
  }
  const ticks: { x1: number; y1: number; x2: number; y2: number }[] = [];
  const o = MARK_OFFSET_MM;
  const l = MARK_LENGTH_MM;
  for (const x of xs) {
    ticks.push({ x1: x, y1: top - o - l, x2: x, y2: top - o });
    ticks.push({ x1: x, y1: bottom + o, x2: x, y2: bottom + o + l });
  }
  for (const y of ys) {
    ticks.push({ x1: left - o - l, y1: y, x2: left - o, y2: y });
    ticks.push({ x1: right + o, y1: y, x2: right + o + l, y2: y });
  }
  drawTicks(ctx.doc, ticks, ctx.paint.registration);
}

function sheetPage(ctx: DrawContext, spec: ImposedPdf, forms: Map<number, PdfForm>, n: number): void {
  const { plan, scenes } = spec;
  const sheet = plan.sheets[n]!;
  const w = plan.sheetWidthMm;
  const h = plan.sheetHeightMm;
  const { doc } = ctx;
  addPage(doc, w * PT_PER_MM, h * PT_PER_MM, 1);
  const box: [number, number, number, number] = [0, 0, w * PT_PER_MM, h * PT_PER_MM];
  setPageBoxes(doc, { TrimBox: box, BleedBox: box });
  doc.scale(PT_PER_MM);
  for (const p of sheet) {
    let form = forms.get(p.item);
    if (!form) forms.set(p.item, (form = pieceForm(ctx, scenes[p.item]!)));
    placeForm(doc, form, placementMatrix(p, scenes[p.item]!.heightMm));
  }
  cropMarks(ctx, scenes, sheet, w, h);
  const c = plan.marginMm / 2;
  drawRegistrationCrosses(
    doc,
    [
      [c, c],
      [w - c, c],
      [c, h - c],
      [w - c, h - c],
    ],
    ctx.paint.registration,
  );
  drawCutContours(
    doc,
    sheet
      .filter((p) => isDieCut(scenes[p.item]!))
      .map((p) => {
        const s = scenes[p.item]!;
        return { path: p.rotated ? turnPath(trimPath(s), s.heightMm) : trimPath(s), dx: p.x, dy: p.y };
      }),
  );
  const label = `${spec.job} · 第 ${n + 1}/${plan.sheets.length} 张 · ${spec.sheetLabel} · ${sheet.length} 件`;
  drawLabel(ctx, label, plan.marginMm + 2, h - 2.5, LABEL_MM);
}

/** Writes the imposed sheets; the file appears whole or not at all. */
export async function writeImposedPdf(
  out: string,
  spec: ImposedPdf,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  const cmyk = spec.scenes.some((s) => s.colourMode === 'cmyk');
  const forms = new Map<number, PdfForm>();
  const pages = spec.plan.sheets.map((sheet, n): PdfPage => ({
    name: `第 ${n + 1} 张`,
    cmyk,
    scenes: [...new Set(sheet.map((p) => spec.scenes[p.item]!))],
    draw: (ctx) => sheetPage(ctx, spec, forms, n),
  }));
  await writePdfDocument(out, pages, { title: `${spec.job}（拼版）`, ...(onProgress ? { onProgress } : {}) });
}
