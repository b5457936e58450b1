import { readFileSync } from 'node:fs';
import * as mupdf from 'mupdf';

/** PDF reading for tests, through MuPDF (WASM): what a real viewer makes of our files. */

const PT_PER_MM = 72 / 25.4;

export type PageBoxName = 'MediaBox' | 'CropBox' | 'BleedBox' | 'TrimBox' | 'ArtBox';

/** A box in millimetres of true size (UserUnit applied), y up from the media's bottom-left. */
export interface BoxMm {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  w: number;
  h: number;
}

export interface PageBoxes {
  userUnit: number;
  /** The boxes as written in the page dictionary, in PDF units (absent ones omitted). */
  raw: Partial<Record<PageBoxName, [number, number, number, number]>>;
  /** The same in mm of true size (units × UserUnit). */
  mm: Partial<Record<PageBoxName, BoxMm>>;
}

export interface FontInfo {
  /** BaseFont, e.g. "BZZZZZ+NotoSansSC-Regular". */
  name: string;
  subtype: string;
  /** Subset fonts carry a 6-capital-letter tag and "+". */
  subset: boolean;
  /** A FontFile/FontFile2/FontFile3 stream is present. */
  embedded: boolean;
  toUnicode: boolean;
}

/** An RGBA raster of a page: 4 bytes a pixel, rows top to bottom. */
export interface Raster {
  width: number;
  height: number;
  dpi: number;
  data: Uint8ClampedArray;
  /** [r, g, b, a] at pixel (x, y). */
  pixel(x: number, y: number): [number, number, number, number];
  /** [r, g, b, a] at a point given in mm from the rendered area's top-left corner. */
  pixelAtMm(xMm: number, yMm: number): [number, number, number, number];
}

const BOXES: PageBoxName[] = ['MediaBox', 'CropBox', 'BleedBox', 'TrimBox', 'ArtBox'];

export class PdfReader {
  private constructor(readonly doc: mupdf.PDFDocument) {}

  /** Opens a file path or bytes. */
  static open(src: string | Uint8Array): PdfReader {
    const bytes = typeof src === 'string' ? readFileSync(src) : src;
    const doc = mupdf.Document.openDocument(bytes, 'application/pdf').asPDF();
    if (!doc) throw new Error('not a PDF');
    return new PdfReader(doc);
  }

  get pageCount(): number {
    return this.doc.countPages();
  }

  /** "1.7" etc. */
  get version(): string {
    return (this.doc.getVersion() / 10).toFixed(1);
  }

  /** Document info entry: 'Title', 'Creator', 'Producer', ... */
  info(key: string): string | undefined {
    return this.doc.getMetaData(`info:${key}`);
  }

  private pageObj(i: number): mupdf.PDFObject {
    return this.doc.findPage(i);
  }

  boxes(i: number): PageBoxes {
    const page = this.pageObj(i);
    const uu = page.get('UserUnit');
    const userUnit = uu.isNumber() ? uu.asNumber() : 1;
    const out: PageBoxes = { userUnit, raw: {}, mm: {} };
    for (const name of BOXES) {
      const b = name === 'MediaBox' ? page.getInheritable(name) : page.get(name);
      if (!b.isArray() || b.length !== 4) continue;
      const r = [0, 1, 2, 3].map((k) => b.get(k).asNumber()) as [number, number, number, number];
      out.raw[name] = r;
      const [x0, y0, x1, y1] = r.map((v) => (v * userUnit) / PT_PER_MM) as [number, number, number, number];
      out.mm[name] = { x0, y0, x1, y1, w: x1 - x0, h: y1 - y0 };
    }
    return out;
  }

  /** The media box size in mm of true size. */
  sizeMm(i: number): { w: number; h: number } {
    const m = this.boxes(i).mm.MediaBox;
    if (!m) throw new Error(`page ${i} has no MediaBox`);
    return { w: m.w, h: m.h };
  }

  /** The text a reader would copy from a page (or all pages joined by newlines). */
  text(i?: number): string {
    if (i === undefined) return Array.from({ length: this.pageCount }, (_, k) => this.text(k)).join('\n');
    return this.doc.loadPage(i).toStructuredText('preserve-whitespace').asText();
  }

  /**
   * Every character a reader finds on a page, with its pen origin in mm of true size from the
   * media box's top-left corner (y down), its font name and size (mm).
   */
  chars(i: number): { c: string; x: number; y: number; font: string; sizeMm: number }[] {
    const out: { c: string; x: number; y: number; font: string; sizeMm: number }[] = [];
    this.doc
      .loadPage(i)
      .toStructuredText('preserve-whitespace')
      .walk({
        onChar(c, origin, font, size) {
          out.push({
            c,
            x: origin[0] / PT_PER_MM,
            y: origin[1] / PT_PER_MM,
            font: font.getName(),
            sizeMm: size / PT_PER_MM,
          });
        },
      });
    return out;
  }

  /** The decoded content stream(s) of a page, concatenated. */
  content(i: number): string {
    const c = this.pageObj(i).get('Contents');
    if (c.isArray()) {
      const parts: string[] = [];
      c.forEach((s) => parts.push(s.readStream().asString()));
      return parts.join('\n');
    }
    return c.isStream() ? c.readStream().asString() : '';
  }

  /** Every font referenced from any page, including inside form XObjects, once each. */
  fonts(): FontInfo[] {
    const seen = new Map<string, FontInfo>();
    const visitedRes = new Set<number>();
    const walkResources = (res: mupdf.PDFObject): void => {
      if (!res.isDictionary()) return;
      if (res.isIndirect()) {
        if (visitedRes.has(res.asIndirect())) return;
        visitedRes.add(res.asIndirect());
      }
      const fonts = res.get('Font');
      if (fonts.isDictionary()) fonts.forEach((f) => addFont(f.resolve()));
      const xobjs = res.get('XObject');
      if (xobjs.isDictionary()) xobjs.forEach((x) => walkResources(x.resolve().get('Resources')));
    };
    const addFont = (f: mupdf.PDFObject): void => {
      const name = f.get('BaseFont').isName() ? f.get('BaseFont').asName() : '';
      const subtype = f.get('Subtype').isName() ? f.get('Subtype').asName() : '';
      const desc =
        subtype === 'Type0' ? f.get('DescendantFonts').get(0).get('FontDescriptor') : f.get('FontDescriptor');
      const embedded = ['FontFile', 'FontFile2', 'FontFile3'].some((k) => desc.isDictionary() && !desc.get(k).isNull());
      seen.set(name, {
        name,
        subtype,
        subset: /^[A-Z]{6}\+/.test(name),
        embedded,
        toUnicode: !f.get('ToUnicode').isNull(),
      });
    };
    for (let i = 0; i < this.pageCount; i++) walkResources(this.pageObj(i).getInheritable('Resources'));
    return [...seen.values()];
  }

  /**
   * Rasterises a page at `dpi` (of true size: UserUnit applied) into RGBA, on white unless
   * `alpha`. `box` picks the rendered area (default the MediaBox); `regionMm` narrows it to a
   * rectangle given in mm from that box's top-left corner, so a detail can be checked at high dpi
   * without rendering the whole page.
   */
  rasterise(
    i: number,
    dpi: number,
    opts: { box?: PageBoxName; alpha?: boolean; regionMm?: { x: number; y: number; w: number; h: number } } = {},
  ): Raster {
    const page = this.doc.loadPage(i);
    const k = dpi / 72;
    const [bx0, by0, bx1, by1] = page.getBounds(opts.box ?? 'MediaBox');
    const g = opts.regionMm;
    const r = g
      ? [bx0 + g.x * PT_PER_MM, by0 + g.y * PT_PER_MM, bx0 + (g.x + g.w) * PT_PER_MM, by0 + (g.y + g.h) * PT_PER_MM]
      : [bx0, by0, bx1, by1];
    const [rx0, ry0, rx1, ry1] = (r as [number, number, number, number]).map((v) => v * k) as [
      number,
      number,
      number,
      number,
    ];
    // Pixel (0, 0) starts exactly at the area's top-left corner, as a raster of that area would;
    // the last row and column cover what is left (rounded up).
    const ibox: mupdf.Rect = [
      0,
      0,
      Math.max(1, Math.ceil(rx1 - rx0 - 0.001)),
      Math.max(1, Math.ceil(ry1 - ry0 - 0.001)),
    ];
    const alpha = opts.alpha ?? false;
    const pix = new mupdf.Pixmap(mupdf.ColorSpace.DeviceRGB, ibox, alpha);
    pix.clear(alpha ? 0 : 255);
    const dev = new mupdf.DrawDevice(mupdf.Matrix.identity, pix);
    page.run(dev, [k, 0, 0, k, -rx0, -ry0]);
    dev.close();
    dev.destroy();
    const width = pix.getWidth();
    const height = pix.getHeight();
    // n counts the alpha channel too.
    const n = pix.getNumberOfComponents();
    const src = pix.getPixels();
    const stride = pix.getStride();
    const data = new Uint8ClampedArray(width * height * 4);
    if (n === 4 && stride === width * 4) data.set(src.subarray(0, data.length));
    else {
      for (let y = 0; y < height; y++) {
        let s = y * stride;
        let d = y * width * 4;
        for (let x = 0; x < width; x++, s += n, d += 4) {
          data[d] = src[s] as number;
          data[d + 1] = src[s + 1] as number;
          data[d + 2] = src[s + 2] as number;
          data[d + 3] = n === 4 ? (src[s + 3] as number) : 255;
        }
      }
    }
    pix.destroy();
    const pixel = (x: number, y: number): [number, number, number, number] => {
      const xi = Math.min(width - 1, Math.max(0, Math.floor(x)));
      const yi = Math.min(height - 1, Math.max(0, Math.floor(y)));
      const d = (yi * width + xi) * 4;
      return [data[d] ?? 0, data[d + 1] ?? 0, data[d + 2] ?? 0, data[d + 3] ?? 0];
    };
    const pxPerMm = dpi / 25.4;
    return { width, height, dpi, data, pixel, pixelAtMm: (x, y) => pixel(x * pxPerMm, y * pxPerMm) };
  }

  /** A page as PNG bytes at `dpi`, to look at. */
  png(i: number, dpi: number, box: PageBoxName = 'MediaBox'): Uint8Array {
    const page = this.doc.loadPage(i);
    const pix = page.toPixmap(
      mupdf.Matrix.scale(dpi / 72, dpi / 72),
      mupdf.ColorSpace.DeviceRGB,
      false,
      true,
      'View',
      box,
    );
    const png = pix.asPNG();
    pix.destroy();
    return png;
  }

  close(): void {
    this.doc.destroy();
  }
}

/** Whether two colours agree within `tol` per channel (RGB only). */
export function near(a: readonly number[], b: readonly number[], tol = 8): boolean {
  return [0, 1, 2].every((k) => Math.abs((a[k] ?? 0) - (b[k] ?? 0)) <= tol);
}
