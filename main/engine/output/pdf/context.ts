/// <reference types="pdfkit" />
import { createHash } from 'node:crypto';
import type { Face } from '../../fonts/face.js';
import type { PreparedImage } from '../../assets/prepare.js';
import { embedCmykImage, type CmykImage } from './cmyk-images.js';
import type { Box } from './page-plan.js';
import type { Paint } from './paint.js';

export type Doc = PDFKit.PDFDocument;

/** What drawing one document needs besides the page itself. */
export interface DrawContext {
  doc: Doc;
  paint: Paint;
  /** 转曲: every glyph as a vector path, no fonts embedded. */
  outlineText: boolean;
  /** Face keys already registered with pdfkit in this document. */
  fonts: Set<string>;
  /**
   * The glyph run pdfkit is about to set. Each registered font's layout hands this back instead of
   * shaping the string again, so the PDF holds exactly the scene's glyphs at the scene's positions.
   */
  pending: { text: string; run: PdfGlyphRun } | null;
  /** Embedded images by colour space and content hash, so a batch embeds a shared photo once. */
  images: Map<string, PdfImage>;
  /** CMYK versions of the photos by SHA-256, drawn on CMYK pages (cmyk-images.ts). */
  cmykImages?: ReadonlyMap<string, CmykImage>;
}

/** pdfkit's image handle (opaque here). */
export interface PdfImage {
  readonly width: number;
  readonly height: number;
}

// The few pdfkit 0.20 calls its type definitions lack, in one place.
interface DocInternals {
  addPage(options: Record<string, unknown>): unknown;
  page: PageInternals;
  _root: { data: Record<string, unknown> };
  openImage(src: Buffer): PdfImage;
  image(src: PdfImage, x: number, y: number, options: Record<string, unknown>): unknown;
  registerFont(name: string, src: unknown, family?: string): unknown;
  addSpotColor(name: string, c: number, m: number, y: number, k: number): unknown;
  ref(data: unknown): PdfRef;
  _font: PdfFont;
}

/** The layout pdfkit's embedded font produces, in its 1000-unit em. */
export interface PdfGlyphRun {
  glyphs: unknown[];
  positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number; advanceWidth: number }[];
  advanceWidth: number;
}
interface PdfFont {
  layout(text: string, features?: unknown, onlyWidth?: boolean): PdfGlyphRun;
  embed(): void;
  id: string;
  subset: { glyphs: number[] };
  font: { postscriptName: string };
}
const internals = (doc: Doc): DocInternals => doc as unknown as DocInternals;

/** A PDF object pdfkit writes: a dictionary (or array), with a stream when written to. */
export interface PdfRef {
  readonly id: number;
  data: Record<string, unknown>;
  write(chunk: string | Uint8Array): void;
  /** Writes the object out (its stream with the last chunk, if given); it cannot change after. */
  end(chunk?: string | Uint8Array): void;
}

/** A new PDF object (pdfkit's own `ref`, typed as it behaves). */
export const newRef = (doc: Doc, data: unknown): PdfRef => internals(doc).ref(data);

/** Registers a spot colour (a Separation with a DeviceCMYK alternate, 0–100) usable by name as a colour. */
export function addSpotColour(doc: Doc, name: string, cmyk: [number, number, number, number]): void {
  internals(doc).addSpotColor(name, ...cmyk);
}

/** pdfkit's current page as the writers here need it: its dictionary and resource dictionary. */
export interface PageInternals {
  dictionary: { data: Record<string, unknown> };
  resources: { data: Record<string, unknown> };
}

/** The document catalogue and the current page, for objects pdfkit has no API for (layers, output intents). */
export function docInternals(doc: Doc): { root: { data: Record<string, unknown> }; page: PageInternals } {
  const d = internals(doc);
  return { root: d._root, page: d.page };
}

/** A new page of the given size in PDF units, with no margins, and its UserUnit. */
export function addPage(doc: Doc, widthUnits: number, heightUnits: number, userUnit: number): void {
  internals(doc).addPage({ size: [widthUnits, heightUnits], margin: 0, userUnit });
}

export function setPageBoxes(doc: Doc, boxes: { TrimBox?: Box; BleedBox?: Box }): void {
  const data = internals(doc).page.dictionary.data;
  if (boxes.TrimBox) data.TrimBox = boxes.TrimBox;
  if (boxes.BleedBox) data.BleedBox = boxes.BleedBox;
}

/**
 * Registers a face once per document and makes it current. pdfkit takes the already parsed fontkit
 * font, so the (10 MB) file is not read and parsed again, and a TTC member stays the one layout
 * used. pdfkit subsets it on output (6-letter tag + name) and writes a ToUnicode map.
 */
export function useFace(ctx: DrawContext, face: Face): void {
  const fresh = !ctx.fonts.has(face.key);
  if (fresh) {
    internals(ctx.doc).registerFont(face.key, face.font, face.postscriptName);
    ctx.fonts.add(face.key);
  }
  ctx.doc.font(face.key);
  if (fresh) {
    const font = internals(ctx.doc)._font;
    const own = font.layout.bind(font);
    font.layout = (text, features, onlyWidth) =>
      ctx.pending && ctx.pending.text === text ? ctx.pending.run : own(text, features, onlyWidth);
    tagBySubset(font);
  }
}

/**
 * pdfkit names every subset after its place in the file (BZZZZZ+, CZZZZZ+…), so two files holding
 * different glyphs of one face carry the same name, and a RIP or imposition tool merging them keeps
 * one subset and loses characters (DESIGN.md §5). The tag is made from the face and its glyphs
 * instead: the same subset gets the same tag, a different one another. pdfkit derives the tag from
 * the font's id only while embedding (letter k = id[k] + 17), so the id is lent for that moment.
 */
function tagBySubset(font: PdfFont): void {
  const embed = font.embed.bind(font);
  font.embed = () => {
    const digest = createHash('sha256')
      .update(`${font.font.postscriptName}|${font.subset.glyphs.join(',')}`)
      .digest();
    const id = font.id;
    font.id = `T${[...digest.subarray(0, 6)].map((b) => String.fromCharCode(48 + (b % 26))).join('')}`;
    try {
      embed();
    } finally {
      font.id = id;
    }
  };
}

/** Draws an image stretched to x, y, w, h (mm in the current space). Orientation is already applied. */
export function drawImage(ctx: DrawContext, img: PreparedImage, x: number, y: number, w: number, h: number): void {
  const cmyk = ctx.paint.cmyk ? ctx.cmykImages?.get(img.sha256) : undefined;
  const key = `${cmyk ? 'cmyk' : 'rgb'}:${img.sha256}`;
  let handle = ctx.images.get(key);
  if (!handle) {
    handle = cmyk ? embedCmykImage(ctx.doc, cmyk) : internals(ctx.doc).openImage(img.data);
    ctx.images.set(key, handle);
  }
  internals(ctx.doc).image(handle, x, y, { width: w, height: h, ignoreOrientation: true });
}
