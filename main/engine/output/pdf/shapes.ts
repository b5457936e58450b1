import type { Doc } from './context.js';

/** Bézier handle length for a quarter ellipse. */
const KAPPA = 0.5522847498;

/**
 * A rectangle path with rounded corners as SVG draws `<rect rx>`: ry = rx, each clamped to half
 * its side independently (pdfkit's roundedRect clamps both to the shorter half instead).
 */
export function roundedRectPath(doc: Doc, x: number, y: number, w: number, h: number, r: number): Doc {
  const rx = Math.max(0, Math.min(r, w / 2));
  const ry = Math.max(0, Math.min(r, h / 2));
  if (rx === 0 || ry === 0) return doc.rect(x, y, w, h);
  const cx = rx * (1 - KAPPA);
  const cy = ry * (1 - KAPPA);
  const x1 = x + w;
  const y1 = y + h;
  return doc
    .moveTo(x + rx, y)
    .lineTo(x1 - rx, y)
    .bezierCurveTo(x1 - cx, y, x1, y + cy, x1, y + ry)
    .lineTo(x1, y1 - ry)
    .bezierCurveTo(x1, y1 - cy, x1 - cx, y1, x1 - rx, y1)
    .lineTo(x + rx, y1)
    .bezierCurveTo(x + cx, y1, x, y1 - cy, x, y1 - ry)
    .lineTo(x, y + ry)
    .bezierCurveTo(x, y + cy, x + cx, y, x + rx, y)
    .closePath();
}

/** A registration target: a circle with a cross through it, centred on (x, y), in mm. */
export function registrationCross(doc: Doc, x: number, y: number, armMm: number, radiusMm: number): Doc {
  doc.moveTo(x - armMm, y).lineTo(x + armMm, y);
  doc.moveTo(x, y - armMm).lineTo(x, y + armMm);
  return doc.circle(x, y, radiusMm);
}
