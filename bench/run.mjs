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
// The team's shared folder beside the project; BENCH_PEERS names another (a worktree's is elsewhere).
const PEERS = process.env.BENCH_PEERS ?? resolve(ROOT, '..', 'shared', 'peers');
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
  const r = spawnSync(full[0], full[1], {
    cwd: ROOT,
    env: { ...process.env, FONT, ...env },
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  const lines = (r.stderr ?? '').trim().split('\n');
  const rss = HAS_TIME ? Number(lines.at(-1)) / 1024 : NaN;
  return { s, rss, ok: r.status === 0, err: r.status === 0 ? '' : lines.slice(-3).join(' | ') };
}

// Templates keep their samples (`--allow-placeholder`): a test print, as the in-app rows do.
// On Linux through the launcher, which starts the short commands from the V8 start-up snapshot
// (main/cli/snapshot.ts); `plain` is the bundle alone (the package's bin, and Windows).
const LAUNCHER = process.platform === 'win32' ? undefined : join(ROOT, 'bin', 'campaign-studio');
const plain = (args) => ['node', [join(ROOT, 'bin', 'campaign-studio.js'), 'render', ...args]];
const ours = (args) => (LAUNCHER ? [LAUNCHER, ['render', ...args]] : plain(args));

// A peer runs only when its program is installed and its script is there (../shared/peers exists
// only in the team's checkout, beside the project); otherwise one line says why, not FAIL rows.
const PEERS_SPEC = {
  rsvg: { bin: '/usr/bin/rsvg-convert', script: 'rsvg.sh', run: (script, a) => ['bash', [script, ...a]] },
  inkscape: { bin: '/usr/bin/inkscape', script: 'inkscape.sh', run: (script, a) => ['bash', [script, ...a]] },
  chromium: {
    bin: '/usr/bin/chromium',
    script: 'chromium.mjs',
    needs: join(ROOT, 'node_modules', 'playwright-core'),
    run: (script, a) => ['node', [script, ...a]],
  },
};
const peer = {};
for (const [name, spec] of Object.entries(PEERS_SPEC)) {
  const script = join(PEERS, spec.script);
  const missing = [spec.bin, script, spec.needs].filter((f) => f && !existsSync(f));
  if (missing.length) {
    console.log(`peer ${name} skipped: ${missing.join(', ')} not found`);
    continue;
  }
  peer[name] = (kind, dpi, out) => spec.run(script, ['--kind', kind, '--dpi', String(dpi), '--out', out]);
}

function compare(label, slug, oursCmd, oursOut, kind, dpi, ext, withPeers = true, plainCmd = undefined) {
  const contenders = [['ours', oursCmd, oursOut]];
  if (plainCmd && LAUNCHER) contenders.push(['ours, plain bundle', plainCmd, oursOut.replace(/(\.\w+)$/, '-plain$1')]);
  for (const [name, make] of withPeers ? Object.entries(peer) : []) {
    const out = join(OUT, `${name}-${slug}.${ext}`);
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
      output: label,
      renderer: name,
      wall_s: ok ? median(rs.map((r) => r.s)).toFixed(2) : 'FAIL',
      peak_MB: ok && HAS_TIME ? Math.round(median(rs.map((r) => r.rss))) : '-',
      file_kB: ok && existsSync(out) ? Math.round(statSync(out).size / 1024) : '-',
      note: ok ? '' : rs[0].err.slice(0, 80),
    };
  });
}

// The peers draw one fixed design (../shared/peers/README.md): bench/peer-poster.json is that
// design for our CLI, so the A2 rows compare like with like. Our own templates are timed too.
const PEER_POSTER = join(ROOT, 'bench', 'peer-poster.json');
const out = (name) => join(OUT, name);
const rows = [
  ...compare(
    'A2 PNG 300 dpi, peer design',
    'a2-png',
    ours(['--design', PEER_POSTER, '--dpi', '300', '--out', out('ours-a2.png')]),
    out('ours-a2.png'),
    'poster',
    300,
    'png',
    true,
    plain(['--design', PEER_POSTER, '--dpi', '300', '--out', out('ours-a2-plain.png')]),
  ),
  ...compare(
    'A2 PNG 300 dpi, poster-a2-red',
    'a2-tpl-png',
    ours(['--template', 'poster-a2-red', '--allow-placeholder', '--dpi', '300', '--out', out('ours-a2-tpl.png')]),
    out('ours-a2-tpl.png'),
    'poster',
    300,
    'png',
    false,
  ),
  ...compare(
    'banner 600×70 cm PNG 150 dpi',
    'banner-png',
    ours(['--template', 'banner-red-600x70', '--allow-placeholder', '--dpi', '150', '--out', out('ours-banner.png')]),
    out('ours-banner.png'),
    'banner',
    150,
    'png',
  ),
  ...compare(
    'A2 PDF, peer design',
    'a2-pdf',
    ours(['--design', PEER_POSTER, '--out', out('ours-a2.pdf')]),
    out('ours-a2.pdf'),
    'poster',
    300,
    'pdf',
    true,
    plain(['--design', PEER_POSTER, '--out', out('ours-a2-plain.pdf')]),
  ),
  ...compare(
    'A2 PDF, poster-a2-red',
    'a2-tpl-pdf',
    ours(['--template', 'poster-a2-red', '--allow-placeholder', '--out', out('ours-a2-tpl.pdf')]),
    out('ours-a2-tpl.pdf'),
    'poster',
    300,
    'pdf',
    false,
  ),
  ...compare(
    'banner 600×70 cm PDF',
    'banner-pdf',
    ours(['--template', 'banner-red-600x70', '--allow-placeholder', '--out', out('ours-banner.pdf')]),
    out('ours-banner.pdf'),
    'banner',
    150,
    'pdf',
    false,
  ),
];
// Against rsvg-convert where it ran: ratios hold on a machine busier or slower than the one the
// targets were set on (peers' RESULTS.md: rsvg A2 PNG 0.76 s, A2 PDF 0.04 s).
const rsvg = new Map(
  rows.filter((r) => r.renderer === 'rsvg' && r.wall_s !== 'FAIL').map((r) => [r.output, Number(r.wall_s)]),
);
for (const r of rows) {
  const base = rsvg.get(r.output);
  r.vs_rsvg = base && r.wall_s !== 'FAIL' ? (Number(r.wall_s) / base).toFixed(2) + '×' : '';
}

const k = await keystrokeBench();
console.log(
  `\nlayout + SVG per keystroke (warm, in process): ${k.map((x) => `${x.id} median ${x.median.toFixed(3)} ms, p95 ${x.p95.toFixed(3)} ms (new text each keystroke: median ${x.freshMedian.toFixed(3)} ms, p95 ${x.freshP95.toFixed(3)} ms)`).join('; ')}`,
);
console.log(
  `\nwhole process, median of ${RUNS} runs after a warm-up, alternating renderers${HAS_TIME ? '' : ' (no /usr/bin/time: peak RSS not measured)'}:`,
);
console.table(rows);

// In the studio (#18 §1): exports and publishing through the real handlers on the warm worker
// pool, beside the CLI's whole-process figures above. BENCH_IN_APP=0 skips it.
if (process.env.BENCH_IN_APP !== '0') {
  const r = spawnSync(process.execPath, [join(ROOT, 'bench', 'in-app.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) process.exitCode = 1;
}

// The sample library's figures (issue #4): search over 10,000 samples, bulk photo import, bundles.
// BENCH_LIBRARY=0 skips it (it makes 400 photos first, about a minute).
if (process.env.BENCH_LIBRARY !== '0') {
  console.log('\nsample library (bench/library.mjs):');
  const r = spawnSync(process.execPath, [join(ROOT, 'bench', 'library.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) process.exitCode = 1;
}

// Batch production (issue 6): 120 six-metre banners from a CSV, one PDF each, through the CLI.
// BENCH_BATCH=0 skips it.
if (process.env.BENCH_BATCH !== '0') {
  console.log('\nbatch production (bench/batch.mjs):');
  const r = spawnSync(process.execPath, [join(ROOT, 'bench', 'batch.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) process.exitCode = 1;
}
