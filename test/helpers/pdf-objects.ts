import type * as mupdf from 'mupdf';
import type { PdfReader } from './pdf-reader.js';

/** Every object of a PDF file, read with MuPDF: for checks on what the file holds, used or not. */

export interface PdfObjectInfo {
  num: number;
  obj: mupdf.PDFObject;
}

export function allObjects(reader: PdfReader): PdfObjectInfo[] {
  const out: PdfObjectInfo[] = [];
  const n = reader.doc.countObjects();
  for (let num = 1; num < n; num++) {
    const obj = reader.doc.newIndirect(num).resolve();
    if (!obj.isNull()) out.push({ num, obj });
  }
  return out;
}

const nameOf = (o: mupdf.PDFObject): string => (o.isName() ? o.asName() : o.isArray() ? nameOf(o.get(0)) : '');

/** Image XObjects: their colour space family (DeviceCMYK, DeviceRGB, ICCBased…), filter, size, soft mask. */
export function images(
  reader: PdfReader,
): { colourSpace: string; filter: string; width: number; height: number; smask: boolean }[] {
  return allObjects(reader)
    .filter(({ obj }) => obj.isDictionary() && nameOf(obj.get('Subtype')) === 'Image')
    .map(({ obj }) => ({
      colourSpace: nameOf(obj.get('ColorSpace')),
      filter: nameOf(obj.get('Filter')),
      width: obj.get('Width').asNumber(),
      height: obj.get('Height').asNumber(),
      smask: !obj.get('SMask').isNull(),
    }));
}

/** Whether any object (dictionary, array, or stream's dictionary) or content stream names DeviceRGB. */
export function mentionsDeviceRgb(reader: PdfReader): boolean {
  return allObjects(reader).some(({ obj }) => {
    if (obj.toString().includes('/DeviceRGB')) return true;
    if (!obj.isStream()) return false;
    const sub = nameOf(obj.get('Subtype'));
    // Content streams (pages and forms) are text; images and fonts are binary.
    if (sub === 'Image' || obj.get('Length1').isNumber() || sub === 'CIDFontType0C') return false;
    try {
      return obj.readStream().asString().includes('DeviceRGB');
    } catch {
      return false;
    }
  });
}

/** A page's XObjects by resource name (forms and images), resolved. */
export function pageXObjects(reader: PdfReader, page: number): Map<string, mupdf.PDFObject> {
  const out = new Map<string, mupdf.PDFObject>();
  const xo = reader.doc.findPage(page).getInheritable('Resources').get('XObject');
  if (xo.isDictionary()) xo.forEach((v, k) => out.set(String(k), v.resolve()));
  return out;
}
