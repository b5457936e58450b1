// In-app figures (#18 §1): exports and publishing through the studio's real handlers, as browser
// mode and the desktop run them — the job service on its warm worker pool — warm (after one
// run of each), the median of RUNS. Uses the compiled build (npm run build first).
// Usage: node bench/in-app.mjs [--runs N]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { placeImage, setContent } from '../dist/main/core/design/edit.js';
import { createStudioContext } from '../dist/main/server/context.js';
import { createHandlers } from '../dist/main/server/handlers/index.js';
import { noisyPhoto } from './noise-photo.mjs';

const { values } = parseArgs({ options: { runs: { type: 'string', default: process.env.BENCH_RUNS ?? '5' } } });
const RUNS = Number(values.runs);
const dir = mkdtempSync(join(tmpdir(), 'studio-in-app-bench-'));
const ctx = createStudioContext({
  libraryDir: join(dir, 'library'),
  assetsDir: join(dir, 'images'),
  log: (m, e) => console.error(m, e),
});
const h = createHandlers(ctx);

async function ok(method, input) {
  const r = await h[method](input);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value;
}

/** Start a job and wait for it (the in-process status: no polling interval in the figure). */
async function job(method, input) {
  const t0 = performance.now();
  const { jobId } = await ok(method, input);
  for (;;) {
    const s = ctx.jobs.status(jobId);
    if (s.state === 'done') return performance.now() - t0;
    if (s.state !== 'queued' && s.state !== 'running') throw new Error(`${method}: ${s.state} ${s.error ?? ''}`);
    await new Promise((r) => setTimeout(r, 1));
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const poster = await ok('getTemplate', { id: 'poster-a2-red' });
const banner = await ok('getTemplate', { id: 'banner-red-600x70' });
const photoPoster = await ok('getTemplate', { id: 'poster-50x70-photo' });
const bytes = await noisyPhoto(5000, 4000);
const { uploadId } = await ctx.uploads.fromBytes('相机照片.jpg', bytes);
const ref = await ok('addAsset', { uploadId });
// Filled as a station publishes it: its photo, its unit, date, place and QR code (no samples left).
let published = placeImage(photoPoster, 'photo', ref);
for (const [id, value] of [
  ['unit', '三明市公安局三元分局列东派出所'],
  ['date', '2026年12月'],
  ['location', '列东菜市场 反诈小铺'],
  ['qr', 'https://example.gov.cn/fanzha'],
])
  published = setContent(published, id, value);

const cases = [
  // Templates keep their samples (no unit profile here): sample outputs, as a test print would be.
  ['A2 PDF (poster-a2-red)', 'exportDesign', { design: poster, format: 'pdf', allowPlaceholder: true }, 50],
  ['A2 PNG 300 dpi', 'exportDesign', { design: poster, format: 'png', dpi: 300, allowPlaceholder: true }, 500],
  [
    '6 m banner PNG 150 dpi (35,434 × 4,134 px)',
    'exportDesign',
    { design: banner, format: 'png', dpi: 150, allowPlaceholder: true },
    2000,
  ],
  [
    `publish: 50×70 cm poster with a ${(bytes.length / 2 ** 20).toFixed(1)} MB photo`,
    'publishDesign',
    { design: published, meta: { unit: '城关派出所' } },
    1500,
  ],
];

ctx.jobs.warm();
const rows = [];
for (const [label, method, input, target] of cases) {
  const cold = await job(method, input);
  const times = [];
  for (let i = 0; i < RUNS; i++) times.push(await job(method, input));
  const m = median(times);
  rows.push({
    'in the studio (handlers, warm pool)': label,
    first_ms: Math.round(cold),
    median_ms: Math.round(m),
    min_ms: Math.round(Math.min(...times)),
    target_ms: target,
    met: m <= target ? 'yes' : 'NO',
  });
}
console.log(
  `\nin-app, through the real handlers, ${ctx.jobs.threaded ? 'worker pool' : 'IN-PROCESS (no compiled worker)'} of ${ctx.jobs.budget}, median of ${RUNS} warm runs:`,
);
console.table(rows);
await ctx.close();
rmSync(dir, { recursive: true, force: true });
