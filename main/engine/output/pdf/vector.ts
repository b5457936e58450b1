import type { VectorItem } from '../../scene/types.js';
import type { DrawContext } from './context.js';

/**
 * An illustration as PDF vector paths (never an image XObject): the shapes in picture units under
 * one transform, each filled in the page's colour space — DeviceCMYK in a print PDF, converted
 * like every other vector colour. pdfkit's path parser reads the normalised M/L/C/Z data.
 */
export function drawVector(ctx: DrawContext, it: VectorItem): void {
  const { doc, paint } = ctx;
  doc.save();
  doc.transform(...it.matrix);
  let opacity = 1;
  for (const sh of it.shapes) {
    // Opacity lives in the graphics state; set it only when it changes (restore resets it).
    if (sh.opacity !== opacity) doc.fillOpacity((opacity = sh.opacity));
    doc.path(sh.d).fill(paint.of(sh.fill), sh.evenOdd ? 'even-odd' : 'non-zero');
  }
  doc.restore();
}
