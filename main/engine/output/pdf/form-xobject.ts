import { PT_PER_MM } from '../../../core/index.js';
import { newRef, type Doc, type PdfRef } from './context.js';

/*
 * A Form XObject: content drawn once and shown many times (each placement a `Do` with its own
 * matrix), so 600 stickers of 12 designs cost 12 drawings, not 600. pdfkit has no API for forms:
 * while `draw` runs, pdfkit's current page is swapped for a stand-in whose content stream is the
 * form's and whose resource dictionary (fonts, images, graphics states, patterns, colour spaces)
 * is the form's own, and its transform starts from the form's identity (so gradients, whose
 * pattern matrix pdfkit works out from its tracked transform, land right inside the form).
 */

export interface PdfForm {
  ref: PdfRef;
  /** Its resource name on the pages that show it. */
  name: string;
}

// The pdfkit state swapped while a form is drawn.
interface DocState {
  page: unknown;
  _ctm: number[];
  _ctmStack: number[][];
}

let counter = 0;

const PROC_SET = ['PDF', 'Text', 'ImageB', 'ImageC', 'ImageI'];

/** A page stand-in writing into a form, as far as pdfkit's drawing code uses a page. */
function formPage(form: PdfRef, resources: PdfRef, widthPt: number, heightPt: number) {
  const data = resources.data;
  const dict = (key: string) => (data[key] ??= {}) as Record<string, unknown>;
  return {
    width: widthPt,
    height: heightPt,
    margins: { top: 0, left: 0, bottom: 0, right: 0 },
    resources,
    dictionary: { data: {} },
    markings: [],
    get fonts() {
      return dict('Font');
    },
    get xobjects() {
      return dict('XObject');
    },
    get ext_gstates() {
      return dict('ExtGState');
    },
    get patterns() {
      return dict('Pattern');
    },
    get colorSpaces() {
      return dict('ColorSpace');
    },
    write: (chunk: string | Uint8Array) => form.write(chunk),
  };
}

/**
 * Draws into a new form whose space is the page's mm, trim top-left origin, y down — the space
 * scenes are drawn in — with `bboxMm` (x, y, w, h in that space) as its bounding box.
 */
export function captureForm(
  doc: Doc,
  bboxMm: { x: number; y: number; w: number; h: number },
  draw: () => void,
): PdfForm {
  const k = PT_PER_MM;
  const resources = newRef(doc, { ProcSet: PROC_SET });
  // Form space is PDF's (points, y up); the content starts by turning it into mm, y down.
  const bbox = [bboxMm.x * k, -(bboxMm.y + bboxMm.h) * k, (bboxMm.x + bboxMm.w) * k, -bboxMm.y * k];
  const form = newRef(doc, { Type: 'XObject', Subtype: 'Form', FormType: 1, BBox: bbox, Resources: resources });
  const state = doc as unknown as DocState;
  const saved = { page: state.page, ctm: state._ctm, stack: state._ctmStack };
  state.page = formPage(form, resources, bboxMm.w * k, bboxMm.h * k);
  state._ctm = [1, 0, 0, 1, 0, 0];
  state._ctmStack = [];
  try {
    doc.save();
    doc.transform(k, 0, 0, -k, 0, 0);
    draw();
    doc.restore();
  } finally {
    state.page = saved.page;
    state._ctm = saved.ctm;
    state._ctmStack = saved.stack;
  }
  form.end();
  resources.end();
  return { ref: form, name: `Fm${++counter}` };
}

/**
 * Shows a form on the current page, 1:1: its mm (x, y down) land at (a·x + c·y + e, b·x + d·y + f)
 * in the current mm space — [1, 0, 0, 1, x, y] puts its origin at (x, y); a quarter turn is allowed.
 */
export function placeForm(doc: Doc, form: PdfForm, [a, b, c, d, e, f]: readonly number[]): void {
  const page = (doc as unknown as { page: { xobjects: Record<string, unknown> } }).page;
  page.xobjects[form.name] = form.ref;
  doc.save();
  // Undo the form's own mm → pt turn (its points y up) in the same matrix: one cm per placement.
  const k = PT_PER_MM;
  doc.transform(a! / k, b! / k, -c! / k, -d! / k, e!, f!);
  doc.addContent(`/${form.name} Do`);
  doc.restore();
}
