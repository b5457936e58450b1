import * as fontkit from 'fontkit';
import { StudioError } from '../../core/index.js';
import { openOnDemand } from './glyf-on-demand.js';

/** One loaded font face: a file (and, for collections, a PostScript name inside it). */
export interface Face {
  /** Stable key: "path#postscriptName". */
  key: string;
  family: string;
  weight: number;
  path: string;
  postscriptName: string;
  font: fontkit.Font;
  /** Font units per em; glyph paths are in these units. */
  unitsPerEm: number;
  /** Typo ascender/descender as a fraction of the em (Noto CJK: 0.88 / 0.12): the ideographic box. */
  ascent: number;
  descent: number;
  bundled: boolean;
  /** Make sure these glyphs can be drawn (their outlines are read on demand). */
  ensureGlyphs(gids: Iterable<number>): void;
  /** Horizontal advance of a glyph in font units, read straight from hmtx. */
  advance(gid: number): number;
}

/**
 * Advances from the raw hmtx table. fontkit's own getter decodes the whole hmtx and vmtx tables
 * (tens of thousands of entries in a CJK face) and the glyph's outline box on first use.
 */
function hmtxReader(font: fontkit.Font): (gid: number) => number {
  const raw = font as unknown as {
    stream: { buffer: Buffer };
    directory: { tables: Record<string, { offset: number } | undefined> };
  };
  const hmtx = raw.directory.tables.hmtx;
  const n = font.hhea.numberOfMetrics;
  if (!hmtx || !n) return (gid) => font.getGlyph(gid).advanceWidth;
  const buf = raw.stream.buffer;
  return (gid) => buf.readUInt16BE(hmtx.offset + Math.min(gid, n - 1) * 4);
}

export interface FaceSource {
  family: string;
  weight: number;
  path: string;
  postscriptName?: string;
  bundled: boolean;
}

const cache = new Map<string, Face>();
/** The open files behind the faces read on demand. */
const openFiles: Array<() => void> = [];

/**
 * Forget every face opened so far and close its file. For a process image taken after a warm-up
 * (the CLI's start-up snapshot), which may hold neither a descriptor nor a 10 MB font buffer.
 * Every cache that holds Face objects must be dropped with them (see forgetOpenFonts).
 */
export function closeOpenFaces(): void {
  for (const close of openFiles.splice(0)) close();
  cache.clear();
}

/** Open a face once per process; fontkit parses tables lazily, so this is cheap after the first read. */
export function openFace(src: FaceSource): Face {
  const key = `${src.path}#${src.postscriptName ?? ''}`;
  const hit = cache.get(key);
  if (hit) return hit;
  let font: fontkit.Font;
  let ensureGlyphs: Face['ensureGlyphs'] = () => undefined;
  try {
    // The PostScript name picks a member of a collection; fontkit reads it as a variation name
    // for a single font, so it is passed only for .ttc/.otc files.
    const collection = /\.(ttc|otc)$/i.test(src.path);
    const lazy = collection ? null : openOnDemand(src.path);
    const opened = lazy
      ? fontkit.create(lazy.buffer)
      : collection
        ? fontkit.openSync(src.path, src.postscriptName)
        : fontkit.openSync(src.path);
    font = 'fonts' in opened ? (opened.fonts[0] as fontkit.Font) : opened;
    if (lazy) {
      ensureGlyphs = lazy.ensure;
      openFiles.push(lazy.close);
      // fontkit decodes loca entry by entry (30 ms for 30,000 glyphs) the first time any outline or
      // glyph box is read, and pdfkit reads one for every face it embeds: hand it the offsets.
      (font as unknown as { _tables: Record<string, unknown> })._tables.loca = {
        version: 1,
        offsets: lazy.locaOffsets,
        _processed: true,
      };
    }
  } catch (err) {
    throw new StudioError('missing-font', `字体文件无法读取：${src.path}（文件可能已损坏，或不是字体）`, [], {
      cause: err,
    });
  }
  const os2 = font['OS/2'];
  const upm = font.unitsPerEm;
  // OS/2 typo metrics give the ideographic box; hhea is taller and would misplace CJK baselines.
  const asc = os2 && os2.typoAscender ? os2.typoAscender : font.ascent;
  const desc = os2 && os2.typoDescender ? -os2.typoDescender : -font.descent;
  const face: Face = {
    key,
    family: src.family,
    weight: src.weight,
    path: src.path,
    postscriptName: font.postscriptName,
    font,
    unitsPerEm: upm,
    ascent: asc / upm,
    descent: desc / upm,
    bundled: src.bundled,
    ensureGlyphs,
    advance: hmtxReader(font),
  };
  cache.set(key, face);
  return face;
}

export function hasChar(face: Face, cp: number): boolean {
  return face.font.hasGlyphForCodePoint(cp);
}
