import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../main/core/api.js';
import { getTemplate } from '../../main/engine/templates.js';
import { designFromTemplate } from '../../main/core/index.js';
import { JobManager } from '../../main/server/handlers/jobs.js';
import { design, OUT_DIR, textEl } from '../helpers/designs.js';

/*
 * The worker-thread runner as the server uses it. Node 20 cannot start a .ts worker, so the test
 * bundles the worker entry with esbuild first (the compiled dist/ one is what `npm run serve` uses).
 */
const workerFile = join(OUT_DIR, 'server-worker', 'export-worker.mjs');
let jobs: JobManager;

beforeAll(async () => {
  await build({
    entryPoints: [join(import.meta.dirname, '../../main/server/handlers/export-worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: workerFile,
    logLevel: 'warning',
    external: ['sharp', 'pinyin-pro', 'opencc-js', 'mupdf', 'better-sqlite3'],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  jobs = new JobManager({ workerFile, maxRunning: 1, log: () => undefined });
});
afterAll(() => jobs?.close());

async function wait(id: string, pred: (s: ReturnType<JobManager['status']>) => boolean) {
  for (let i = 0; i < 1200; i++) {
    const s = jobs.status(id);
    if (pred(s)) return s;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('timeout');
}
const finished = (s: { state: string }) => !['queued', 'running'].includes(s.state);

describe('exports in a worker thread', () => {
  it('renders a PNG off the event loop, reporting progress', async () => {
    expect(jobs.usesWorker).toBe(true);
    const d = design({
      name: '工人',
      format: { widthMm: 80, heightMm: 50, dpi: 96 },
      elements: [textEl({ text: '白菜青菜油麦菜、莫给骗子当韭菜', box: { x: 2, y: 2, w: 76, h: 46 } })],
    });
    const id = jobs.start(API.exportDesign.input.parse({ design: d, format: 'png' }));
    // The event loop stays free while the worker renders: timers keep firing.
    let ticks = 0;
    const t = setInterval(() => ticks++, 5);
    const s = await wait(id, finished);
    clearInterval(t);
    expect(s).toMatchObject({ state: 'done', progress: 1, fileName: '工人.png' });
    expect(ticks).toBeGreaterThan(0);
    expect(await sharp(jobs.download(s.downloadId!)!.path).metadata()).toMatchObject({
      format: 'png',
      width: Math.ceil((80 / 25.4) * 96),
    });
  });

  it('reports engine errors in Chinese', async () => {
    const d = design({
      elements: [
        textEl({
          text: '白菜'.repeat(300),
          box: { x: 0, y: 0, w: 5, h: 5 },
          size: { mode: 'fit', minMm: 4, maxMm: 5 },
        }),
      ],
    });
    const s = await wait(jobs.start(API.exportDesign.input.parse({ design: d, format: 'pdf' })), finished);
    expect(s.state).toBe('error');
    expect(s.error).toMatch(/文字放不下/);
  });

  it('cancels a running banner export and removes its partial file', async () => {
    const banner = designFromTemplate(getTemplate('banner-red-1000x100'));
    const id = jobs.start(API.exportDesign.input.parse({ design: banner, format: 'png', dpi: 150 }));
    await wait(id, (s) => s.progress > 0 || finished(s));
    expect(jobs.cancel(id)).toBe(true);
    const s = await wait(id, finished);
    expect(s.state).toBe('cancelled');
    expect(readdirSync(jobs.folder)).not.toContain(id);
  });
});
