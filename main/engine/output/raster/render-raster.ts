import type { WriteStream } from 'node:fs';
import { StudioError } from '../../../core/index.js';
import type { Scene } from '../../scene/types.js';
import { withAtomicFile } from '../../../node/atomic.js';
import { inkBands } from './content.js';
import { extendToEdges } from './edges.js';
import { encodeLossyToBuffer, encodeLossyToFile } from './encode.js';
import { PngStreamWriter, type ByteSink } from './png-stream.js';
import { UpFilter } from './row-filter.js';
import { cutAlongBands, planRaster, type RasterPlan } from './strip-plan.js';
import { renderStrips } from './strips.js';
import { isDieCut } from '../../scene/trim-shape.js';
import { cutToShape } from './trim-mask.js';

/*
 * The raster writer. The image is ceil(mm / 25.4 × dpi) pixels a side (strip-plan.ts), cut into
 * strips of whole rows cut again where ink starts and stops (content.ts), each strip's ink drawn
 * by librsvg in tiles on libvips' own 2000 px grid (≤ 32,000 px, under librsvg's limit) and its
 * plain ground filled directly (strips.ts). PNG rows are filtered (row-filter.ts) and deflated
 * into the file as strips finish (png-stream.ts): memory follows a few strips, not the image.
 * JPEG and WebP go through one sharp pipeline (encode.ts).
 */

export type RasterFormat = 'png' | 'jpeg' | 'webp';

export interface RasterOptions {
  format: RasterFormat;
  /** Default: a screen format (scene.pixels) at its exact pixel size (SCREEN_DPI), else scene.dpi. */
  dpi?: number;
  /** Alternative to dpi: exact width in pixels (height follows the aspect). */
  widthPx?: number;
  /** Include the bleed area; default false (trim only). */
  bleed?: boolean;
  /** JPEG/WebP quality 1-100, default 90. */
  quality?: number;
  /** Cap on strip height in pixels, and on tile width (rounded down to the 2000 px tile grid; default chosen for memory and speed). */
  maxStripPx?: number;
  /** Called after each strip: done of total. */
  onProgress?: (done: number, total: number) => void;
}

export interface RasterInfo {
  format: RasterFormat;
  widthPx: number;
  heightPx: number;
  dpi: number;
  /** Strips rendered (1 for a single sharp pass). */
  strips: number;
  bytes: number;
}

export interface RasterResult extends RasterInfo {
  path: string;
}

/** Default cap for in-memory renders (previews, preflight): 50 megapixels. */
export const BUFFER_MAX_PIXELS = 50_000_000;

function checkOptions(opts: RasterOptions): number {
  if (opts.format !== 'png' && opts.format !== 'jpeg' && opts.format !== 'webp') {
    throw new StudioError('invalid-input', `不支持的图片格式：${String(opts.format)}（可选 png、jpeg、webp）`);
  }
  const q = opts.quality ?? 90;
  if (!Number.isInteger(q) || q < 1 || q > 100)
    throw new StudioError('invalid-input', `图片质量应为 1–100 的整数，收到 ${q}`);
  return q;
}

/** The plan, and the scene as drawn: fills that end on the page edge carried into the last pixels. */
function prepare(scene: Scene, opts: RasterOptions): { drawn: Scene; p: RasterPlan } {
  const plan = planRaster(scene, {
    dpi: opts.dpi,
    widthPx: opts.widthPx,
    bleed: opts.bleed,
    maxStripPx: opts.maxStripPx,
  });
  const drawn = extendToEdges(scene, plan);
  return { drawn, p: cutAlongBands(plan, inkBands(drawn, plan), opts.maxStripPx) };
}

/** Filtered output is handed to deflate in pieces of about this size (two buffers, reused). */
const FILTER_CHUNK_BYTES = 1 << 20;

/** Render strip by strip into a PNG byte stream. */
async function writePng(
  scene: Scene,
  p: RasterPlan,
  sink: ByteSink,
  onProgress?: (d: number, t: number) => void,
): Promise<number> {
  const png = new PngStreamWriter(sink, p.widthPx, p.heightPx, p.dpi);
  const filter = new UpFilter(p.paddedWidthPx * 3, p.widthPx * 3);
  const chunkRows = Math.max(1, Math.floor(FILTER_CHUNK_BYTES / filter.outBytes(1)));
  // Two output buffers: one being deflated while the next rows are filtered into the other.
  const buffers = [new Uint8Array(filter.outBytes(chunkRows)), new Uint8Array(filter.outBytes(chunkRows))];
  let turn = 0;
  let deflating: Promise<void> = Promise.resolve();
  const total = p.strips.length;
  let done = 0;
  try {
    for await (const s of renderStrips(scene, p, { ahead: 4 })) {
      // Mostly ground (zeros once filtered): run-length matching, several times faster than the
      // lazy matcher and as compact on zeros. Mostly artwork: the lazy matcher, ~1.5× smaller.
      // Photos count as ground here: the lazy matcher finds little to repeat in them and took
      // 3–4× as long as run-length matching for a slightly larger result (a noisy photo: 12 MB
      // deflated in 245 ms against 66 ms; a smooth one 5 % larger).
      const mode = (s.drawnPx - s.photoPx) * 2 < s.rows * p.widthPx ? 'rle' : 'default';
      for (let r0 = 0; r0 < s.rows; r0 += chunkRows) {
        const r1 = Math.min(s.rows, r0 + chunkRows);
        const out = buffers[turn]!;
        turn ^= 1;
        filter.filter(s.rows, s.ground, s.pieces, r0, r1, out);
        await deflating;
        await png.setMode(mode);
        deflating = png.write(out.subarray(0, filter.outBytes(r1 - r0)));
        deflating.catch(() => undefined);
      }
      onProgress?.(++done, total);
    }
    await deflating;
    return await png.finish();
  } catch (err) {
    png.destroy();
    throw err;
  }
}

function streamSink(ws: WriteStream): { sink: ByteSink; close: () => Promise<void> } {
  let failure: Error | undefined;
  ws.on('error', (e) => {
    failure ??= e;
  });
  const sink: ByteSink = (chunk) =>
    new Promise((resolve, reject) => {
      if (failure) return reject(failure);
      const ok = ws.write(chunk, (err) => {
        if (err) reject(err);
      });
      if (ok) resolve();
      else ws.once('drain', resolve);
    });
  const close = (): Promise<void> =>
    new Promise((resolve, reject) => {
      if (failure) return reject(failure);
      ws.end(() => (failure ? reject(failure) : resolve()));
      ws.once('error', reject);
    });
  return { sink, close };
}

/**
 * Render the scene to a PNG, JPEG or WebP file. The file appears complete or not at all (a
 * temporary file beside it is renamed over it at the end; an existing file stays untouched on
 * failure).
 */
export async function renderRaster(scene: Scene, outPath: string, opts: RasterOptions): Promise<RasterResult> {
  const quality = checkOptions(opts);
  if (isDieCut(scene)) {
    // A die-cut piece is small: drawn in memory, then cut to its shape (trim-mask.ts).
    const { data, info } = await renderRasterBuffer(scene, { ...opts, maxPixels: Infinity });
    return withAtomicFile(outPath, async (f) => {
      const { writeFile } = await import('node:fs/promises');
      await writeFile(f.tempPath, data, { flag: 'wx' });
      return { path: outPath, ...info };
    });
  }
  const { drawn, p } = prepare(scene, opts);
  return withAtomicFile(outPath, async (f) => {
    let bytes: number;
    let strips = 1;
    if (opts.format === 'png') {
      const ws = f.stream();
      const { sink, close } = streamSink(ws);
      try {
        bytes = await writePng(drawn, p, sink, opts.onProgress);
        await close();
      } catch (err) {
        if (!ws.closed) {
          const closed = new Promise<void>((r) => ws.once('close', () => r()));
          ws.destroy();
          await closed;
        }
        throw err;
      }
      strips = p.strips.length;
    } else {
      bytes = await encodeLossyToFile(drawn, p, opts.format, quality, f.tempPath);
      opts.onProgress?.(1, 1);
    }
    return { path: outPath, format: opts.format, widthPx: p.widthPx, heightPx: p.heightPx, dpi: p.dpi, strips, bytes };
  });
}

/** Render a small image in memory (previews, preflight); refuses more than `maxPixels`. */
export async function renderRasterBuffer(
  scene: Scene,
  opts: RasterOptions & { maxPixels?: number },
): Promise<{ data: Buffer; info: RasterInfo }> {
  const quality = checkOptions(opts);
  const { drawn, p } = prepare(scene, opts);
  const max = opts.maxPixels ?? BUFFER_MAX_PIXELS;
  if (p.widthPx * p.heightPx > max) {
    throw new StudioError(
      'too-large',
      `预览图过大：${p.widthPx} × ${p.heightPx} 像素，超过内存渲染上限 ${Math.round(max / 1e4)} 万像素；请降低分辨率，或导出到文件`,
    );
  }
  let data: Buffer;
  if (opts.format === 'png' || isDieCut(scene)) {
    const chunks: Buffer[] = [];
    await writePng(drawn, p, async (c) => void chunks.push(c), opts.onProgress);
    data = Buffer.concat(chunks);
    if (isDieCut(scene))
      data = await cutToShape(data, scene, p, { bleed: opts.bleed ?? false, format: opts.format, quality });
  } else {
    data = await encodeLossyToBuffer(drawn, p, opts.format, quality);
    opts.onProgress?.(1, 1);
  }
  const strips = opts.format === 'png' ? p.strips.length : 1;
  return {
    data,
    info: { format: opts.format, widthPx: p.widthPx, heightPx: p.heightPx, dpi: p.dpi, strips, bytes: data.length },
  };
}
