#!/usr/bin/env node
// npm run bench: the speed and memory figures of issue #2, printed as a table.
// Whole-process timings alternate our CLI with the peer renderers (../shared/peers) where those
// are installed, so a drift in machine speed hits both; the median of RUNS runs after a warm-up.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { keystrokeBench } from './keystroke.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'bench', '.out');
const PEERS = resolve(ROOT, '..', 'shared', 'peers');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const require = createRequire(import.meta.url);
const FONT = require.resolve('@expo-google-fonts/noto-sans-sc/900Black/NotoSansSC_900Black.ttf');
const HAS_TIME = existsSync('/usr/bin/time');

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** One whole-process run: wall seconds and peak RSS (MB) of the largest process waited for. */
function timed(cmd, args, env = {}) {
  const full = HAS_TIME ? ['/usr/bin/time', ['-f', '%M', cmd, ...args]] : [cmd, args];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(full[0], full[1], { cwd: ROOT, env: { ...process.env, FONT, ...env }, encoding: 'utf8', maxBuffer: 64 << 20 });
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  const lines = (r.stderr ?? '').trim().split('\n');
  const rss = HAS_TIME ? Number(lines.at(-1)) / 1024 : NaN;
  return { s, rss, ok: r.status === 0, err: r.status === 0 ? '' : lines.slice(-3).join(' | ') };
}

const ours = (args) => ['node', [join(ROOT, 'bin', 'campaign-studio.js'), 'render', ...args]];
const peer = {
  rsvg: (kind, dpi, out) => (existsSync('/usr/bin/rsvg-convert') ? ['bash', [join(PEERS, 'rsvg.sh'), '--kind', kind, '--dpi', String(dpi), '--out', out]] : null),
  inkscape: (kind, dpi, out) => (existsSync('/usr/bin/inkscape') ? ['bash', [join(PEERS, 'inkscape.sh'), '--kind', kind, '--dpi', String(dpi), '--out', out]] : null),
  chromium: (kind, dpi, out) => (existsSync('/usr/bin/chromium') && existsSync(join(ROOT, 'node_modules', 'playwright-core')) ? ['node', [join(PEERS, 'chromium.mjs'), '--kind', kind, '--dpi', String(dpi), '--out', out]] : null),
};

function compare(label, oursCmd, oursOut, kind, dpi, ext) {
  const contenders = [['ours', oursCmd, oursOut]];
  for (const [name, make] of Object.entries(peer)) {
    const out = join(OUT, `${name}-${label}.${ext}`);
    const c = make(kind, dpi, out);
    if (c) contenders.push([name, c, out]);
  }
  const res = Object.fromEntries(contenders.map(([n]) => [n, []]));
  for (let run = 0; run <= RUNS; run++) {
    for (const [name, [cmd, args]] of contenders) {
      const r = timed(cmd, args);
      if (run > 0) res[name].push(r); // run 0 warms caches
    }
  }
  return contenders.map(([name, , out]) => {
    const rs = res[name];
    const ok = rs.every((r) => r.ok);
    return {
      output: label, renderer: name,
      wall_s: ok ? median(rs.map((r) => r.s)).toFixed(2) : 'FAIL',
      peak_MB: ok && HAS_TIME ? Math.round(median(rs.map((r) => r.rss))) : '-',
      file_kB: ok && existsSync(out) ? Math.round(statSync(out).size / 1024) : '-',
      note: ok ? '' : rs[0].err.slice(0, 80),
    };
  });
}

const rows = [];
const a2png = join(OUT, 'ours-a2.png');
rows.push(...compare('A2 PNG 300 dpi', ours(['--template', 'poster-a2-red', '--dpi', '300', '--out', a2png]), a2png, 'poster', 300, 'png'));
const a2flat = join(OUT, 'ours-a2-flat.png');
rows.push(...compare('A2 PNG 300 dpi (peer design)', ours(['--design', join(ROOT, 'bench', 'peer-poster.json'), '--dpi', '300', '--out', a2flat]), a2flat, 'poster', 300, 'png').slice(0, 1));
const bpng = join(OUT, 'ours-banner.png');
rows.push(...compare('banner 600×70 cm PNG 150 dpi', ours(['--template', 'banner-red-600x70', '--dpi', '150', '--out', bpng]), bpng, 'banner', 150, 'png'));
const a2pdf = join(OUT, 'ours-a2.pdf');
rows.push(...compare('A2 PDF', ours(['--template', 'poster-a2-red', '--out', a2pdf]), a2pdf, 'poster', 300, 'pdf'));
const bpdf = join(OUT, 'ours-banner.pdf');
rows.push(...compare('banner 600×70 cm PDF', ours(['--template', 'banner-red-600x70', '--out', bpdf]), bpdf, 'banner', 150, 'pdf').slice(0, 1));

const k = await keystrokeBench();
console.log(`\nlayout + SVG per keystroke (warm, in process): ${k.map((x) => `${x.id} median ${x.median.toFixed(3)} ms, p95 ${x.p95.toFixed(3)} ms`).join('; ')}`);
console.log(`\nwhole process, median of ${RUNS} runs after a warm-up, alternating renderers${HAS_TIME ? '' : ' (no /usr/bin/time: peak RSS not measured)'}:`);
console.table(rows);
