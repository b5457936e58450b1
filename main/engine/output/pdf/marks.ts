import { PT_PER_MM } from '../../../core/index.js';
import type { Doc } from './context.js';
import type { PagePlan } from './page-plan.js';
import type { PdfColour } from './paint.js';
import { registrationCross } from './shapes.js';

/** Printers' hairline: 0.25 pt. */
export const HAIRLINE_MM = 0.25 / PT_PER_MM;
export const CROP_MARK_LENGTH_MM = 5;
/** Crop marks never come closer to the trim than this, even without bleed. */
const MIN_CROP_OFFSET_MM = 3;

/** How far from the trim crop marks start: clear of the bleed. */
export function cropMarkOffsetMm(bleedMm: number): number {
  return Math.max(MIN_CROP_OFFSET_MM, bleedMm + 1);
}

/**
 * Crop marks at the four trim corners, in the page's mm space (trim origin): two short lines per
 * corner on the extension of the trim edges, starting outside the bleed, in registration colour.
 */
export function drawCropMarks(doc: Doc, plan: PagePlan, colour: PdfColour): void {
  const off = cropMarkOffsetMm(plan.bleedMm);
  const len = CROP_MARK_LENGTH_MM;
  const { widthMm: w, heightMm: h } = plan;
  doc.save();
  for (const [x, sx] of [
    [0, -1],
    [w, 1],
  ] as const) {
    for (const [y, sy] of [
      [0, -1],
      [h, 1],
    ] as const) {
      doc.moveTo(x + sx * off, y).lineTo(x + sx * (off + len), y);
      doc.moveTo(x, y + sy * off).lineTo(x, y + sy * (off + len));
    }
  }
  doc.lineWidth(HAIRLINE_MM).lineCap('butt').stroke(colour);
  doc.restore();
}

/** Registration crosses (alignment marks), each a circle and cross, centred on the given points (mm). */
export function drawRegistrationCrosses(
  doc: Doc,
  points: readonly [number, number][],
  colour: PdfColour,
  sizeMm = 4,
): void {
  if (points.length === 0) return;
  doc.save();
  for (const [x, y] of points) registrationCross(doc, x, y, sizeMm, sizeMm * 0.6);
  doc.lineWidth(HAIRLINE_MM).lineCap('butt').stroke(colour);
  doc.restore();
}

/** Short ticks in a sheet's margin marking where an overlap begins and ends (mm, sheet space). */
export function drawTicks(
  doc: Doc,
  ticks: readonly { x1: number; y1: number; x2: number; y2: number }[],
  colour: PdfColour,
): void {
  if (ticks.length === 0) return;
  doc.save();
  for (const t of ticks) doc.moveTo(t.x1, t.y1).lineTo(t.x2, t.y2);
  doc.lineWidth(HAIRLINE_MM).lineCap('butt').stroke(colour);
  doc.restore();
}
