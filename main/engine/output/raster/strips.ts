import type { Scene } from '../../scene/types.js';
import type { RasterPlan, StripRect, TileRect } from './strip-plan.js';
import { stripContent, type Ground } from './content.js';
import type { StripPiece } from './row-filter.js';
import { photoLayers, renderLayeredTile } from './photo-layers.js';
import { PixelCache } from './photos.js';
import { rsvgPixels } from './rsvg.js';
import { tileSvg } from './tile-svg.js';

/**
 * Renders the plan's strips and hands them out in order: the ground colour where nothing but an
 * opaque rectangle shows (content.ts), and the rest drawn by librsvg (through sharp) as RGB
 * pieces on the tile grid. Two tile renders run at once (sharp uses one thread per operation
 * here, the machine has two cores), and rendering runs ahead of the consumer by at most `ahead`
 * strips, so memory is bounded by a few strips, not the image.
 */
export interface RenderedStrip {
  strip: StripRect;
  rows: number;
  /** Colour of each row (3 bytes a row) outside the pieces; null when the pieces cover the whole width. */
  ground: Uint8Array | null;
  /** Columns drawn by librsvg, on the 2000 px grid; none when the strip is all ground. */
  pieces: StripPiece[];
  /** Pixels that went through librsvg. */
  drawnPx: number;
  /** Of those, pixels under photos (their clip's box): no artwork to match repeats in. */
  photoPx: number;
}

export interface StripOptions {
  /** Tile renders in flight. */
  concurrency?: number;
  /** Strips rendered ahead of the one being consumed. */
  ahead?: number;
}

/**
 * Render pixel columns [x0,x1) × rows [y0,y1) of the image as RGB (opaque: white underneath). A
 * page with photos is drawn in layers (photo-layers.ts), its photos from pixels decoded once per
 * render (`pixels`).
 */
export async function renderTile(
  scene: Scene,
  plan: RasterPlan,
  x0: number,
  x1: number,
  y0: number,
  y1: number,
  pixels = new PixelCache(),
): Promise<Buffer> {
  const layers = photoLayers(scene, plan);
  if (layers) return renderLayeredTile(scene, layers, plan, x0, x1, y0, y1, pixels);
  return rsvgPixels(tileSvg(scene, plan, x0, x1, y0, y1), x1 - x0, y1 - y0, 'rgb');
}

class Limiter {
  private active = 0;
  private readonly queue: (() => void)[] = [];
  constructor(private readonly max: number) {}
  async run<T>(job: () => Promise<T>): Promise<T> {
    if (this.active >= this.max) await new Promise<void>((r) => this.queue.push(r));
    this.active++;
    try {
      return await job();
    } finally {
      this.active--;
      this.queue.shift()?.();
    }
  }
}

export async function* renderStrips(
  scene: Scene,
  plan: RasterPlan,
  opts: StripOptions = {},
): AsyncGenerator<RenderedStrip> {
  const limiter = new Limiter(opts.concurrency ?? 2);
  const ahead = Math.max(1, opts.ahead ?? 2);
  // Photos are decoded once for the whole render and let go with it.
  const pixels = new PixelCache();

  const render = async (strip: StripRect): Promise<RenderedStrip> => {
    const rows = strip.y1 - strip.y0;
    const { ground, spans } = stripContent(scene, plan, strip.y0, strip.y1);
    const [groundBytes, pieces] = await Promise.all([
      ground ? groundRows(ground, strip, rows) : null,
      Promise.all(
        spans.map(async (t: TileRect): Promise<StripPiece> => ({
          x0: t.x0,
          x1: t.x1,
          data: await limiter.run(() => renderTile(scene, plan, t.x0, t.x1, strip.y0, strip.y1, pixels)),
        })),
      ),
    ]);
    const drawnPx = spans.reduce((n, t) => n + (t.x1 - t.x0) * rows, 0);
    return { strip, rows, ground: groundBytes, pieces, drawnPx, photoPx: Math.min(drawnPx, photoPixels(strip)) };
  };

  /** Pixels of a strip under photos' clips (overlaps counted twice: an estimate). */
  const photoPixels = (strip: StripRect): number => {
    let sum = 0;
    for (const it of scene.items) {
      if (it.kind !== 'image') continue;
      const c = it.clip;
      const x0 = Math.max(0, (c.x - plan.region.x) * plan.kx),
        x1 = Math.min(plan.widthPx, (c.x + c.w - plan.region.x) * plan.kx);
      const y0 = Math.max(strip.y0, (c.y - plan.region.y) * plan.ky),
        y1 = Math.min(strip.y1, (c.y + c.h - plan.region.y) * plan.ky);
      if (x1 > x0 && y1 > y0) sum += (x1 - x0) * (y1 - y0);
    }
    return Math.round(sum);
  };

  /** The ground's colour on each row: a solid colour repeated, or a gradient sampled by librsvg. */
  const groundRows = async (g: Ground, strip: StripRect, rows: number): Promise<Uint8Array> => {
    const out = new Uint8Array(rows * 3);
    if (g.kind === 'solid') {
      for (let i = 0; i < out.length; i += 3) out.set(g.rgb, i);
      return out;
    }
    // One column of the gradient alone; a top-to-bottom gradient is the same across each row.
    // (librsvg may differ by 1/255 between places it draws a gradient: it fits each one to the
    // area drawn; the sample is as good as any of its tiles.)
    const only: Scene = { ...scene, items: [g.item] };
    const col = await limiter.run(() => renderTile(only, plan, 0, 4, strip.y0, strip.y1));
    for (let r = 0; r < rows; r++) out.set(col.subarray(r * 12, r * 12 + 3), r * 3);
    return out;
  };

  const inflight: Promise<RenderedStrip>[] = [];
  let next = 0;
  const launch = (): void => {
    const s = plan.strips[next++];
    if (!s) return;
    const p = render(s);
    p.catch(() => undefined); // surfaced when awaited below; never unhandled
    inflight.push(p);
  };
  for (let i = 0; i < ahead; i++) launch();
  while (inflight.length) {
    const got = await inflight.shift()!;
    launch();
    yield got;
  }
}
