import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/**
 * A TrueType font file read on demand. Everything but the outlines (`glyf`, ~95 % of a 10 MB CJK
 * face) is read at once; each glyph's outline bytes are read into place the first time the glyph
 * is used. The buffer has the file's full size and layout, so fontkit and pdfkit read it as if it
 * were the whole file. Reading a whole face took ~40 ms; this takes ~2 ms plus a few kB a glyph.
 */
export interface OnDemandFont {
  buffer: Buffer;
  /** Make sure these glyphs' outlines (and the parts of composite glyphs) are in the buffer. */
  ensure(gids: Iterable<number>): void;
  /** Byte offset of each glyph in glyf (numGlyphs + 1 entries), as fontkit's loca table holds them. */
  locaOffsets: Uint32Array;
  /** Close the file: later glyphs can no longer be read (the face must be dropped with it). */
  close(): void;
}

interface Table {
  offset: number;
  length: number;
}

function tables(head: Buffer): Map<string, Table> | null {
  const tag = head.readUInt32BE(0);
  // TrueType outlines only (0x00010000 or 'true'); CFF fonts and collections are read whole.
  if (tag !== 0x00010000 && tag !== 0x74727565) return null;
  const n = head.readUInt16BE(4);
  if (head.length < 12 + n * 16) return null;
  const out = new Map<string, Table>();
  for (let i = 0; i < n; i++) {
    const r = 12 + i * 16;
    out.set(head.toString('latin1', r, r + 4), { offset: head.readUInt32BE(r + 8), length: head.readUInt32BE(r + 12) });
  }
  return out;
}

export function openOnDemand(path: string): OnDemandFont | null {
  const fd = openSync(path, 'r');
  let keepOpen = false;
  try {
    const size = fstatSync(fd).size;
    const head = Buffer.alloc(Math.min(size, 12 + 64 * 16));
    readSync(fd, head, 0, head.length, 0);
    const dir = tables(head);
    const glyf = dir?.get('glyf');
    const loca = dir?.get('loca');
    const headTable = dir?.get('head');
    if (!dir || !glyf || !loca || !headTable) return null;
    const buffer = Buffer.alloc(size);
    head.copy(buffer, 0);
    for (const [tag, t] of dir) if (tag !== 'glyf' && t.length > 0) readSync(fd, buffer, t.offset, t.length, t.offset);
    const longLoca = buffer.readInt16BE(headTable.offset + 50) === 1;
    const numGlyphs = loca.length / (longLoca ? 4 : 2) - 1;
    const loaded = new Set<number>();
    const locaOffsets = new Uint32Array(numGlyphs + 1);
    for (let i = 0; i <= numGlyphs; i++)
      locaOffsets[i] = longLoca
        ? buffer.readUInt32BE(loca.offset + i * 4)
        : buffer.readUInt16BE(loca.offset + i * 2) * 2;
    const range = (gid: number): [number, number] => [
      glyf.offset + locaOffsets[gid]!,
      glyf.offset + locaOffsets[gid + 1]!,
    ];
    const ensureOne = (gid: number): void => {
      if (loaded.has(gid) || gid < 0 || gid >= numGlyphs) return;
      loaded.add(gid);
      const [start, end] = range(gid);
      if (end <= start) return;
      readSync(fd, buffer, start, end - start, start);
      if (buffer.readInt16BE(start) < 0) for (const c of components(buffer, start + 10, end)) ensureOne(c);
    };
    keepOpen = true;
    const font: OnDemandFont = {
      buffer,
      locaOffsets,
      ensure: (gids) => {
        for (const g of gids) ensureOne(g);
      },
      close: () => closeSync(fd),
    };
    font.ensure([0]); // .notdef: drawn for missing characters, always in a pdfkit subset
    return font;
  } finally {
    // The descriptor stays open for later glyphs; it is a handful per process.
    if (!keepOpen) closeSync(fd);
  }
}

/** Glyph ids referenced by a composite glyph's component records. */
function components(buf: Buffer, at: number, end: number): number[] {
  const out: number[] = [];
  for (;;) {
    if (at + 4 > end) return out;
    const flags = buf.readUInt16BE(at);
    out.push(buf.readUInt16BE(at + 2));
    at += 4 + (flags & 0x0001 ? 4 : 2); // ARG_1_AND_2_ARE_WORDS
    if (flags & 0x0008)
      at += 2; // WE_HAVE_A_SCALE
    else if (flags & 0x0040)
      at += 4; // X_AND_Y_SCALE
    else if (flags & 0x0080) at += 8; // TWO_BY_TWO
    if (!(flags & 0x0020)) return out; // MORE_COMPONENTS
  }
}
