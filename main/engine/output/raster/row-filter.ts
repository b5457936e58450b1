/**
 * PNG "Up" filter (type 2) for all rows: each byte minus the byte above, mod 256. Flat artwork
 * becomes runs of zeros, which deflate packs tightly, and unlike "None" it lets deflate see
 * vertical repeats in rows wider than its 32 KB window (a banner row is 106 KB).
 *
 * Works four bytes at a time (SWAR) on 4-byte-aligned rows: pieces start on multiples of 4 pixels
 * (the 2000 px grid) and are a multiple of 4 pixels wide (the width is padded), so every row of
 * every piece starts on a 4-byte boundary. Ground-coloured columns are never touched after the
 * first row of a strip: below it, their Up difference is zero.
 */
const HI = 0x80808080 | 0;
const LO = 0x7f7f7f7f;

export type Rgb = readonly [number, number, number];

/** A rendered piece of a strip: pixel columns [x0, x1), RGB rows of (x1 - x0) × 3 bytes. */
export interface StripPiece {
  x0: number;
  x1: number;
  data: Uint8Array;
}

function view32(a: Uint8Array): Int32Array {
  return new Int32Array(a.buffer, a.byteOffset, a.byteLength >>> 2);
}

/** out[j] = cur[c + j] - prev[p + j] bytewise (mod 256) for n packed words, no borrows across bytes. */
function subWords(
  cur: Int32Array,
  c: number,
  prev: Int32Array,
  p: number,
  out: Int32Array,
  o: number,
  n: number,
): void {
  for (let j = 0; j < n; j++) {
    const a = cur[c + j]!;
    const b = prev[p + j]!;
    out[o + j] = ((a | HI) - (b & LO)) ^ ((a ^ ~b) & HI);
  }
}

export class UpFilter {
  /** The last row filtered (the row above the next one); zeros before the first: Up = None there. */
  private readonly prev: Uint8Array;
  private readonly prev32: Int32Array;
  private readonly diff: Uint8Array;
  private readonly diff32: Int32Array;
  private readonly ground: Uint8Array;
  private readonly ground32: Int32Array;
  private groundKey = -1;
  private rowBuf: Uint8Array | undefined;
  private scratch: Uint8Array | undefined;

  /**
   * @param stride bytes of a full (padded) row: 3 × padded width, a multiple of 4
   * @param rowBytes bytes of each row that go into the PNG (3 × width)
   */
  constructor(
    readonly stride: number,
    readonly rowBytes: number,
  ) {
    if (stride % 4 !== 0 || rowBytes > stride) throw new Error(`UpFilter: bad stride ${stride} / ${rowBytes}`);
    this.prev = new Uint8Array(stride);
    this.prev32 = view32(this.prev);
    this.diff = new Uint8Array(stride);
    this.diff32 = view32(this.diff);
    this.ground = new Uint8Array(stride);
    this.ground32 = view32(this.ground);
  }

  /** Bytes of filtered output for `rows` rows. */
  outBytes(rows: number): number {
    return rows * (this.rowBytes + 1);
  }

  /** Make `ground` a full row of one colour (kept until the colour changes). */
  private groundRow(c: Uint8Array, at: number): void {
    const key = (c[at]! << 16) | (c[at + 1]! << 8) | c[at + 2]!;
    if (key === this.groundKey) return;
    const g = this.ground;
    g[0] = c[at]!;
    g[1] = c[at + 1]!;
    g[2] = c[at + 2]!;
    const n = g.length - (g.length % 3);
    for (let k = 3; k < n; k *= 2) g.copyWithin(k, 0, Math.min(k, n - k));
    this.groundKey = key;
  }

  /** A piece's rows as an aligned word view (copied only if the buffer itself is misaligned). */
  private words(p: StripPiece, rows: number): Int32Array {
    const bytes = (p.x1 - p.x0) * 3 * rows;
    if (p.data.byteLength < bytes) throw new Error('UpFilter: short piece');
    if (p.data.byteOffset % 4 === 0) return view32(p.data);
    if (!this.scratch || this.scratch.byteLength < bytes) this.scratch = new Uint8Array(bytes);
    this.scratch.set(p.data.subarray(0, bytes));
    return view32(this.scratch);
  }

  /**
   * Filter rows [r0, r1) of a strip of `rows` rows into `out` (outBytes(r1 - r0) long). Each row
   * is its `ground` colour (3 bytes a row; null when the pieces cover the whole width) with the
   * pieces drawn over their columns. Call with consecutive ranges; the last one (r1 = rows) moves
   * on to the next strip.
   *
   * Rows use Up (type 2), except a row whose ground colour differs from the row above (a step of
   * a vertical gradient): Up would give a repeating 3-byte pattern there, Sub (type 1) gives zeros.
   */
  filter(
    rows: number,
    ground: Uint8Array | null,
    pieces: readonly StripPiece[],
    r0: number,
    r1: number,
    out: Uint8Array,
  ): void {
    const { rowBytes, stride, diff, diff32, prev, prev32 } = this;
    const line = rowBytes + 1;
    if (ground && ground.length < rows * 3) throw new Error('UpFilter: short ground');
    const views = pieces.map((p) => this.words(p, rows));
    for (let r = r0; r < r1; r++) {
      const o = (r - r0) * line;
      const g = r * 3;
      const step =
        ground !== null &&
        r > 0 &&
        (ground[g] !== ground[g - 3] || ground[g + 1] !== ground[g - 2] || ground[g + 2] !== ground[g - 1]);
      if (step) {
        this.subRow(ground!, r, pieces, out, o);
        continue;
      }
      out[o] = 2;
      if (ground) {
        if (r === 0) {
          this.groundRow(ground, 0);
          subWords(this.ground32, 0, prev32, 0, diff32, 0, stride >>> 2);
          out.set(diff.subarray(0, rowBytes), o + 1);
        } else out.fill(0, o + 1, o + line);
      }
      for (let i = 0; i < pieces.length; i++) {
        const p = pieces[i]!;
        const v = views[i]!;
        const w = ((p.x1 - p.x0) * 3) >>> 2;
        const at = (p.x0 * 3) >>> 2;
        if (r === 0) subWords(v, 0, prev32, at, diff32, at, w);
        else subWords(v, r * w, v, (r - 1) * w, diff32, at, w);
        const b0 = p.x0 * 3;
        const b1 = Math.min(p.x1 * 3, rowBytes);
        if (b1 > b0) out.set(diff.subarray(b0, b1), o + 1 + b0);
      }
    }
    if (r1 < rows) return;
    // Remember the strip's last row for the next strip.
    if (ground) {
      this.groundRow(ground, (rows - 1) * 3);
      prev.set(this.ground);
    }
    for (const p of pieces) {
      const pb = (p.x1 - p.x0) * 3;
      prev.set(p.data.subarray((rows - 1) * pb, rows * pb), p.x0 * 3);
    }
  }

  /** Row r as Sub (type 1): each byte minus the byte one pixel to the left. */
  private subRow(ground: Uint8Array, r: number, pieces: readonly StripPiece[], out: Uint8Array, o: number): void {
    const { rowBytes, stride } = this;
    this.groundRow(ground, r * 3);
    this.rowBuf ??= new Uint8Array(stride);
    const row = this.rowBuf;
    row.set(this.ground);
    for (const p of pieces) {
      const pb = (p.x1 - p.x0) * 3;
      row.set(p.data.subarray(r * pb, (r + 1) * pb), p.x0 * 3);
    }
    out[o] = 1;
    out[o + 1] = row[0]!;
    out[o + 2] = row[1]!;
    out[o + 3] = row[2]!;
    for (let i = 3; i < rowBytes; i++) out[o + 1 + i] = row[i]! - row[i - 3]!;
  }
}
