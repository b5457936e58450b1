import type { TrimPath } from '../../scene/trim-shape.js';
import { addSpotColour, docInternals, newRef, type Doc, type PdfRef } from './context.js';
import { HAIRLINE_MM } from './marks.js';
import { roundedRectPath } from './shapes.js';

/*
 * The die-cut line as cutting plotters and RIPs read it (DESIGN.md §5): a stroke in a spot colour
 * named `CutContour` — a Separation whose alternate is 100 % magenta, so a proof shows it — set to
 * overprint (it must never knock a white hole into the artwork under it), a hairline, on the
 * trim's outline. It sits in an optional content group (a layer) of its own, also named
 * CutContour, so a viewer or the shop can hide it, and it is the only thing drawn in that colour.
 *
 * pdfkit has spot colours (`addSpotColor`: exactly such a Separation) but no optional content: the
 * group, the catalogue's /OCProperties, the page's /Properties and the overprint graphics state
 * are written here through its low-level `ref()` and the page's resource dictionary.
 */

export const CUT_CONTOUR = 'CutContour';
/** Resource names on each page that draws a cut line. */
const OC_NAME = 'OcCut';
const GS_NAME = 'GsCutOverprint';

interface CutResources {
  ocg: PdfRef;
  overprint: PdfRef;
}

const perDoc = new WeakMap<Doc, CutResources>();

/** The spot colour, the layer and the overprint state, made once per document. */
function resources(doc: Doc): CutResources {
  let r = perDoc.get(doc);
  if (r) return r;
  addSpotColour(doc, CUT_CONTOUR, [0, 100, 0, 0]);
  const ocg = newRef(doc, {
    Type: 'OCG',
    Name: new String(CUT_CONTOUR),
    // Printed and shown by default: a shop that prints the proof on its own press hides it itself.
    Usage: { Print: { PrintState: 'ON' }, View: { ViewState: 'ON' } },
  });
  ocg.end();
  docInternals(doc).root.data.OCProperties = {
    OCGs: [ocg],
    D: { Name: new String('Default'), Order: [ocg], ON: [ocg], OFF: [] },
  };
  const overprint = newRef(doc, { Type: 'ExtGState', OP: true, op: true, OPM: 1 });
  overprint.end();
  r = { ocg, overprint };
  perDoc.set(doc, r);
  return r;
}

/** Adds the outline's path in the current (mm) space, moved by (dx, dy). */
export function outlinePath(doc: Doc, p: TrimPath, dx = 0, dy = 0): void {
  if (p.kind === 'polygon') {
    p.points.forEach(([x, y], i) => (i ? doc.lineTo(x + dx, y + dy) : doc.moveTo(x + dx, y + dy)));
    doc.closePath();
  } else if (p.kind === 'ellipse') doc.ellipse(p.cx + dx, p.cy + dy, p.rx, p.ry);
  else roundedRectPath(doc, p.x + dx, p.y + dy, p.w, p.h, p.r);
}

/**
 * Strokes cut lines on the current page in the CutContour layer: each outline in the current
 * space moved by its offset (mm), all in one marked-content block.
 */
export function drawCutContours(doc: Doc, outlines: readonly { path: TrimPath; dx: number; dy: number }[]): void {
  if (outlines.length === 0) return;
  const { ocg, overprint } = resources(doc);
  const res = docInternals(doc).page.resources.data;
  const props = (res.Properties ??= {}) as Record<string, unknown>;
  props[OC_NAME] = ocg;
  (res.ExtGState ??= {}) as Record<string, unknown>;
  (res.ExtGState as Record<string, unknown>)[GS_NAME] = overprint;
  doc.addContent(`/OC /${OC_NAME} BDC`);
  doc.save();
  doc.addContent(`/${GS_NAME} gs`);
  doc.lineWidth(HAIRLINE_MM).lineJoin('round').lineCap('butt');
  // One path of every outline (no q/Q or cm may come between the parts of a path), one stroke.
  for (const o of outlines) outlinePath(doc, o.path, o.dx, o.dy);
  doc.stroke(CUT_CONTOUR);
  doc.restore();
  doc.addContent('EMC');
}
